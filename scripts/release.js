'use strict';
// The release workflow's logic (.github/workflows/release.yml), runnable and tested anywhere git
// runs (__tests__/unit/release.test.ts): no GitHub service involved.
//
//   node scripts/release.js notes <tag>                       # the release notes: commits since the previous release
//   node scripts/release.js finish <tag> [--remote origin] [--branch main] [--date YYYY-MM-DD]
//       # adds the release to CHANGELOG.md on <branch> (commit, push) and moves the major tag (v1) to <tag>
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

class ReleaseError extends Error {}

/** `v1.2.3` → [1, 2, 3]; null for anything else (major tags, pre-releases, other names). */
function parseVersionTag(tag) {
  const m = /^v(\d+)\.(\d+)\.(\d+)$/.exec(tag);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function compareVersionTags(a, b) {
  const [x, y] = [parseVersionTag(a), parseVersionTag(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/**
 * The major tag users pin (`v1`) when `tag` is the newest release of its major version, so that
 * a fix released for an older minor never moves `v1` backwards; else null.
 */
function majorTagToMove(tag, allTags) {
  const version = parseVersionTag(tag);
  if (!version) return null;
  const newer = allTags.filter(
    (t) => parseVersionTag(t)?.[0] === version[0] && compareVersionTags(t, tag) > 0,
  );
  return newer.length === 0 ? `v${version[0]}` : null;
}

/** The notes of a release: one line per commit (`subject (short sha)`), oldest first. */
function releaseNotes(commits, previousTag) {
  const since = previousTag ? `Changes since ${previousTag}:` : 'The first release.';
  const lines = commits.map((c) => `- ${c.subject} (${c.sha})`);
  return [since, '', ...(lines.length > 0 ? lines : ['- no changes']), ''].join('\n');
}

const CHANGELOG_HEAD =
  '# Changelog\n\nEvery release, newest first, with the commits it brought. The release workflow\n(`scripts/release.js`) adds each one when its tag is pushed.\n';

/** CHANGELOG.md with the release's section on top of the older ones; unchanged when it is there already. */
function addToChangelog(changelog, tag, date, notes) {
  const text = changelog.trim() === '' ? CHANGELOG_HEAD : changelog;
  if (new RegExp(`^## ${tag.replace(/\./g, '\\.')}( |$)`, 'm').test(text)) return text;
  const section = `## ${tag} (${date})\n\n${notes.trim()}\n`;
  const first = text.search(/^## /m);
  return first === -1
    ? `${text.trimEnd()}\n\n${section}`
    : `${text.slice(0, first)}${section}\n${text.slice(first)}`;
}

function git(cwd, ...args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function requireVersionTag(cwd, tag) {
  if (!parseVersionTag(tag)) {
    throw new ReleaseError(`${tag || '(none)'} is not a release tag: vMAJOR.MINOR.PATCH, e.g. v1.2.3`);
  }
  try {
    return git(cwd, 'rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`);
  } catch {
    throw new ReleaseError(`tag ${tag} does not exist in this repository`);
  }
}

/** The newest release tag reachable from the tag's parents, or null for a first release. */
function previousTag(cwd, tag) {
  try {
    return git(
      cwd,
      'describe',
      '--tags',
      '--abbrev=0',
      '--match',
      'v[0-9]*.[0-9]*.[0-9]*',
      '--exclude',
      '*-*',
      `${tag}^`,
    );
  } catch {
    return null;
  }
}

function notesFor(cwd, tag) {
  requireVersionTag(cwd, tag);
  const previous = previousTag(cwd, tag);
  const range = previous ? `${previous}..${tag}` : tag;
  const log = git(cwd, 'log', '--reverse', '--no-merges', '--format=%h%x09%s', range);
  // The release workflow's own CHANGELOG commits are bookkeeping, not changes.
  const commits = (log === '' ? [] : log.split('\n'))
    .map((l) => ({ sha: l.split('\t')[0], subject: l.slice(l.indexOf('\t') + 1) }))
    .filter((c) => !/^CHANGELOG: v\d+\.\d+\.\d+$/.test(c.subject));
  return releaseNotes(commits, previous);
}

function finish(cwd, tag, o) {
  const commit = requireVersionTag(cwd, tag);
  const notes = notesFor(cwd, tag);
  // CHANGELOG.md lives on the default branch, not in the tagged commit: it is written after the tag.
  git(cwd, 'fetch', '-q', o.remote, `refs/heads/${o.branch}`);
  git(cwd, 'checkout', '-q', '-B', o.branch, 'FETCH_HEAD');
  const file = path.join(cwd, 'CHANGELOG.md');
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const after = addToChangelog(before, tag, o.date, notes);
  if (after !== before) {
    fs.writeFileSync(file, after);
    git(cwd, 'add', 'CHANGELOG.md');
    git(cwd, 'commit', '-q', '-m', `CHANGELOG: ${tag}`);
    git(cwd, 'push', '-q', o.remote, `HEAD:refs/heads/${o.branch}`);
  }
  const major = majorTagToMove(tag, git(cwd, 'tag', '--list', 'v*').split('\n'));
  if (major) {
    git(cwd, 'tag', '-f', major, commit);
    git(cwd, 'push', '-q', '-f', o.remote, `refs/tags/${major}`);
  }
  return { changelog: after !== before, major };
}

function option(args, name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
}

function main(args, cwd = process.cwd()) {
  const [command, tag] = args;
  if (command === 'notes') {
    process.stdout.write(notesFor(cwd, tag));
  } else if (command === 'finish') {
    const done = finish(cwd, tag, {
      remote: option(args, 'remote', 'origin'),
      branch: option(args, 'branch', 'main'),
      date: option(args, 'date', new Date().toISOString().slice(0, 10)),
    });
    console.log(`CHANGELOG.md ${done.changelog ? 'updated' : 'already lists ' + tag}`);
    console.log(
      done.major
        ? `${done.major} → ${tag}`
        : `${tag} is not the newest of its major version: no major tag moved`,
    );
  } else {
    throw new ReleaseError(
      'usage: release.js notes <tag> | finish <tag> [--remote origin] [--branch main] [--date YYYY-MM-DD]',
    );
  }
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(
      `release: ${e instanceof ReleaseError ? e.message : (e.stderr || e.message || String(e)).trim()}`,
    );
    process.exit(1);
  }
}

module.exports = { parseVersionTag, majorTagToMove, releaseNotes, addToChangelog };
