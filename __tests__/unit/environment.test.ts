import * as os from 'node:os';
import * as path from 'node:path';
import { environmentFrom } from '../../src/runner/environment';

describe('environmentFrom: the runner read once', () => {
  const cache = (env: NodeJS.ProcessEnv) => environmentFrom(env, '/cwd').cache;

  it.each([
    [
      'v2 when ACTIONS_CACHE_SERVICE_V2 is true',
      {
        ACTIONS_CACHE_SERVICE_V2: 'True',
        ACTIONS_RESULTS_URL: 'https://r/',
        ACTIONS_CACHE_URL: 'https://c/',
      },
      { protocol: 'v2', url: 'https://r/' },
    ],
    [
      'v1 when it is not',
      { ACTIONS_RESULTS_URL: 'https://r/', ACTIONS_CACHE_URL: 'https://c/' },
      { protocol: 'v1', url: 'https://c/' },
    ],
    [
      'none when v2 is asked and only v1 is there',
      { ACTIONS_CACHE_SERVICE_V2: '1', ACTIONS_CACHE_URL: 'https://c/' },
      null,
    ],
    [
      'none when v1 has no URL',
      { ACTIONS_CACHE_SERVICE_V2: 'false', ACTIONS_RESULTS_URL: 'https://r/' },
      null,
    ],
  ])('the cache service: %s', (_name, env, expected) => {
    expect(cache(env).service).toEqual(expected);
  });

  it.each([
    ['reachable with a token and a URL', { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_CACHE_URL: 'https://c/' }, ''],
    ['no token', { ACTIONS_CACHE_URL: 'https://c/' }, 'ACTIONS_RUNTIME_TOKEN is not set'],
    ['no service URL', { ACTIONS_RUNTIME_TOKEN: 't' }, 'neither ACTIONS_RESULTS_URL nor ACTIONS_CACHE_URL'],
  ])('why the cache cannot be reached: %s', (_name, env, reason) => {
    const why = cache(env).unavailable;
    if (reason === '') expect(why).toBe('');
    else expect(why).toContain(reason);
  });

  it('keeps "unset" apart from "empty" where buildx does', () => {
    expect(cache({ ACTIONS_CACHE_URL: '' }).raw.cacheUrl).toBe('');
    expect(cache({}).raw.cacheUrl).toBeUndefined();
    expect(cache({ ACTIONS_RESULTS_URL: 'https://r/' }).url).toBe('https://r/');
  });

  it('falls back to the system temp and tool-cache folders, and GitHub.com', () => {
    const e = environmentFrom({}, '/cwd');
    expect(e.runner).toEqual({
      kind: '',
      temp: os.tmpdir(),
      toolCache: path.join(os.tmpdir(), 'bkca-tool-cache'),
    });
    expect(e.github).toMatchObject({
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      runAttempt: '1',
      workspace: '/cwd',
    });
    expect(e.docker.configDir).toBe(path.join(os.homedir(), '.docker'));
  });

  it('reads switches as Go booleans, as buildx does', () => {
    const b = environmentFrom({
      BUILDX_NO_DEFAULT_ATTESTATIONS: 'T',
      BUILDX_SEND_GIT_QUERY_AS_INPUT: 'yes',
    }).buildx;
    expect(b.noDefaultAttestations).toBe(true);
    expect(b.sendGitQueryAsInput).toBe(false);
  });

  it('takes AWS credentials under either name, the longer first', () => {
    const aws = environmentFrom({ AWS_ACCESS_KEY: 'old', AWS_SECRET_ACCESS_KEY: 'new' }).stores.aws;
    expect(aws.accessKeyId).toBe('old');
    expect(aws.secretAccessKey).toBe('new');
    // Both names set: the longer one (what the AWS tools read first) wins.
    const both = environmentFrom({
      AWS_ACCESS_KEY_ID: 'id-long',
      AWS_ACCESS_KEY: 'id-short',
      AWS_SECRET_ACCESS_KEY: 'secret-long',
      AWS_SECRET_KEY: 'secret-short',
    }).stores.aws;
    expect(both.accessKeyId).toBe('id-long');
    expect(both.secretAccessKey).toBe('secret-long');
    expect(environmentFrom({ AWS_SECRET_KEY: 'secret-short' }).stores.aws.secretAccessKey).toBe(
      'secret-short',
    );
  });
});
