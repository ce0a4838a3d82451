import { cacheEntryAttributes } from '../../lib/cache-entry';
import type { FetchLike } from '../../net/http';
import { type Checked, headExists } from '../../net/head';
import { type AwsCredentials, EMPTY_SHA256, signV4 } from './sigv4';

/** Credentials from the `AWS_*` variables, the ones buildx forwards to BuildKit too; never logged. */
export function awsCredentialsFrom(env: NodeJS.ProcessEnv): AwsCredentials | null {
  const accessKeyId = env.AWS_ACCESS_KEY_ID ?? '';
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY ?? '';
  if (accessKeyId === '' || secretAccessKey === '') return null;
  return {
    accessKeyId,
    secretAccessKey,
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
  };
}

function encodePath(key: string): string {
  return key
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
}

/**
 * The URL of the object BuildKit's s3 importer reads for a cache entry's manifest:
 * `<prefix><manifests_prefix><name>` (defaults `''`, `manifests/`; the first of `;`-separated
 * names, which is the one the importer reads), in `bucket` at `endpoint_url` (path style when
 * `use_path_style`), else at AWS in `region`. Bucket and region fall back to `AWS_BUCKET` and
 * `AWS_REGION`, as in BuildKit. Pure; null when the entry is not s3 or names no bucket or region.
 */
export function s3ManifestUrl(entry: string, env: NodeJS.ProcessEnv): { url: string; region: string } | null {
  const a = cacheEntryAttributes(entry);
  if (a.type !== 's3') return null;
  const bucket = a.bucket ?? env.AWS_BUCKET ?? '';
  const region = a.region ?? env.AWS_REGION ?? '';
  if (bucket === '' || region === '') return null;
  const name = (a.name ?? 'buildkit').split(';')[0];
  const key = encodePath(`${a.prefix ?? ''}${a.manifests_prefix ?? 'manifests/'}${name}`);
  if (a.endpoint_url) {
    const base = new URL(a.endpoint_url);
    const path = base.pathname.replace(/\/+$/, '');
    const url =
      a.use_path_style === 'true'
        ? `${base.protocol}//${base.host}${path}/${encodeURIComponent(bucket)}/${key}`
        : `${base.protocol}//${bucket}.${base.host}${path}/${key}`;
    return { url, region };
  }
  // A bucket with dots breaks the virtual host's TLS name: AWS serves it path style.
  const url = bucket.includes('.')
    ? `https://s3.${region}.amazonaws.com/${encodeURIComponent(bucket)}/${key}`
    : `https://${bucket}.s3.${region}.amazonaws.com/${key}`;
  return { url, region };
}

/**
 * Whether the manifest of an s3 cache entry exists: one signed `HEAD` on the object the importer
 * reads. 200 is yes, 404 no; anything else (a 403, which S3 also answers for a missing object
 * without `s3:ListBucket`, a timeout, no credentials) cannot tell, and says why.
 */
export async function s3ManifestExists(
  entry: string,
  env: NodeJS.ProcessEnv,
  o: { fetchImpl?: FetchLike; timeoutMs?: number; now?: Date } = {},
): Promise<Checked> {
  const target = s3ManifestUrl(entry, env);
  if (!target) return { exists: undefined, reason: 'the s3 entry names no bucket or region' };
  const credentials = awsCredentialsFrom(env);
  if (!credentials) {
    return { exists: undefined, reason: 'no AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment' };
  }
  const headers = signV4({
    method: 'HEAD',
    url: target.url,
    region: target.region,
    service: 's3',
    credentials,
    now: o.now,
    payloadHash: EMPTY_SHA256,
  });
  return headExists(target.url, headers, `s3 HEAD ${new URL(target.url).host}`, o);
}
