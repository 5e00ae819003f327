/**
 * A GitHub-flavoured Markdown table: header, alignment row, cells. A cell is Markdown inline text:
 * free text in it is escaped by the caller (escapeMarkdownText, ./markdown-text.ts). The table
 * itself keeps every row whole: a line break becomes a space and a `|` not yet escaped is escaped,
 * so a pipe already escaped by escapeMarkdownText is not escaped twice (`\\|` would end the cell).
 */
import { padColumns } from '../text-columns.js';

export type Align = 'left' | 'right';

/** A `|` after an even run of backslashes (none included) ends a cell: it gets one more. */
function cell(text: string): string {
  return text.replace(/(?<!\\)((?:\\\\)*)\|/g, '$1\\|').replace(/\r?\n/g, ' ');
}

/** Columns are right-aligned where `align` says so (numbers), left otherwise. */
export function formatMarkdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const rule = header.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [header, rule, ...rows].map((r) => `| ${r.map((c, i) => (r === rule ? c : cell(c))).join(' | ')} |`).join('\n');
}

/**
 * The same table with every column padded to its widest cell, so it reads as a table in a terminal
 * too (the benchmarks print theirs this way, for pasting into the README). `align(i)` as padColumns.
 */
export function formatPaddedMarkdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: (column: number) => Align): string {
  const [head, ...body] = padColumns([header, ...rows].map((r) => r.map(cell)), align);
  const rule = head!.map((c, i) => (align(i) === 'right' ? `${'-'.repeat(c.length + 1)}:` : '-'.repeat(c.length + 2)));
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head!), `|${rule.join('|')}|`, ...body.map(line)].join('\n');
}
