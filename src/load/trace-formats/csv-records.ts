/**
 * CSV text → records with their 1-based line numbers. Files without a quote character (every
 * shipped trace) take a plain split, about 10× faster than csv-parse on the 40k-row NASA trace;
 * anything quoted goes through csv-parse (RFC 4180). Both accept a UTF-8 BOM, CRLF, blank lines,
 * and trim cells.
 */
import { parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** Trimmed cells, in column order. */
  cells: string[];
  /** 1-based line on which the record starts. */
  line: number;
}

export type CsvRecordsResult =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; line: number | undefined; message: string };

/** Splits CSV text into non-blank records; the choice of parser does not change the result. */
export function readCsvRecords(text: string): CsvRecordsResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.includes('"') ? parseQuotedCsv(body) : { ok: true, records: splitPlainCsv(body) };
}

/** The fast path for text with no quotes: lines on \n (a trailing \r dropped), cells on commas. */
export function splitPlainCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    start = end + 1;
    if (raw.trim() === '') continue;
    const cells = raw.split(',');
    for (let i = 0; i < cells.length; i++) cells[i] = (cells[i] ?? '').trim();
    records.push({ cells, line });
  }
  return records;
}

/** The general path through csv-parse, for files that quote cells. */
export function parseQuotedCsv(text: string): CsvRecordsResult {
  try {
    const rows = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as { record: string[]; info: { lines: number } }[];
    const records = rows
      .filter((r) => r.record.some((cell) => cell !== ''))
      .map((r) => ({ cells: r.record, line: recordStartLine(r.record, r.info.lines) }));
    return { ok: true, records };
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    return { ok: false, line: err.lines, message: `malformed CSV: ${err.message ?? String(e)}` };
  }
}

/** csv-parse reports the line a record ends on; a quoted cell may span lines. */
function recordStartLine(cells: string[], endLine: number): number {
  let newlines = 0;
  for (const cell of cells) for (const ch of cell) if (ch === '\n') newlines++;
  return endLine - newlines;
}
