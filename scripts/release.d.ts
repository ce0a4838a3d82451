export function parseVersionTag(tag: string): [number, number, number] | null;
export function majorTagToMove(tag: string, allTags: string[]): string | null;
export function releaseNotes(commits: { sha: string; subject: string }[], previousTag: string | null): string;
export function addToChangelog(changelog: string, tag: string, date: string, notes: string): string;
