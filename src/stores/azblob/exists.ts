import { posix } from 'node:path';
import type { TokenCredential } from '@azure/identity';
import type * as StorageBlob from '@azure/storage-blob';

// require(), not import: an import makes the bundle take the SDK's ESM build, whose CRC64 loader
// fails inside ncc's chunks. This module is itself loaded with await import() on azblob runs only.
const { BlobClient, StorageSharedKeyCredential } = require('@azure/storage-blob') as typeof StorageBlob;
import { failureText } from '../../net/http';
import type { Checked } from '../../net/head';
import { cacheEntryAttributes } from '../../lib/cache-entry';

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

/** A credential for the blob service, and the words that say which one it is. */
interface AzureCredential {
  credential: TokenCredential | StorageBlob.StorageSharedKeyCredential;
  via: string;
}

/**
 * An account key signs as Shared Key, as BuildKit does with it; without one, the job's Azure
 * default chain (environment, workload identity, managed identity, the Azure CLI's login). That
 * is the job's chain: BuildKit runs its own in the builder container, with the variables given
 * there (`driver-opts: env.…`), so the two can differ and the check says which it used.
 */
async function credentialFor(account: string, key: string): Promise<AzureCredential> {
  if (key !== '') {
    return {
      credential: new StorageSharedKeyCredential(account, key),
      via: 'the account key in AZURE_STORAGE_KEY',
    };
  }
  const { defaultCredential } = await import('./default-credential');
  return { credential: defaultCredential(), via: "the job's Azure default credential chain" };
}

/** An SDK failure in one line: Azure's credential errors list every source they tried. */
function firstLine(e: unknown): string {
  const text = failureText(e).split('\n')[0].trim();
  return text.length > 240 ? `${text.slice(0, 237)}...` : text;
}

/**
 * Whether the manifest of an azblob cache entry exists: one blob properties request (`HEAD`,
 * the SDK's `getProperties`) on the blob the importer checks first, signed as {@link credentialFor}
 * says. 200 is yes, 404 no; any other answer, no credentials, or a failed request cannot tell, and
 * the reason names the store and the credential used (never a secret).
 */
export async function azblobManifestExists(
  entry: string,
  /** AZURE_STORAGE_KEY ('' when unset). */
  accountKey: string,
  o: { timeoutMs?: number } = {},
): Promise<Checked> {
  const target = azblobManifestUrl(entry);
  if (!target) return { exists: undefined, reason: 'the azblob entry names no usable account_url' };
  const { credential, via } = await credentialFor(target.account, accountKey);
  // The SDK's pipeline routes through HTTPS_PROXY / NO_PROXY itself. One try, as for s3, and no
  // pooled socket: a single request must not keep the step's process alive afterwards.
  const blob = new BlobClient(target.url, credential, {
    retryOptions: { maxTries: 1 },
    keepAliveOptions: { enable: false },
  });
  const what = `azblob blob properties request to ${new URL(target.url).host} with ${via}`;
  try {
    await blob.getProperties({ abortSignal: AbortSignal.timeout(o.timeoutMs ?? 5000) });
    return { exists: true };
  } catch (e) {
    const status = (e as { statusCode?: unknown })?.statusCode;
    if (status === 404) return { exists: false };
    if (typeof status === 'number') return { exists: undefined, reason: `${what} answered HTTP ${status}` };
    const name = (e as { name?: unknown })?.name;
    const why = name === 'TimeoutError' || name === 'AbortError' ? 'timed out' : firstLine(e);
    return { exists: undefined, reason: `${what} failed: ${why}` };
  }
}
