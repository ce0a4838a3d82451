import type { Grant } from './model';

// The GitHub side of the generated history: the repository and sender in event payloads (their
// real shapes), and the cache scopes of the runtime token GitHub gives each job.

export const DEFAULT_BRANCH = 'main';
export const OWNER = 'octo-org';
export const NAME = 'octo-repo';
/** The permission bits of a cache scope in the runtime token. */
export const READ = 1;
export const READ_WRITE = 3;

export const repository = () => ({
  id: 17273051,
  name: NAME,
  full_name: `${OWNER}/${NAME}`,
  private: false,
  owner: { login: OWNER, id: 6811672, type: 'Organization' },
  fork: false,
  default_branch: DEFAULT_BRANCH,
  visibility: 'public',
});
export const forkRepository = () => ({
  ...repository(),
  id: 40000001,
  full_name: `contributor/${NAME}`,
  owner: { login: 'contributor', id: 5550001, type: 'User' },
  fork: true,
});
export const sender = { login: 'codertocat', id: 21031067, type: 'User' };
export const ZERO = '0'.repeat(40);

export function headCommit(sha: string, message: string) {
  return {
    id: sha,
    message,
    timestamp: new Date().toISOString(),
    author: { name: 'Codertocat', email: 'codertocat@example.com', username: 'codertocat' },
    committer: { name: 'GitHub', email: 'noreply@example.com', username: 'web-flow' },
  };
}

export const pushToken = (branch: string): Grant[] =>
  branch === DEFAULT_BRANCH
    ? [{ scope: `refs/heads/${branch}`, permission: READ_WRITE }]
    : [
        { scope: `refs/heads/${branch}`, permission: READ_WRITE },
        { scope: `refs/heads/${DEFAULT_BRANCH}`, permission: READ },
      ];

export const prToken = (n: number, base: string): Grant[] => {
  const t: Grant[] = [{ scope: `refs/pull/${n}/merge`, permission: READ_WRITE }];
  for (const b of [base, DEFAULT_BRANCH]) {
    if (!t.some((g) => g.scope === `refs/heads/${b}`)) t.push({ scope: `refs/heads/${b}`, permission: READ });
  }
  return t;
};
