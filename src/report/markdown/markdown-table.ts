/** A GitHub-flavoured Markdown table: header, alignment row, cells with `|` and line breaks escaped. */

export type Align = 'left' | 'right';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Columns are right-aligned where `align` says so (numbers), left otherwise. */
export function formatMarkdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const rule = header.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [header, rule, ...rows].map((r) => `| ${r.map((c, i) => (r === rule ? c : cell(c))).join(' | ')} |`).join('\n');
}
