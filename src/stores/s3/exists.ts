import { cacheEntryAttributes } from '../../lib/cache-entry';
import { failureText, type FetchLike } from '../../net/http';
import { type Checked, headExists } from '../../net/head';
import { credentialChainHandler } from './proxied-handler';
import type { StoreCredentials } from '../../runner/environment';

/** The bucket and region the environment gives (`AWS_BUCKET`, `AWS_REGION`), as BuildKit falls back to them. */
type AwsDefaults = Pick<StoreCredentials['aws'], 'bucket' | 'region'>;

type AwsCredentialIdentity = Awaited<
  ReturnType<ReturnType<typeof import('@aws-sdk/credential-provider-node').defaultProvider>>
>;

/**
 * The AWS SDK's default chain on the runner, the one buildx reads and forwards to BuildKit:
 * environment, shared config and credentials files (`AWS_PROFILE`), SSO, web identity, ECS
 * container and EC2 instance metadata. It reads `process.env` itself, as the SDK does. Loaded on
 * the first s3 check only: gha and registry runs never load the SDK. From the chain's own package:
 * `@aws-sdk/credential-providers` would also bundle providers the check never calls (Cognito, STS roles).
 */
async function credentialsFromChain(timeoutMs: number): Promise<AwsCredentialIdentity> {
  const [{ defaultProvider }, requestHandler] = await Promise.all([
    import('@aws-sdk/credential-provider-node'),
    credentialChainHandler(),
  ]);
  // The metadata services get one short try: an instance without a role must not hold the build.
  // STS and SSO go through the runner's proxy, as the action's own calls do.
  return defaultProvider({
    timeout: Math.min(timeoutMs, 1000),
    maxRetries: 0,
    ...(requestHandler ? { clientConfig: { requestHandler } } : {}),
  })();
}

/** The headers of a `HEAD` on `url`, signed by the SDK's own Signature Version 4 signer. */
async function signedHead(url: URL, region: string, credentials: AwsCredentialIdentity) {
  const [{ SignatureV4 }, { Hash }] = await Promise.all([
    import('@smithy/signature-v4'),
    import('@smithy/hash-node'),
  ]);
  // S3 signs the path as sent (already escaped once), not escaped again as other services are.
  const signer = new SignatureV4({
    service: 's3',
    region,
    credentials,
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: false,
  });
  const signed = await signer.sign({
    method: 'HEAD',
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query: {},
    headers: { host: url.host },
  });
  return signed.headers as Record<string, string>;
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
export function s3ManifestUrl(entry: string, aws: AwsDefaults): { url: string; region: string } | null {
  const a = cacheEntryAttributes(entry);
  if (a.type !== 's3') return null;
  const bucket = a.bucket ?? aws.bucket;
  const region = a.region ?? aws.region;
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

/** The credentials chain, or why it found none (its message names no secret). */
async function credentialsOrReason(timeoutMs: number): Promise<AwsCredentialIdentity | string> {
  try {
    return await credentialsFromChain(timeoutMs);
  } catch (e) {
    return `the AWS SDK's default credential chain found no credentials: ${failureText(e)}`;
  }
}

/**
 * Whether the manifest of an s3 cache entry exists: one `HEAD` on the object the importer reads,
 * with the credentials of the AWS SDK's default chain, through the action's HTTP client (so the
 * runner's proxy settings apply). 200 is yes, 404 no; anything else (a 403, which S3 also answers
 * for a missing object without `s3:ListBucket`, a timeout, no credentials) cannot tell, and says
 * why.
 */
export async function s3ManifestExists(
  entry: string,
  aws: AwsDefaults,
  o: { fetchImpl?: FetchLike; timeoutMs?: number } = {},
): Promise<Checked> {
  const target = s3ManifestUrl(entry, aws);
  if (!target) return { exists: undefined, reason: 'the s3 entry names no bucket or region' };
  const credentials = await credentialsOrReason(o.timeoutMs ?? 5000);
  if (typeof credentials === 'string') return { exists: undefined, reason: credentials };
  const url = new URL(target.url);
  const headers = await signedHead(url, target.region, credentials);
  return headExists(target.url, headers, `s3 HEAD ${url.host}`, o);
}
