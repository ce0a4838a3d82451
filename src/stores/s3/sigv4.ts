import { createHash, createHmac } from 'node:crypto';

/** AWS credentials as the SDK's environment provider reads them (`AWS_*`). */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignInput {
  method: string;
  url: string;
  /** Headers to sign besides `host` and the `x-amz-*` ones this adds. */
  headers?: Record<string, string>;
  region: string;
  /** `s3` for S3; AWS's test suite uses `service`. */
  service: string;
  credentials: AwsCredentials;
  /** The signing time (default: now). */
  now?: Date;
  /**
   * The `x-amz-content-sha256` value; S3 requires it. Undefined leaves the header out (other
   * services, and AWS's generic test vectors) while still hashing the empty body.
   */
  payloadHash?: string;
}

/** SHA-256 of an empty body: what a HEAD or GET sends. */
export const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

const hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** `20150830T123600Z`: the ISO 8601 basic format SigV4 uses. */
export function amzDate(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, `/` kept in paths. */
function uriEncode(text: string, keepSlash: boolean): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const c = String.fromCharCode(byte);
      if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) return c;
      return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** The path as S3 signs it: each segment decoded once, then encoded once (no normalising of `.`/`..`). */
function canonicalPath(pathname: string): string {
  return uriEncode(decodeURIComponent(pathname), true) || '/';
}

function canonicalQuery(search: URLSearchParams): string {
  return [...search.entries()]
    .map(([k, v]) => [uriEncode(k, false), uriEncode(v, false)])
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/**
 * Signs a request with AWS Signature Version 4 (header form). Pure: the request, the credentials
 * and the time in; the headers to send out (`Authorization`, `x-amz-date`, and
 * `x-amz-content-sha256` / `x-amz-security-token` when they apply). The secret never leaves it.
 */
export function signV4(input: SignInput): Record<string, string> {
  const url = new URL(input.url);
  const date = amzDate(input.now ?? new Date());
  const headers: Record<string, string> = { ...(input.headers ?? {}), host: url.host, 'x-amz-date': date };
  if (input.payloadHash !== undefined) headers['x-amz-content-sha256'] = input.payloadHash;
  if (input.credentials.sessionToken) headers['x-amz-security-token'] = input.credentials.sessionToken;

  const canonical = Object.entries(headers)
    .map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const signedHeaders = canonical.map(([k]) => k).join(';');
  const request = [
    input.method.toUpperCase(),
    canonicalPath(url.pathname),
    canonicalQuery(url.searchParams),
    ...canonical.map(([k, v]) => `${k}:${v}`),
    '',
    signedHeaders,
    input.payloadHash ?? EMPTY_SHA256,
  ].join('\n');
  const scope = `${date.slice(0, 8)}/${input.region}/${input.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', date, scope, hex(request)].join('\n');
  const day = hmac(`AWS4${input.credentials.secretAccessKey}`, date.slice(0, 8));
  const key = hmac(hmac(hmac(day, input.region), input.service), 'aws4_request');
  const signature = hmac(key, toSign).toString('hex');
  const sent = Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'host'));
  return {
    ...sent,
    Authorization: `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
