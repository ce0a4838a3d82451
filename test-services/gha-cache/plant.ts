import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { GhaCacheService } from './service';

/**
 * A hostile GitHub cache entry, planted as anyone holding a writable token for a scope could: a
 * real tar archive, written member by member (absolute names, `..`, links, devices and a member
 * of zeros that is streamed, never held), compressed as @actions/cache on this machine does, and
 * uploaded through the service's own protocol under `key`, as an entry of the folder `folder`.
 */

/** One tar member: a file (with `data`, or `size` bytes of zeros streamed), a folder, or a link. */
export interface TarMember {
  name: string;
  type: '0' | '1' | '2' | '5' | '3';
  linkname?: string;
  data?: string;
  zeros?: number;
}

function header(m: TarMember, size: number): Buffer {
  const h = Buffer.alloc(512);
  const put = (text: string, at: number, len: number) => h.write(text, at, len, 'utf8');
  const octal = (n: number, len: number) => n.toString(8).padStart(len - 1, '0');
  put(m.name, 0, 100);
  put(octal(m.type === '5' ? 0o755 : 0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(Date.now() / 1000), 12), 136, 12);
  put('        ', 148, 8);
  put(m.type, 156, 1);
  put(m.linkname ?? '', 157, 100);
  put('ustar', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const b of h) sum += b;
  put(`${octal(sum, 7)}\0`, 148, 8);
  return h;
}

/** A gzip- or zstd-compressed tar of `members`, streamed: a 1 GiB member never sits in memory. */
async function writeArchive(file: string, members: TarMember[], compression: string): Promise<void> {
  const out = fs.createWriteStream(file);
  const compressor =
    compression === 'gzip'
      ? zlib.createGzip()
      : spawn('zstd', ['-q', '-c', '-T0', ...(compression === 'zstd' ? ['--long=30'] : [])], {
          stdio: ['pipe', 'pipe', 'inherit'],
        });
  const input = 'stdin' in compressor ? compressor.stdin! : compressor;
  const output = 'stdout' in compressor ? compressor.stdout! : compressor;
  output.pipe(out);
  const write = (b: Buffer) =>
    new Promise<void>((r) => (input.write(b) ? r() : input.once('drain', () => r())));
  for (const m of members) {
    const size = m.type === '0' ? (m.zeros ?? Buffer.byteLength(m.data ?? '')) : 0;
    await write(header(m, size));
    if (m.zeros) {
      const chunk = Buffer.alloc(1024 * 1024);
      for (let left = m.zeros; left > 0; left -= chunk.length)
        await write(chunk.subarray(0, Math.min(left, chunk.length)));
    } else if (size > 0) await write(Buffer.from(m.data!));
    if (size % 512) await write(Buffer.alloc(512 - (size % 512)));
  }
  await write(Buffer.alloc(1024));
  input.end();
  await new Promise<void>((r) => out.on('close', () => r()));
}

/** Uploads `archive` as an entry of `folder` under `key`, as any holder of main's token could. */
export async function plantArchive(
  svc: GhaCacheService,
  o: { key: string; folder: string; members: TarMember[]; token: string; tempDir: string },
): Promise<void> {
  const { key, folder, members } = o;
  const saved = { ...process.env };
  Object.assign(process.env, svc.env(o.token));
  try {
    const utils = await import('@actions/cache/lib/internal/cacheUtils');
    const { internalCacheTwirpClient } = await import('@actions/cache/lib/internal/shared/cacheTwirpClient');
    const { uploadCacheArchiveSDK } = await import('@actions/cache/lib/internal/uploadUtils');
    const compression = await utils.getCompressionMethod();
    const version = utils.getCacheVersion([folder], compression);
    const archive = path.join(fs.mkdtempSync(path.join(o.tempDir, 'hostile-')), 'cache.tar');
    await writeArchive(archive, members, compression);
    const client = internalCacheTwirpClient();
    const created = await client.CreateCacheEntry({ key, version });
    if (!created.ok) throw new Error(`the service refused the entry ${key}`);
    await uploadCacheArchiveSDK(created.signedUploadUrl, archive);
    const done = await client.FinalizeCacheEntryUpload({
      key,
      version,
      sizeBytes: String(fs.statSync(archive).size),
    });
    if (!done.ok) throw new Error(`the service did not finalize ${key}`);
    fs.rmSync(path.dirname(archive), { recursive: true, force: true });
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}
