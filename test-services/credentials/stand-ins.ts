import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as https from 'node:https';
import { join } from 'node:path';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stand-ins for the metadata services a cloud machine has and this one does not: the EC2
 * instance metadata service (IMDSv2) and Azure's managed-identity endpoint (App Service style,
 * `IDENTITY_ENDPOINT` / `IDENTITY_HEADER`). Each answers on loopback as the real one does, with
 * the credentials a test hands it, and counts what it was asked.
 */
export interface StandIn {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Method and path of each request, in order. */
  requests: string[];
  stop(): Promise<void>;
}

async function serve(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<StandIn> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};

/**
 * EC2's instance metadata service with one role: a session token for a PUT on the token path,
 * then, with that token, the role's name and its temporary credentials.
 */
export function startInstanceMetadata(
  role: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
): Promise<StandIn> {
  const token = 'imds-session-token';
  const rolePath = '/latest/meta-data/iam/security-credentials/';
  return serve((req, res) => {
    if (req.method === 'PUT' && req.url === '/latest/api/token') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return res.end(token);
    }
    if (req.headers['x-aws-ec2-metadata-token'] !== token) return json(res, 401, {});
    if (req.url === rolePath) {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return res.end(role);
    }
    if (req.url === `${rolePath}${role}`) {
      const now = Date.now();
      return json(res, 200, {
        Code: 'Success',
        LastUpdated: new Date(now).toISOString(),
        Type: 'AWS-HMAC',
        AccessKeyId: credentials.accessKeyId,
        SecretAccessKey: credentials.secretAccessKey,
        Token: 'instance-session-token',
        Expiration: new Date(now + 3600_000).toISOString(),
      });
    }
    json(res, 404, {});
  });
}

/**
 * AWS STS answering `AssumeRoleWithWebIdentity` (the call the SDK's web-identity provider makes,
 * as on a runner with OIDC) with the credentials a test hands it, when the token file's content
 * is `webIdentityToken`. Each request is recorded as `<method> <path> <Action>`.
 */
export function startStsWebIdentity(
  webIdentityToken: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
): Promise<StandIn> {
  let stand: StandIn;
  const started = serve((req, res) => {
    // serve() has just recorded this request: its Action is added once the body is in.
    const index = stand.requests.length - 1;
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      stand.requests[index] += ` ${form.get('Action')}`;
      if (
        form.get('Action') !== 'AssumeRoleWithWebIdentity' ||
        form.get('WebIdentityToken') !== webIdentityToken
      ) {
        res.writeHead(403, { 'Content-Type': 'text/xml' });
        res.end('<ErrorResponse><Error><Code>AccessDenied</Code></Error></ErrorResponse>');
        return;
      }
      const expiration = new Date(Date.now() + 3600_000).toISOString();
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.end(
        '<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">' +
          '<AssumeRoleWithWebIdentityResult><Credentials>' +
          `<AccessKeyId>${credentials.accessKeyId}</AccessKeyId>` +
          `<SecretAccessKey>${credentials.secretAccessKey}</SecretAccessKey>` +
          `<SessionToken>web-identity-session-token</SessionToken><Expiration>${expiration}</Expiration>` +
          '</Credentials><AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/ci/runner</Arn>' +
          '<AssumedRoleId>AROAEXAMPLE:runner</AssumedRoleId></AssumedRoleUser>' +
          '</AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>' +
          '</AssumeRoleWithWebIdentityResponse>',
      );
    });
  });
  return started.then((s) => (stand = s));
}

/** A JWT as Entra ID issues it for Azure Storage; unsigned, as Azurite's `--oauth basic` allows. */
export function storageToken(lifetimeSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const claims = {
    aud: 'https://storage.azure.com',
    iss: 'https://sts.windows.net/ab1f708d-50f6-404c-a006-d71b2ac7a606/',
    iat: now,
    nbf: now - 60,
    exp: now + lifetimeSeconds,
    oid: '00000000-0000-0000-0000-000000000001',
    tid: 'ab1f708d-50f6-404c-a006-d71b2ac7a606',
  };
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/**
 * Azure's managed-identity endpoint (the App Service protocol that `IDENTITY_ENDPOINT` and
 * `IDENTITY_HEADER` name): a token for the asked resource when the secret header matches.
 */
export function startManagedIdentity(secret: string, accessToken: string): Promise<StandIn> {
  return serve((req, res) => {
    if (req.headers['x-identity-header'] !== secret) return json(res, 401, { error: 'unauthorized' });
    const resource = new URL(req.url ?? '/', 'http://x').searchParams.get('resource') ?? '';
    json(res, 200, {
      access_token: accessToken,
      expires_on: String(Math.floor(Date.now() / 1000) + 3600),
      resource,
      token_type: 'Bearer',
    });
  });
}

/** Where the clouds' SDKs look for credentials in the environment: all of it is the test's. */
const CREDENTIAL_VARIABLE = /^(AWS_|AZURE_|IDENTITY_|MSI_|IMDS_)/;

/**
 * Runs `fn` with process.env holding only the credential variables given (undefined unsets one),
 * the AWS files pointed at nothing and EC2's metadata service off unless a test sets them: the
 * SDKs read process.env themselves, and this machine's own files must not answer. Restores
 * everything after.
 */
export async function withCredentialEnv<T>(
  vars: Record<string, string | undefined>,
  fn: () => Promise<T>,
): Promise<T> {
  const saved = { ...process.env };
  for (const name of Object.keys(process.env)) if (CREDENTIAL_VARIABLE.test(name)) delete process.env[name];
  Object.assign(process.env, {
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  try {
    return await fn();
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

/**
 * A self-signed certificate for 127.0.0.1 (openssl), for a service that must speak HTTPS: Azurite
 * takes OAuth tokens over HTTPS only. A client trusts it through NODE_EXTRA_CA_CERTS=`cert`.
 */
export function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'].concat([
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ]),
    { stdio: 'ignore' },
  );
  return { cert, key };
}

/**
 * Runs `fn` with `certFile` trusted by this process's default HTTPS agent (which Azure's SDK uses
 * with `keepAliveOptions: { enable: false }`). A child process is given NODE_EXTRA_CA_CERTS
 * instead, which Node reads only when it starts. Restores the agent after.
 */
export async function trustingCertificate<T>(certFile: string, fn: () => Promise<T>): Promise<T> {
  const saved = https.globalAgent.options.ca;
  https.globalAgent.options.ca = [readFileSync(certFile)];
  try {
    return await fn();
  } finally {
    https.globalAgent.options.ca = saved;
  }
}
