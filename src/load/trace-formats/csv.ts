/**
 * The `csv` trace format: a header row naming `timestamp` and `value` (other columns are ignored),
 * then one row per bucket: an ISO-8601 timestamp with offset and a finite number (see
 * scenarios/traces/README.md).
 */
import type { InputProblem } from '../../errors/user-input-error.js';
import { isValueFormatError } from '../../errors/value-format-error.js';
import { readCsvRecords, type CsvRecord } from './csv-records.js';
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
  const read = readCsvRecords(text);
  if (!read.ok) return { ok: false, problems: [{ file, line: read.line, message: read.message }] };
  const [header, ...rows] = read.records;
  if (header === undefined) {
    return { ok: false, problems: [{ file, line: 1, message: 'the trace file is empty', hint: FORMAT_HINT }] };
  }
  const columns = header.cells.map((c) => c.toLowerCase());
  const [tsColumn, valueColumn] = REQUIRED_COLUMNS.map((name) => columns.indexOf(name)) as [number, number];
  const problems: InputProblem[] = [];
  for (const [i, name] of REQUIRED_COLUMNS.entries()) {
    if ((i === 0 ? tsColumn : valueColumn) < 0) {
      problems.push({
        file, line: header.line, field: name,
        message: `the header has no "${name}" column (found: ${header.cells.map((c) => JSON.stringify(c)).join(', ')})`,
        hint: FORMAT_HINT,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  if (rows.length === 0) {
    return { ok: false, problems: [{ file, line: header.line, message: 'the trace has a header but no data rows', hint: FORMAT_HINT }] };
  }
  return readRows(rows, tsColumn, valueColumn, file);
}

function readRows(rows: CsvRecord[], tsColumn: number, valueColumn: number, file: string): TraceParseResult {
  const timestampsSeconds = new Float64Array(rows.length);
  const values = new Float64Array(rows.length);
  const lines = new Int32Array(rows.length);
  const problems: InputProblem[] = [];
  let problemCount = 0;
  const report = (p: InputProblem): void => {
    if (problemCount++ < MAX_PROBLEMS_PER_TRACE_FILE) problems.push(p);
  };
  for (let i = 0; i < rows.length; i++) {
    const { cells, line } = rows[i] as CsvRecord;
    lines[i] = line;
    const ts = cells[tsColumn];
    const value = cells[valueColumn];
    if (ts === undefined || value === undefined) {
      report({ file, line, field: ts === undefined ? 'timestamp' : 'value', message: `the row has ${cells.length} column(s); the header names ${Math.max(tsColumn, valueColumn) + 1}` });
      continue;
    }
    try {
      timestampsSeconds[i] = parseIsoTimestampSeconds(ts);
    } catch (e) {
      if (!isValueFormatError(e)) throw e;
      report({ file, line, field: 'timestamp', message: e.message, hint: e.hint });
    }
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
