/** A GitHub-flavoured Markdown table: header, alignment row, cells with `|` and line breaks escaped. */
import { padColumns } from '../text-columns.js';

export type Align = 'left' | 'right';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
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
