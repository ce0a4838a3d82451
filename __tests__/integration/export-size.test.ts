import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { measureExports } from '../../src/stores/measure';

// The export size, measured against a registry stand-in on 127.0.0.1 (a local server: integration).
describe('export size against a registry on 127.0.0.1', () => {
  let server: Server;
  let host: string;
  let handler: (req: IncomingMessage, res: ServerResponse) => void;
  const seen: { url: string; accept: string; auth: string | undefined }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({
        url: req.url ?? '',
        accept: String(req.headers.accept),
        auth: req.headers.authorization,
      });
      handler(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (seen.length = 0));

  it('sums the manifest by the digest from the metadata file, anonymously, with the OCI accept header', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' });
      res.end(JSON.stringify({ config: { size: 500 }, layers: [{ size: 1083987 }, { size: 3158 }] }));
    };
    const dest = `type=registry,ref=${host}/bkca/cache:pr-42,mode=max`;
    const sizes = await measureExports([dest], { mediaType: '', digest: 'sha256:feed', size: 3193 });
    expect(sizes).toStrictEqual([
      { destination: dest, bytes: 1087645, how: 'sum of the blobs the cache manifest lists' },
    ]);
    expect(seen).toStrictEqual([
      {
        url: '/v2/bkca/cache/manifests/sha256:feed',
        accept: expect.stringContaining('application/vnd.oci.image.manifest.v1+json'),
        auth: undefined,
      },
    ]);
  });

  it('says why when the registry wants credentials, and reads by tag without a digest', async () => {
    handler = (_req, res) => {
      res.writeHead(401);
      res.end();
    };
    const dest = `type=registry,ref=${host}/bkca/cache:main`;
    expect(await measureExports([dest], null)).toStrictEqual([
      { destination: dest, bytes: null, how: 'not measured: the registry wants credentials' },
    ]);
    expect(seen.map((s) => s.url)).toStrictEqual(['/v2/bkca/cache/manifests/main']);
  });

  it('never throws: an unreachable registry is "not measured"', async () => {
    const [size] = await measureExports(['type=registry,ref=127.0.0.1:1/x:y'], null);
    expect(size.bytes).toBeNull();
    expect(size.how).toMatch(/^not measured: /);
  });
});
