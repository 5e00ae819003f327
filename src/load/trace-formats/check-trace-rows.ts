/**
 * Checks every trace must pass whatever its format: at least one row, values from 0 to 1e12, timestamps
 * strictly increasing (no duplicates, no out-of-order rows).
 */
import type { InputProblem } from '../../errors/user-input-error.js';
import { MAX_PROBLEMS_PER_TRACE_FILE, type TraceRows } from './types.js';

/**
 * The largest value a row may hold: a trillion requests a bucket, or users. Far above any real
 * trace, and far below where the run's sums overflow (1e308 gave a summary of NaN and null).
 */
export const MAX_TRACE_VALUE = 1e12;

/** Returns the problems found in `rows` (empty when the trace is usable). */
export function checkTraceRows(rows: TraceRows, file: string): InputProblem[] {
  const { timestampsSeconds: ts, values, lines } = rows;
  if (ts.length === 0) return [{ file, line: 1, message: 'the trace has no data rows' }];
  const problems: InputProblem[] = [];
  let count = 0;
  const report = (i: number, field: string, message: string, hint?: string): void => {
    if (count++ < MAX_PROBLEMS_PER_TRACE_FILE) problems.push({ file, line: lines?.[i], field, message, hint });
  };
  for (let i = 0; i < ts.length; i++) {
    const value = values[i] as number;
    if (value < 0) report(i, 'value', `${value} is negative (expected a number ≥ 0)`);
    else if (value > MAX_TRACE_VALUE) report(i, 'value', `${value} is larger than ${MAX_TRACE_VALUE.toExponential()} (expected a count, a rate or a number of users the run's totals can hold)`);
    if (i === 0) continue;
    const previous = ts[i - 1] as number;
    const current = ts[i] as number;
    const previousLine = lines?.[i - 1];
    const where = previousLine === undefined ? 'the previous row' : `line ${previousLine}`;
    if (current === previous) {
      report(i, 'timestamp', `duplicated timestamp: the same instant as ${where}`, 'keep one row per instant (sum or drop the duplicate)');
    } else if (current < previous) {
      report(i, 'timestamp', `timestamp out of order: earlier than ${where}`, 'sort the rows by timestamp');
    }
  }
  if (count > MAX_PROBLEMS_PER_TRACE_FILE) {
    problems.push({ file, message: `… and ${count - MAX_PROBLEMS_PER_TRACE_FILE} more problem(s) in this file` });
  }
  return problems;
}
