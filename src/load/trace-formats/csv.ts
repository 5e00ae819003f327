/**
 * The `csv` trace format: a header row naming `timestamp` and `value` (other columns are ignored),
 * then one row per bucket: an ISO-8601 timestamp with offset and a finite number (see
 * scenarios/traces/README.md).
 */
import type { InputProblem } from '../../errors/user-input-error.js';
import { isValueFormatError } from '../../errors/value-format-error.js';
import { readCsvTable, type CsvTable } from './csv-records.js';
import { parseIsoTimestampSeconds } from './iso-timestamp.js';
import { MAX_PROBLEMS_PER_TRACE_FILE, type TraceFormat, type TraceParseResult } from './types.js';

const REQUIRED_COLUMNS = ['timestamp', 'value'] as const;
const FORMAT_HINT = 'the file must start with the header "timestamp,value", e.g. "2024-03-01T12:00:00Z,42" on the next line';

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
    const ts = table.cell(i + 1, tsColumn);
    const value = table.cell(i + 1, valueColumn);
    if (ts === undefined || value === undefined) {
      const found = table.cells(i + 1).length;
      report({ file, line, field: ts === undefined ? 'timestamp' : 'value', message: `missing column: the row has ${found} cell(s), the header names ${Math.max(tsColumn, valueColumn) + 1}` });
      continue;
    }
    const seconds = parseTimestamp(ts);
    if (typeof seconds === 'number') timestampsSeconds[i] = seconds;
    else report({ file, line, field: 'timestamp', ...seconds });
    const number = value === '' ? Number.NaN : Number(value);
    if (!Number.isFinite(number)) {
      report({ file, line, field: 'value', message: `"${value}" is not a finite number (expected a number ≥ 0)` });
    }
    values[i] = number;
  }
  if (problemCount > MAX_PROBLEMS_PER_TRACE_FILE) {
    problems.push({ file, message: `… and ${problemCount - MAX_PROBLEMS_PER_TRACE_FILE} more problem(s) in this file` });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows: { timestampsSeconds, values, lines } };
}

function parseTimestamp(text: string): number | { message: string; hint?: string | undefined } {
  try {
    return parseIsoTimestampSeconds(text);
  } catch (e) {
    if (!isValueFormatError(e)) throw e;
    return { message: e.message, hint: e.hint };
  }
}
