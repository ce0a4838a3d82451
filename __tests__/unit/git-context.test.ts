import { defaultGitContext, githubTokenHost, gitUrlHost, renderContexts } from '../../src/buildx/git-context';
import { parseInputs } from '../../src/runner/inputs/read';

const ctx = {
  serverUrl: 'https://github.com',
  repository: 'octo/app',
  ref: 'refs/pull/7/merge',
  sha: 'a'.repeat(40),
  pullRequest: { number: 7, baseRef: 'main', headRef: 'feat', headSha: 'b'.repeat(40), fromFork: false },
};
const build = (v: Record<string, string | undefined>) => parseInputs((n) => v[n] ?? '').build;

describe("defaultGitContext: the run's repository at the event's commit", () => {
  it.each([
    {
      title: "a pull request's merge commit, as the event names it",
      o: { query: false, pullRequestHead: false },
      want: `https://github.com/octo/app.git#${'a'.repeat(40)}`,
    },
    {
      title: "the pull request's head commit when the ref is switched to its head",
      o: { query: false, pullRequestHead: true },
      want: `https://github.com/octo/app.git#${'b'.repeat(40)}`,
    },
    {
      title: "buildx's query form",
      o: { query: true, pullRequestHead: false },
      want: `https://github.com/octo/app.git?ref=${'a'.repeat(40)}`,
    },
  ])('$title', ({ o, want }) => expect(defaultGitContext(ctx, o)).toBe(want));

  it('a GitHub Enterprise Server keeps its own URL', () => {
    const ghes = { ...ctx, serverUrl: 'https://ghe.example.test/', ref: 'main', sha: '' };
    expect(defaultGitContext(ghes, { query: false, pullRequestHead: false })).toBe(
      'https://ghe.example.test/octo/app.git#refs/heads/main',
    );
  });
});

describe('renderContexts', () => {
  it('fills {{defaultContext}} in context and build-contexts, leaves others alone', () => {
    const b = renderContexts(
      build({
        context: '{{ defaultContext }}:docker',
        'build-contexts': 'base={{defaultContext}}:base\nlib=./lib',
      }),
      'G#s',
    );
    expect(b.context).toBe('G#s:docker');
    expect(b.buildContexts).toStrictEqual(['base=G#s:base', 'lib=./lib']);
    expect(renderContexts(build({}), 'G#s').context).toBe('G#s');
    expect(renderContexts(build({ context: './app' }), 'G#s').context).toBe('./app');
  });
});

describe('githubTokenHost: the GitHub token goes only to the run’s own server', () => {
  it.each([
    {
      title: 'the run’s repository on github.com',
      v: { context: 'https://github.com/octo/app.git#x' },
      want: 'github.com',
    },
    { title: 'GitLab: never', v: { context: 'https://gitlab.com/org/app.git#main' }, want: null },
    { title: 'an ssh URL to another host: never', v: { context: 'git@gitlab.com:org/app.git' }, want: null },
    { title: 'a look-alike host: never', v: { context: 'https://github.com.evil.test/o/a.git' }, want: null },
    { title: 'a local folder: no Git fetch, no token', v: { context: '.' }, want: null },
    {
      title: 'a build context on the server',
      v: { context: '.', 'build-contexts': 'base=https://github.com/octo/base.git#v1' },
      want: 'github.com',
    },
    {
      title: 'secrets already give GIT_AUTH_TOKEN',
      v: { context: 'https://github.com/octo/app.git', secrets: 'GIT_AUTH_TOKEN=mine' },
      want: null,
    },
  ])('$title', ({ v, want }) => expect(githubTokenHost(build(v), 'https://github.com')).toBe(want));

  it('on GitHub Enterprise Server, its host (port included) and not github.com', () => {
    const server = 'https://ghe.example.test:8443';
    expect(githubTokenHost(build({ context: 'https://ghe.example.test:8443/o/a.git#m' }), server)).toBe(
      'ghe.example.test:8443',
    );
    expect(githubTokenHost(build({ context: 'https://github.com/o/a.git#m' }), server)).toBeNull();
  });

  it.each([
    ['https://u@host.test:81/a.git#x', 'host.test:81'],
    ['git@host.test:o/a.git', 'host.test'],
    ['ssh://git@host.test/o/a.git', 'host.test'],
    ['./dir', null],
  ])('gitUrlHost(%s) = %s', (url, want) => expect(gitUrlHost(url)).toBe(want));
});
