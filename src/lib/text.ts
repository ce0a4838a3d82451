/** The last non-empty line of a process's output: what a failure is named by in one line. */
export function lastLine(text: string): string {
  const lines = text
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '');
  return lines.length > 0 ? lines[lines.length - 1].trim() : '(no message)';
}
