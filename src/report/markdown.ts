/** Markdown table cells: no pipes or newlines from step text may break the table. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/`/g, "'");
}
export function code(text: string): string {
  return `\`${cell(text)}\``;
}
