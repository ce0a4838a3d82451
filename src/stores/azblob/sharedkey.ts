import { createHmac } from 'node:crypto';

/** The standard headers in the order the Shared Key string to sign lists them (blob service). */
const STANDARD = [
  'content-encoding',
  'content-language',
  'content-length',
  'content-md5',
  'content-type',
  'date',
  'if-modified-since',
  'if-match',
  'if-none-match',
  'if-unmodified-since',
  'range',
];

/**
 * The Shared Key string to sign of a blob service request (versions 2015-02-21 and later: a
 * `Content-Length` of 0 is left empty). Pure; exported for its table test.
 */
export function stringToSign(method: string, url: string, account: string, headers: Record<string, string>) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const standard = STANDARD.map((h) => (h === 'content-length' && lower[h] === '0' ? '' : (lower[h] ?? '')));
  const msHeaders = Object.keys(lower)
    .filter((k) => k.startsWith('x-ms-'))
    .sort()
    .map((k) => `${k}:${lower[k].trim()}`);
  const u = new URL(url);
  const query = [...new Set([...u.searchParams.keys()].map((k) => k.toLowerCase()))]
    .sort()
    .map((k) => `\n${k}:${u.searchParams.getAll(k).sort().join(',')}`);
  const resource = `/${account}${decodeURIComponent(u.pathname)}${query.join('')}`;
  return [method.toUpperCase(), ...standard, ...msHeaders, resource].join('\n');
}

/**
 * Signs a blob service request with the account key (Shared Key). Pure: the request, the key and
 * the time in; the headers to send out. The key never leaves it.
 */
export function signSharedKey(o: {
  method: string;
  url: string;
  account: string;
  /** The base64 account key. */
  key: string;
  headers?: Record<string, string>;
  now?: Date;
  version?: string;
}): Record<string, string> {
  const headers = {
    ...(o.headers ?? {}),
    'x-ms-date': (o.now ?? new Date()).toUTCString(),
    'x-ms-version': o.version ?? '2021-08-06',
  };
  const signature = createHmac('sha256', Buffer.from(o.key, 'base64'))
    .update(stringToSign(o.method, o.url, o.account, headers), 'utf8')
    .digest('base64');
  return { ...headers, Authorization: `SharedKey ${o.account}:${signature}` };
}
