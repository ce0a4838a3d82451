import { posix } from 'node:path';
import type { FetchLike } from '../../net/http';
import { type Checked, headExists } from '../../net/head';
import { cacheEntryAttributes } from '../../lib/cache-entry';
import { signSharedKey } from './sharedkey';

/**
 * The blob BuildKit's azblob importer reads for a cache entry's manifest:
 * `<account_url>/<container>/<prefix>/<manifests_prefix>/<name>` (defaults `buildkit-cache`, none,
 * `manifests`), and the account it belongs to (`account_name`, else the account URL's first host
 * label, as in BuildKit). Pure; null when the entry is not azblob or has no account URL.
 */
export function azblobManifestUrl(entry: string): { url: string; account: string } | null {
  const a = cacheEntryAttributes(entry);
  if (a.type !== 'azblob' || !a.account_url) return null;
  let base: URL;
  try {
    base = new URL(a.account_url);
  } catch {
    return null;
  }
  const account = a.account_name ?? base.hostname.split('.')[0];
  const name = (a.name ?? 'buildkit').split(';')[0];
  const key = posix.join(a.prefix ?? '', a.manifests_prefix ?? 'manifests', name);
  const path = `${base.pathname.replace(/\/+$/, '')}/${a.container ?? 'buildkit-cache'}/${key}`;
  const url = `${base.protocol}//${base.host}${path.split('/').map(encodeURIComponent).join('/')}`;
  return { url, account };
}

/**
 * Whether the manifest of an azblob cache entry exists: one blob properties request (`HEAD`)
 * signed with the account key from `AZURE_STORAGE_KEY`, the blob the importer checks first. 200
 * is yes, 404 no; without a key (BuildKit may hold other credentials), or on any other answer,
 * it cannot tell, and says why.
 */
export async function azblobManifestExists(
  entry: string,
  env: NodeJS.ProcessEnv,
  o: { fetchImpl?: FetchLike; timeoutMs?: number; now?: Date } = {},
): Promise<Checked> {
  const target = azblobManifestUrl(entry);
  if (!target) return { exists: undefined, reason: 'the azblob entry names no usable account_url' };
  const key = env.AZURE_STORAGE_KEY ?? '';
  if (key === '') return { exists: undefined, reason: 'no AZURE_STORAGE_KEY in the environment' };
  const headers = signSharedKey({
    method: 'HEAD',
    url: target.url,
    account: target.account,
    key,
    now: o.now,
  });
  return headExists(target.url, headers, `azblob blob properties request to ${new URL(target.url).host}`, o);
}
