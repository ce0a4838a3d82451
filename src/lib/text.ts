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
