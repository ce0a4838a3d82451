import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { httpFetch } from '../../src/net/http';

/**
 * An S3-compatible server on loopback for the tests: s3rver (npm), in this process, on a free
 * port, storing under a fresh folder. It knows one account (`S3RVER` / `S3RVER`) and answers an
 * unknown access key with 403, as S3 does. Requests are signed by the AWS SDK's own signer.
 */
export interface S3Server {
  /** `http://127.0.0.1:<port>`: the `endpoint_url` (path style). */
  url: string;
  port: number;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Keys in the bucket, sorted (ListObjectsV2, signed as any client would). */
  keys(): Promise<string[]>;
  /** Writes an object (a signed PUT). */
  put(key: string, body: string): Promise<void>;
  stop(): Promise<void>;
}

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

export async function startS3rver(bucket = 'buildkit-cache'): Promise<S3Server> {
  const S3rver = require('s3rver') as S3rverClass;
  const directory = await mkdtemp(join(tmpdir(), 'bkca-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const url = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const signer = new SignatureV4({
    service: 's3',
    region: 'us-east-1',
    credentials,
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: false,
  });
  const send = async (method: string, target: string, body = '') => {
    const u = new URL(target);
    const signed = await signer.sign({
      method,
      protocol: u.protocol,
      hostname: u.hostname,
      port: Number(u.port),
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      headers: { host: u.host },
      body,
    });
    const headers = signed.headers as Record<string, string>;
    const res = await httpFetch(target, { method, headers, ...(method === 'PUT' ? { body } : {}) });
    if (!res.ok) throw new Error(`s3rver: ${method} ${target}: HTTP ${res.status}`);
    return res.text();
  };
  return {
    keys: async () => {
      const xml = await send('GET', `${url}/${bucket}?list-type=2&max-keys=1000`);
      return [...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]).sort();
    },
    put: async (key, body) => {
      await send('PUT', `${url}/${bucket}/${key}`, body);
    },
    url,
    port,
    bucket,
    ...credentials,
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** A loopback server that answers every request with 403, as a store that refuses the credentials. */
export async function startForbidden(): Promise<{
  url: string;
  requests: () => number;
  stop(): Promise<void>;
}> {
  let count = 0;
  const server: Server = createServer((req, res) => {
    count++;
    req.resume();
    res.writeHead(403, { 'Content-Type': 'application/xml' });
    res.end(req.method === 'HEAD' ? undefined : '<Error><Code>AccessDenied</Code></Error>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
