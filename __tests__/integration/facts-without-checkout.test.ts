import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { gatherFacts } from '../../src/facts/facts';
import { runContextFrom } from '../../src/github/context';
import { environmentFrom } from '../../src/runner/environment';
import { exec } from '../../src/lib/exec';
import { factsNeeded } from '../../src/plan/rules';
import { classify } from '../../src/plan/triggers';

// A job with no checkout (build-push-action's Git context needs none): git has nothing to say, so
// the facts come from GitHub's REST API, played here by a loopback server answering with GitHub's
// payload shapes (`GET /repos/{o}/{r}/commits/{sha}`, `GET /repos/{o}/{r}/compare/{a}...{b}`).

const sha = (c: string) => c.repeat(40);
const TOKEN = 'ghs_factsToken0123456789';
const COMMITS: Record<string, { tree: string; parents: string[] }> = {
  [sha('1')]: { tree: sha('3'), parents: [sha('b'), sha('2')] }, // a PR's merge commit: base, head
  [sha('2')]: { tree: sha('3'), parents: [sha('4')] }, // the head: same files as the merge
  [sha('c')]: { tree: sha('5'), parents: [sha('d')] }, // a pushed commit and its parent
};
const commitPayload = (s: string) => ({
  sha: s,
  node_id: 'C_x',
  commit: { tree: { sha: COMMITS[s].tree, url: 'x' }, message: 'm', comment_count: 0 },
  parents: COMMITS[s].parents.map((p) => ({ sha: p, url: 'x', html_url: 'x' })),
});

let server: Server;
let apiUrl = '';
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    const commit = /\/repos\/octo\/app\/commits\/([0-9a-f]{40})$/.exec(req.url ?? '');
    const compare = /\/repos\/octo\/app\/compare\/([0-9a-f]{40})\.\.\.([0-9a-f]{40})/.exec(req.url ?? '');
    res.setHeader('content-type', 'application/json; charset=utf-8');
    if (commit && COMMITS[commit[1]]) return void res.end(JSON.stringify(commitPayload(commit[1])));
    if (compare) {
      // The force-pushed branch: its old head is no longer in the new head's history.
      const status = compare[1] === sha('6') ? 'diverged' : 'ahead';
      return void res.end(
        JSON.stringify({ status, ahead_by: 1, behind_by: 0, merge_base_commit: { sha: sha('b') } }),
      );
    }
    res.statusCode = 404;
    res.end(JSON.stringify({ message: 'Not Found', documentation_url: 'x' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const noCheckout = () => fs.mkdtempSync(path.join(os.tmpdir(), 'facts-no-checkout-'));

describe('facts without a checkout come from the REST API', () => {
  it("a schedule's parent commit", async () => {
    const ctx = runContextFrom(
      environmentFrom({
        GITHUB_EVENT_NAME: 'schedule',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: sha('c'),
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_API_URL: apiUrl,
        GITHUB_WORKSPACE: noCheckout(),
      }).github,
      {},
    );
    const none = { mergeBase: false, parent: true, headCommit: false, rewrite: false };
    const facts = await gatherFacts(exec, ctx, none, TOKEN);
    expect(facts.parent).toBe(sha('d'));
    expect(asked.at(-1)).toBe(`GET /repos/octo/app/commits/${sha('c')} Bearer ${TOKEN}`);
  });

  it("a pull request's merge commit against its head: same files, and the base commit", async () => {
    const payload = {
      action: 'synchronize',
      number: 7,
      pull_request: {
        number: 7,
        head: { ref: 'feat', sha: sha('2'), repo: { full_name: 'octo/app' } },
        base: { ref: 'main', repo: { full_name: 'octo/app' } },
      },
      repository: { full_name: 'octo/app', default_branch: 'main' },
    };
    const ctx = runContextFrom(
      environmentFrom({
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/7/merge',
        GITHUB_SHA: sha('1'),
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_API_URL: apiUrl,
        GITHUB_WORKSPACE: noCheckout(),
      }).github,
      payload,
    );
    const facts = await gatherFacts(
      exec,
      ctx,
      { mergeBase: false, parent: false, headCommit: true, rewrite: false },
      TOKEN,
    );
    expect(facts).toMatchObject({ mergeIsHead: true, baseCommit: sha('b') });
    expect(facts.headWhy).toBeUndefined();
  });

  it('a push that rewrote history: the compare status says so', async () => {
    const ctx = runContextFrom(
      environmentFrom({
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REF: 'refs/heads/feat',
        GITHUB_SHA: sha('c'),
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_API_URL: apiUrl,
        GITHUB_WORKSPACE: noCheckout(),
      }).github,
      { before: sha('6'), repository: { full_name: 'octo/app', default_branch: 'main' } },
    );
    const facts = await gatherFacts(
      exec,
      ctx,
      { mergeBase: false, parent: false, headCommit: false, rewrite: true },
      TOKEN,
    );
    expect(facts.rewritten).toBe(true);
  });

  it('without a token the plan says why, and nothing is asked', async () => {
    const before = asked.length;
    const ctx = runContextFrom(
      environmentFrom({
        GITHUB_EVENT_NAME: 'schedule',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: sha('c'),
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_API_URL: apiUrl,
        GITHUB_WORKSPACE: noCheckout(),
      }).github,
      {},
    );
    const facts = await gatherFacts(
      exec,
      ctx,
      { mergeBase: false, parent: true, headCommit: false, rewrite: false },
      '',
    );
    expect(facts.parent).toBeNull();
    expect(facts.parentWhy).toMatch(/not a git checkout.*no github-token for the API fallback/);
    expect(asked.length).toBe(before);
  });
});

describe('the workspace HEAD, from real git', () => {
  it('gatherFacts reads it when the trigger writes a commit (the write rule is in plan.test.ts)', async () => {
    const repo = noCheckout();
    const g = (...args: string[]) =>
      execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
        encoding: 'utf8',
      }).trim();
    g('init', '-q');
    g('commit', '-q', '--allow-empty', '-m', 'one');
    const head = g('rev-parse', 'HEAD');
    const ctx = runContextFrom(
      environmentFrom({
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: sha('c'),
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_API_URL: apiUrl,
        GITHUB_WORKSPACE: repo,
      }).github,
      { repository: { full_name: 'octo/app', default_branch: 'main' } },
    );
    const needed = factsNeeded(classify(ctx));
    expect(needed.workspaceHead).toBe(true);
    const found = await gatherFacts(
      exec,
      ctx,
      { ...needed, mergeBase: false, parent: false, rewrite: false },
      '',
    );
    expect(found.workspaceHead).toBe(head);
  });
});
