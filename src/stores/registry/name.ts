/** Where a repository lives, and the key `docker login` used for it in the docker config file. */
export interface ImageName {
  /** host[:port] to talk to (`registry-1.docker.io` for Docker Hub). */
  registry: string;
  /** The repository path in that registry (`library/alpine` for Docker Hub's `alpine`). */
  repository: string;
  /** The key of `auths` in config.json (`https://index.docker.io/v1/` for Docker Hub). */
  configKey: string;
}

/** An image reference: the repository it names, and the tag and digest that pick one manifest. */
export interface ImageReference {
  name: ImageName;
  tag?: string;
  digest?: string;
}

const DOCKER_HUB_REGISTRY = 'registry-1.docker.io';
export const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';
export const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

const LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const DOMAIN = new RegExp(`^(?:\\[[0-9a-fA-F:.]+\\]|${LABEL}(?:\\.${LABEL})*)(?::[0-9]{1,5})?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;

/**
 * Splits an image reference the way docker does (distribution's reference grammar):
 *
 * - the part before the first `/` is the registry when it contains `.` or `:`, is `localhost`,
 *   or has an uppercase letter; otherwise the name is on Docker Hub;
 * - Docker Hub (`alpine`, `user/repo`, `docker.io/...`, `index.docker.io/...`) is reached at
 *   `registry-1.docker.io`, a single-component name gets `library/`, and credentials are under
 *   `https://index.docker.io/v1/`;
 * - a trailing `:tag` and/or `@digest` is accepted and kept apart from the name (the repository
 *   is what is listed; a manifest is asked for by them).
 *
 * Throws an Error (with a message fit for a job log) for what docker would refuse too: an empty
 * name, uppercase letters in the repository path, bad separators, a malformed registry host,
 * tag or digest. `listTags` (tags.ts) turns that into a reason.
 */
export function parseImageReference(image: string): ImageReference {
  const quoted = JSON.stringify(image);
  let rest = image;
  const pinned: { tag?: string; digest?: string } = {};
  const at = rest.indexOf('@');
  if (at !== -1) {
    pinned.digest = rest.slice(at + 1);
    if (!DIGEST.test(pinned.digest)) throw new Error(`image ${quoted} has a malformed digest`);
    rest = rest.slice(0, at);
  }
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    pinned.tag = rest.slice(colon + 1);
    if (!TAG.test(pinned.tag)) throw new Error(`image ${quoted} has a malformed tag`);
    rest = rest.slice(0, colon);
  }
  if (rest === '') throw new Error(`image ${quoted} is empty`);

  const slash = rest.indexOf('/');
  const first = slash === -1 ? '' : rest.slice(0, slash);
  const hasDomain =
    slash !== -1 &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  let domain = hasDomain ? first : 'docker.io';
  let path = hasDomain ? rest.slice(slash + 1) : rest;
  if (!DOMAIN.test(domain))
    throw new Error(`image ${quoted} has a malformed registry host ${JSON.stringify(domain)}`);
  if (path === '') throw new Error(`image ${quoted} has no repository path`);
  const components = path.split('/');
  for (const component of components) {
    if (component !== component.toLowerCase()) {
      throw new Error(`image ${quoted}: repository names must be lowercase`);
    }
    if (!PATH_COMPONENT.test(component)) {
      throw new Error(
        `image ${quoted}: ${JSON.stringify(component)} is not a valid repository path component`,
      );
    }
  }
  if (rest.length > 255) throw new Error(`image ${quoted} is longer than 255 characters`);

  if (DOCKER_HUB_ALIASES.has(domain.toLowerCase())) {
    domain = DOCKER_HUB_REGISTRY;
    if (components.length === 1) path = `library/${path}`;
    return { name: { registry: domain, repository: path, configKey: DOCKER_HUB_CONFIG_KEY }, ...pinned };
  }
  return { name: { registry: domain, repository: path, configKey: domain }, ...pinned };
}

/** The repository an image reference names (see {@link parseImageReference}); throws like it. */
export function parseImageName(image: string): ImageName {
  return parseImageReference(image).name;
}

/** The host of `host[:port]` or `[v6]:port`, lowercased, without brackets. */
export function hostOf(registry: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(registry);
  if (bracketed) return bracketed[1].toLowerCase();
  return registry.replace(/:[0-9]+$/, '').toLowerCase();
}

/** Docker's rule: loopback registries (localhost, 127.0.0.0/8, ::1) may be plain HTTP. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.[0-9]{1,3}){3}$/.test(host);
}

/** `http://` for loopback registries, `https://` for every other. */
export function registryOrigin(registry: string): string {
  return `${isLoopback(hostOf(registry)) ? 'http' : 'https'}://${registry}`;
}
