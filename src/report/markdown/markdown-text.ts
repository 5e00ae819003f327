/** Text from scenarios (names, warnings) made inert in Markdown: punctuation that formats is escaped. */

/** A link to a file beside report.md, its name as the text: `[cost.csv](cost.csv)`. */
export function fileLink(file: string): string {
  return `[${file}](${encodeURI(file)})`;
}

export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}
