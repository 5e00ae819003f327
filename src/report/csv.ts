/** CSV text from a header and rows (csv-stringify; RFC 4180 quoting where a cell needs it). */
import { stringify } from 'csv-stringify/sync';

export function toCsv(header: readonly string[], rows: readonly (readonly (number | string)[])[]): string {
  return stringify(rows as (number | string)[][], { header: true, columns: header as string[] });
}
