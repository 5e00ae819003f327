/**
 * Terminal tables: every cell padded to its column's width (the widest cell, header included),
 * left- or right-aligned per column. Callers join the cells their own way.
 */
export type ColumnAlign = 'left' | 'right';

/** `rows` (the header first) with each cell padded; `align(i)` says how column i is aligned. */
export function padColumns(rows: readonly (readonly string[])[], align: (column: number) => ColumnAlign): string[][] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (align(i) === 'left' ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))));
}
