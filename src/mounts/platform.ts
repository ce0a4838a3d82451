/**
 * The arguments BuildKit defines by itself from the build's platforms and target, which a
 * Dockerfile uses in FROM lines and, once declared with ARG, in its stages. Pure.
 */

export interface BuildPlatforms {
  /** The platform the image is built for (`linux/arm64`). */
  target: string;
  /** The platform the builder runs on. */
  build: string;
}

interface Platform {
  os: string;
  arch: string;
  variant: string;
}

/** `arm64/v8` is `arm64` in BuildKit's normal form; other variants stay. */
const DEFAULT_VARIANTS: Record<string, string> = { arm64: 'v8', amd64: 'v1' };

function parsePlatform(text: string): Platform {
  const [os = '', arch = '', variant = ''] = text.toLowerCase().split('/');
  return { os, arch, variant: DEFAULT_VARIANTS[arch] === variant ? '' : variant };
}

const format = (p: Platform) => [p.os, p.arch, p.variant].filter((s) => s !== '').join('/');

/** TARGETPLATFORM … BUILDVARIANT and TARGETSTAGE (the stage built: `default` for an unnamed last stage). */
export function platformArgs(platforms: BuildPlatforms, target: string): Map<string, string> {
  const t = parsePlatform(platforms.target);
  const b = parsePlatform(platforms.build);
  return new Map([
    ['BUILDPLATFORM', format(b)],
    ['BUILDOS', b.os],
    ['BUILDARCH', b.arch],
    ['BUILDVARIANT', b.variant],
    ['TARGETPLATFORM', format(t)],
    ['TARGETOS', t.os],
    ['TARGETARCH', t.arch],
    ['TARGETVARIANT', t.variant],
    ['TARGETSTAGE', target === '' ? 'default' : target],
  ]);
}

/** Node's `process.arch` as an OCI platform: the builder's own when it runs on this machine. */
const NODE_ARCHES: Record<string, string> = {
  x64: 'linux/amd64',
  arm64: 'linux/arm64',
  arm: 'linux/arm/v7',
  ppc64: 'linux/ppc64le',
  s390x: 'linux/s390x',
  riscv64: 'linux/riscv64',
};

export function nativePlatform(arch: string): string {
  return NODE_ARCHES[arch] ?? `linux/${arch}`;
}

/** One entry per platform the build makes: the `platforms` input, or the builder's own. */
export function buildPlatforms(platforms: string[], native: string): BuildPlatforms[] {
  const targets = platforms.length > 0 ? platforms : [native];
  return targets.map((target) => ({ target, build: native }));
}
