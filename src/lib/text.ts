/** The last non-empty line of a process's output: what a failure is named by in one line. */
export function lastLine(text: string): string {
  const lines = text
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '');
  return lines.length > 0 ? lines[lines.length - 1].trim() : '(no message)';
}

/**
 * `text` with every secret replaced by `***`: what a server echoed back (an error body quoting the
 * Authorization header) stays out of logs, the summary and outputs. Secrets shorter than 4
 * characters are left alone, so a one-letter username does not blank every message.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length >= 4).reduce((out, secret) => out.split(secret).join('***'), text);
}

/** Go's strconv.ParseBool, which buildx and build-push-action use: null when it is not a boolean. */
export function parseBool(value: string | undefined): boolean | null {
  if (value === undefined) return null;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return null;
}
