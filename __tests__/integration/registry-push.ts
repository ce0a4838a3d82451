import { createHash } from 'node:crypto';

/**
 * Pushes a tiny image under `tags` with the distribution API itself: a config blob (monolithic
 * upload: POST, then PUT with the digest) and an OCI manifest per tag. `authorization` is sent
 * with every request (a registry with htpasswd auth).
 */
export async function pushTinyImage(
  registry: string,
  repository: string,
  tags: string[],
  authorization?: string,
): Promise<void> {
  const base = `http://${registry}/v2/${repository}`;
  const auth: Record<string, string> = authorization ? { authorization } : {};
  const config = Buffer.from(
    JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }),
  );
  const digest = `sha256:${createHash('sha256').update(config).digest('hex')}`;
  const start = await fetch(`${base}/blobs/uploads/`, { method: 'POST', headers: auth });
  expect(start.status).toBe(202);
  const location = new URL(start.headers.get('location') ?? '', base);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream', ...auth },
    body: config,
  });
  expect(put.status).toBe(201);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest, size: config.length },
    layers: [],
  });
  for (const tag of tags) {
    const res = await fetch(`${base}/manifests/${tag}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json', ...auth },
      body: manifest,
    });
    expect(res.status).toBe(201);
  }
}
