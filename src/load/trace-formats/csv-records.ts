/**
 * CSV text → a table of records with their 1-based line numbers. Files without a quote character
 * (every shipped trace) are indexed by line offsets and cells are cut on demand, several times
 * faster than csv-parse on the 40k-row NASA trace; anything quoted goes through csv-parse
 * (RFC 4180). Both accept a UTF-8 BOM, CRLF and blank lines, and trim cells.
 */
import { parse } from 'csv-parse/sync';

/** Non-blank records of a CSV file, header included. */
export interface CsvTable {
  readonly length: number;
  /** 1-based line on which record `index` starts. */
  line(index: number): number;
  /** Every cell of record `index`, trimmed. */
  cells(index: number): string[];
  /** Cell `column` of record `index`, trimmed; undefined when the record is shorter. */
  cell(index: number, column: number): string | undefined;
  /** How many cells record `index` has (cells(index).length, without cutting them). */
  cellCount(index: number): number;
}

export type CsvTableResult = { ok: true; table: CsvTable } | { ok: false; line: number | undefined; message: string };

/** Reads CSV text; the choice of parser does not change the result. */
export function readCsvTable(text: string): CsvTableResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.includes('"') ? parseQuotedCsv(body) : { ok: true, table: new PlainCsvTable(body) };
}

/** The fast path for text with no quotes: lines on \n (a trailing \r dropped), cells on commas. */
export class PlainCsvTable implements CsvTable {
  private starts: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private ends: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private lines: Int32Array<ArrayBuffer> = new Int32Array(1024);
  length = 0;

  constructor(private readonly text: string) {
    let start = 0;
    for (let line = 1; start <= text.length; line++) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      if (!isBlank(text, start, stop)) this.add(start, stop, line);
      start = end + 1;
    }
  }

  line(index: number): number {
    return this.lines[index] ?? 0;
  }

  cells(index: number): string[] {
    const out: string[] = [];
    for (let column = 0; ; column++) {
      const cell = this.cell(index, column);
      if (cell === undefined) return out;
      out.push(cell);
    }
  }

  cellCount(index: number): number {
    const stop = this.ends[index] ?? 0;
    let count = 1;
    for (let comma = this.text.indexOf(',', this.starts[index] ?? 0); comma >= 0 && comma < stop; comma = this.text.indexOf(',', comma + 1)) count++;
    return count;
  }

  cell(index: number, column: number): string | undefined {
    const stop = this.ends[index] ?? 0;
    let from = this.starts[index] ?? 0;
    for (let c = 0; c < column; c++) {
      const comma = this.text.indexOf(',', from);
      if (comma < 0 || comma >= stop) return undefined;
      from = comma + 1;
    }
    const comma = this.text.indexOf(',', from);
    const cell = this.text.slice(from, comma < 0 || comma >= stop ? stop : comma);
    return cell.length > 0 && (cell.charCodeAt(0) <= 32 || cell.charCodeAt(cell.length - 1) <= 32) ? cell.trim() : cell;
  }

  private add(start: number, stop: number, line: number): void {
    if (this.length === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.lines = grow(this.lines);
    }
    this.starts[this.length] = start;
    this.ends[this.length] = stop;
    this.lines[this.length] = line;
    this.length++;
  }
}

/** The general path through csv-parse, for files that quote cells. */
export function parseQuotedCsv(text: string): CsvTableResult {
  try {
    const rows = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const records = rows.filter((r) => !(r.record.length === 1 && r.record[0] === ''));
    const table: CsvTable = {
      length: records.length,
      line: (i) => {
        const r = records[i];
        return r ? recordStartLine(r.record, r.info.lines) : 0;
      },
      cells: (i) => [...(records[i]?.record ?? [])],
      cell: (i, column) => records[i]?.record[column],
      cellCount: (i) => records[i]?.record.length ?? 0,
    };
    return { ok: true, table };
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    return { ok: false, line: err.lines, message: `malformed CSV: ${err.message ?? String(e)}` };
  }
}

function isBlank(text: string, start: number, stop: number): boolean {
  for (let i = start; i < stop; i++) if (text.charCodeAt(i) > 32) return false;
  return true;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}

/** csv-parse reports the line a record ends on; a quoted cell may span lines. */
function recordStartLine(cells: string[], endLine: number): number {
  let newlines = 0;
  for (const cell of cells) for (const ch of cell) if (ch === '\n') newlines++;
  return endLine - newlines;
}
