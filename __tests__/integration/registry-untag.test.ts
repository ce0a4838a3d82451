import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { removeTag } from '../../src/stores/registry/remove';
import { type FetchLike, httpFetch } from '../../src/net/http';
import { openRegistry } from '../../src/stores/registry/session';
import { listTags } from '../../src/stores/registry/tags';
import { pushTinyImage } from './registry-push';

const REGISTRY = '127.0.0.1:5000';
const ACCEPT = 'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json';

/** Every request the session sends, as `METHOD path -> status`. */
function recording(): { fetchImpl: FetchLike; log: string[] } {
  const log: string[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    const res = await httpFetch(url, init);
    log.push(`${init?.method ?? 'GET'} ${new URL(url).pathname} -> ${res.status}`);
    return res;
  };
  return { fetchImpl, log };
}

const session = (image: string, fetchImpl: FetchLike) =>
  openRegistry({
    image,
    fetchImpl,
    dockerConfigDir: '/nonexistent',
    signal: AbortSignal.timeout(10000),
    actions: 'pull,push,delete',
  });

async function digestOf(repository: string, tag: string): Promise<string | null> {
  const res = await fetch(`http://${REGISTRY}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { Accept: ACCEPT },
  });
  return res.ok ? res.headers.get('docker-content-digest') : null;
}

describe('removeTag on distribution 2.8 (no tag DELETE): the tag moves to a placeholder, deleted by digest', () => {
  const repository = `bkca-unit/untag-${randomBytes(4).toString('hex')}`;

  it("removes a tag that shares its manifest with main's; main's manifest and tag stay", async () => {
    await pushTinyImage(REGISTRY, repository, [
      'app.branch-main',
      'app.pr-1',
      'app.branch-feature',
      'app.pr-12',
    ]);
    const shared = await digestOf(repository, 'app.branch-main');
    const { fetchImpl, log } = recording();
    const s = session(`${REGISTRY}/${repository}`, fetchImpl);

    expect(await removeTag(s, 'app.pr-1', 'app.pr-1 (pr:1)', shared!)).toBeNull();
    const manifests = `/v2/${repository}/manifests`;
    expect(log).toStrictEqual([
      `DELETE ${manifests}/app.pr-1 -> 400`,
      `PUT ${manifests}/app.pr-1 -> 201`,
      expect.stringMatching(new RegExp(`^DELETE ${manifests}/sha256:[0-9a-f]{64} -> 202$`)),
    ]);
    // The registry is asked once whether it deletes tags: the next tag moves straight away.
    log.length = 0;
    expect(await removeTag(s, 'app.pr-12', 'app.pr-12 (pr:12)', shared!)).toBeNull();
    expect(log.map((l) => l.split(' ')[0])).toStrictEqual(['PUT', 'DELETE']);

    const listed = await listTags({ image: `${REGISTRY}/${repository}`, dockerConfigDir: '/nonexistent' });
    expect(listed.tags?.sort()).toStrictEqual(['app.branch-feature', 'app.branch-main']);
    expect(await digestOf(repository, 'app.branch-main')).toBe(shared);
    expect(await digestOf(repository, 'app.branch-feature')).toBe(shared);
  });
});

/**
 * A registry that answers the tag's DELETE, at the HTTP level (tag -> digest): `tag` deletes the
 * tag alone (OCI distribution 1.1), `manifest` deletes the manifest with every tag on it (what a
 * registry that takes the reference for its manifest does), `refuse` answers 403.
 */
async function tagDeletingRegistry(
  kind: 'tag' | 'manifest' | 'refuse',
): Promise<{ server: Server; host: string; tags: Map<string, string> }> {
  const tags = new Map([
    ['app.branch-main', 'sha256:1'],
    ['app.pr-1', 'sha256:1'],
  ]);
  const server = createServer((req, res) => {
    const ref = decodeURIComponent(/\/manifests\/([^/]+)$/.exec(req.url ?? '')?.[1] ?? '');
    if (req.method === 'HEAD') return void res.writeHead([...tags.values()].includes(ref) ? 200 : 404).end();
    if (req.method !== 'DELETE' || kind === 'refuse') return void res.writeHead(403).end();
    const digest = tags.get(ref);
    for (const [t, d] of [...tags]) if (t === ref || (kind === 'manifest' && d === digest)) tags.delete(t);
    res.writeHead(202).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, host: `127.0.0.1:${(server.address() as AddressInfo).port}`, tags };
}

describe('removeTag where the registry answers a tag DELETE', () => {
  const manifests = '/v2/team/app/manifests';
  it.each([
    {
      title: 'OCI distribution 1.1: the tag alone goes, nothing is pushed',
      kind: 'tag' as const,
      want: null,
      log: [`DELETE ${manifests}/app.pr-1 -> 202`, `HEAD ${manifests}/sha256%3A1 -> 200`],
      left: ['app.branch-main'],
    },
    {
      title: 'a registry that deleted the manifest with the tag: a reason naming it',
      kind: 'manifest' as const,
      want: expect.stringMatching(
        /deleted the manifest sha256:1 of team\/app with the tag app\.pr-1: the tags that shared it are gone too/,
      ),
      log: [`DELETE ${manifests}/app.pr-1 -> 202`, `HEAD ${manifests}/sha256%3A1 -> 404`],
      left: [],
    },
    {
      title: 'a refusal of the credentials: a reason, nothing is moved',
      kind: 'refuse' as const,
      want: expect.stringMatching(
        /refused to delete the tag app\.pr-1 in team\/app: the credentials may not \(HTTP 403\)/,
      ),
      log: [`DELETE ${manifests}/app.pr-1 -> 403`],
      left: ['app.branch-main', 'app.pr-1'],
    },
  ])('$title', async ({ kind, want, log: expected, left }) => {
    const { server, host, tags } = await tagDeletingRegistry(kind);
    try {
      const { fetchImpl, log } = recording();
      const s = session(`${host}/team/app`, fetchImpl);
      expect(await removeTag(s, 'app.pr-1', 'app.pr-1 (pr:1)', 'sha256:1')).toEqual(want);
      expect(log).toStrictEqual(expected);
      expect([...tags.keys()]).toStrictEqual(left);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
