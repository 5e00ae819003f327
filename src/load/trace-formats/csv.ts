/**
 * The `csv` trace format: a header row naming `timestamp` and `value` (other columns are ignored),
 * then one row per bucket: an ISO-8601 timestamp with offset and a plain decimal number (see
 * scenarios/traces/README.md). A row may not have more cells than the header names (a decimal
 * comma, "1,5", would otherwise be read as 1), and a value must be written in decimal: digits with
 * an optional sign, decimal point and exponent; hex, binary, octal, Infinity, NaN and an empty
 * cell are refused, never read as a number.
 */
import type { InputProblem } from '../../errors/user-input-error.js';
import { isValueFormatError } from '../../errors/value-format-error.js';
import { readCsvTable, type CsvTable } from './csv-records.js';
import { DECIMAL_NUMBER } from './decimal-number.js';
import { parseIsoTimestampSeconds } from './iso-timestamp.js';
import { MAX_PROBLEMS_PER_TRACE_FILE, type TraceFormat, type TraceParseResult } from './types.js';

const REQUIRED_COLUMNS = ['timestamp', 'value'] as const;
const FORMAT_HINT = 'the file must start with the header "timestamp,value", e.g. "2024-03-01T12:00:00Z,42" on the next line';
const EXTRA_CELLS_HINT = 'a decimal comma must be a point (1.5, not 1,5); a cell that holds a comma, e.g. in a note column, must be quoted ("a, b")';


export const csvTraceFormat: TraceFormat = {
  name: 'csv',
  description: 'CSV with a header "timestamp,value": ISO-8601 timestamps with offset, one number per row',
  parse: parseCsvTrace,
};

function parseCsvTrace(text: string, file: string): TraceParseResult {
  const read = readCsvTable(text);
  if (!read.ok) return { ok: false, problems: [{ file, line: read.line, message: read.message }] };
  const table = read.table;
  if (table.length === 0) {
    return { ok: false, problems: [{ file, line: 1, message: 'the trace file is empty', hint: FORMAT_HINT }] };
  }
  const header = table.cells(0);
  const columns = header.map((c) => c.toLowerCase());
  const problems: InputProblem[] = [];
  for (const name of REQUIRED_COLUMNS) {
    if (!columns.includes(name)) {
      problems.push({
        file, line: table.line(0), field: name,
        message: `the header has no "${name}" column (found: ${header.map((c) => JSON.stringify(c)).join(', ')})`,
        hint: FORMAT_HINT,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  if (table.length === 1) {
    return { ok: false, problems: [{ file, line: table.line(0), message: 'the trace has a header but no data rows', hint: FORMAT_HINT }] };
  }
  return readRows(table, columns.indexOf('timestamp'), columns.indexOf('value'), file);
}

function readRows(table: CsvTable, tsColumn: number, valueColumn: number, file: string): TraceParseResult {
  const rowCount = table.length - 1;
  const headerCells = table.cellCount(0);
  const timestampsSeconds = new Float64Array(rowCount);
  const values = new Float64Array(rowCount);
  const lines = new Int32Array(rowCount);
  const problems: InputProblem[] = [];
  let problemCount = 0;
  const report = (p: InputProblem): void => {
    if (problemCount++ < MAX_PROBLEMS_PER_TRACE_FILE) problems.push(p);
  };
  for (let i = 0; i < rowCount; i++) {
    const line = table.line(i + 1);
    lines[i] = line;
    const found = table.cellCount(i + 1);
    if (found > headerCells) {
      report({ file, line, field: '(row)', message: `too many cells: the row has ${found} cell(s), the header names ${headerCells}`, hint: EXTRA_CELLS_HINT });
      continue;
    }
    const ts = table.cell(i + 1, tsColumn);
    const value = table.cell(i + 1, valueColumn);
    if (ts === undefined || value === undefined) {
      report({ file, line, field: ts === undefined ? 'timestamp' : 'value', message: `missing column: the row has ${found} cell(s), the header names ${headerCells}` });
      continue;
    }
    const seconds = parseTimestamp(ts);
    if (typeof seconds === 'number') timestampsSeconds[i] = seconds;
    else report({ file, line, field: 'timestamp', ...seconds });
    const number = parseDecimal(value);
    if (typeof number === 'number') values[i] = number;
    else report({ file, line, field: 'value', ...number });
  }
  if (problemCount > MAX_PROBLEMS_PER_TRACE_FILE) {
    problems.push({ file, message: `… and ${problemCount - MAX_PROBLEMS_PER_TRACE_FILE} more problem(s) in this file` });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows: { timestampsSeconds, values, lines } };
}

/** A value cell as a number, or why it is not a plain decimal number (Number() alone reads 0x10 as 16, "" as 0). */
function parseDecimal(text: string): number | { message: string; hint?: string } {
  const number = DECIMAL_NUMBER.test(text) ? Number(text) : Number.NaN;
  if (Number.isFinite(number)) return number;
  const message = `"${text}" is not a finite number written in decimal (expected a number ≥ 0: digits with an optional sign, decimal point and exponent, e.g. 42, 1.5 or 2e3)`;
  if (/^[+-]?\d+,\d+$/.test(text)) return { message, hint: 'a decimal comma must be a point (1.5, not 1,5)' };
  const other = Number(text);
  if (text !== '' && Number.isFinite(other)) return { message, hint: `write it in decimal: ${other}` };
  return { message };
}

function parseTimestamp(text: string): number | { message: string; hint?: string | undefined } {
  try {
    return parseIsoTimestampSeconds(text);
  } catch (e) {
    if (!isValueFormatError(e)) throw e;
    return { message: e.message, hint: e.hint };
  }
}
