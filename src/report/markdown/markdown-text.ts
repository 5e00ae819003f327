/** Text from scenarios (names, warnings) made inert in Markdown: punctuation that formats is escaped. */

export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}
