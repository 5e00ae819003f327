/**
 * Prometheus range-query exports as traces: the JSON of `GET /api/v1/query_range` (or its `data`
 * object), resultType "matrix". Several series (e.g. one per pod when the query has no `sum`) are
 * added up at every timestamp any of them has. A series lacking a sample at a timestamp inside its
 * own span (between its first and last sample) counts its previous sample there, as a single
 * series' gap holds the previous value (a trace row holds until the next row; a gap is never read
 * as 0). Before its first sample and after its last one a series adds nothing: it has not started,
 * or has ended (a pod gone), as a one-series trace reads 0 before its first row and after its end.
 * Values are strings as Prometheus writes them (api/v1 `[<unix seconds>, "<value>"]` pairs), in
 * decimal: "0x10" is refused as the csv format refuses it, and so are "NaN" and "±Inf".
 * Problems name the JSON path, the series' labels and the sample's timestamp and, found by scanning
 * the text once more only when there are problems (./json-locate.ts, linear in the file), its line
 * and column; JSON syntax errors their position.
 */
import type { InputProblem } from '../../errors/user-input-error.js';
import { formatFieldPath, type FieldPath } from '../../scenario/yaml/field-path.js';
import { decimalHint, DECIMAL_NUMBER } from './decimal-number.js';
import { formatIsoTimestamp } from './iso-timestamp.js';
import { lineColumns, locateJsonPaths } from './json-locate.js';
// The largest value a trace row may hold (the shared check's limit), checked here per sample and per
// sum so that the problem has its location: the shared check sees only the summed rows, with no line.
import { MAX_TRACE_VALUE } from './check-trace-rows.js';
import { MAX_PROBLEMS_PER_TRACE_FILE, type TraceFormat, type TraceParseResult } from './types.js';

/** A JSON path: keys and indices from the root. */
type JsonPath = FieldPath;

interface PathProblem {
  path: JsonPath;
  message: string;
  hint?: string;
}

/**
 * Timestamps above this (the year 5138) are not Unix seconds: Prometheus's API writes seconds, and
 * an export converted to milliseconds lands here (1.7e12 for 2023).
 */
const MAX_PLAUSIBLE_UNIX_SECONDS = 1e11;


/** Labels longer than this are cut in messages (a series may carry dozens of labels). */
const MAX_LABELS_CHARS = 200;

/** Line and column (1-based) of a 0-based offset in `text`. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: Math.min(offset, text.length) - lineStart + 1 };
}

/** Where JSON.parse stopped, from its message ("… at position N", or the end of the input). */
function syntaxErrorPosition(text: string, message: string): { line: number; column: number } | undefined {
  const at = /at position (\d+)/.exec(message);
  if (at) return lineColumn(text, Number(at[1]));
  if (/end of JSON input/.test(message)) return lineColumn(text, text.trimEnd().length);
  if (/^Unexpected token/.test(message)) return lineColumn(text, text.length - text.trimStart().length);
  return undefined;
}

/**
 * The problems as InputProblems, each at its path's line and column in `text` (a missing field at
 * its nearest parent that exists). One scan of the text for all of them, whatever their number.
 */
function locate(problems: readonly PathProblem[], text: string, file: string): InputProblem[] {
  const where = lineColumns(text, locateJsonPaths(text, problems.map((p) => p.path)));
  return problems.map((p, i) => {
    const { line, column } = where[i]!;
    return { file, line, column, field: formatFieldPath(p.path), message: p.message, ...(p.hint ? { hint: p.hint } : {}) };
  });
}

/** The series list and the path it is at, or the problem that stops the read. */
function seriesOf(json: unknown): { result: unknown[]; at: JsonPath } | PathProblem {
  const root = json as { status?: unknown; error?: unknown; data?: unknown } | null;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    return { path: [], message: `expected a JSON object (a query_range response), got ${root === null ? 'null' : Array.isArray(root) ? 'a list' : `a ${typeof root}`}` };
  }
  if (root.status === 'error') return { path: ['status'], message: `the export is a Prometheus error: ${String(root.error ?? 'no message')}` };
  const at: JsonPath = root.data !== undefined ? ['data'] : [];
  const data = (root.data ?? root) as { resultType?: unknown; result?: unknown } | null;
  if (data?.resultType !== 'matrix') {
    return {
      path: [...at, 'resultType'],
      message: `expected "matrix" (a range query), got ${JSON.stringify(data?.resultType)}`,
      hint: 'export with /api/v1/query_range (start, end, step), not /api/v1/query',
    };
  }
  if (!Array.isArray(data.result)) return { path: [...at, 'result'], message: 'expected a list of series' };
  return { result: data.result, at: [...at, 'result'] };
}

/** One series' valid samples: value by timestamp (two samples at one timestamp are added). */
type SeriesSamples = Map<number, number>;

/** Collects each valid sample of `series` into `samples`; reports the others into `report`. */
function readSeries(series: unknown, path: JsonPath, samples: SeriesSamples, report: (p: PathProblem) => void): void {
  if (series === null || typeof series !== 'object' || Array.isArray(series)) {
    report({ path, message: `expected a series object ({"metric": {…}, "values": [[<unix seconds>, "<value>"], …]}), got ${JSON.stringify(series)}` });
    return;
  }
  const values = (series as { values?: unknown }).values;
  if (!Array.isArray(values)) {
    report({ path: [...path, 'values'], message: `expected a list of [<unix seconds>, "<value>"] pairs; in series ${seriesLabels(series)}` });
    return;
  }
  // Paths and labels are made only for a sample that has a problem: an export has millions of samples.
  const at = (i: number, ...rest: number[]): JsonPath => [...path, 'values', i, ...rest];
  const inSeries = (): string => `in series ${seriesLabels(series)}`;
  for (let i = 0; i < values.length; i++) {
    const pair: unknown = values[i];
    if (!Array.isArray(pair) || pair.length !== 2) {
      report({ path: at(i), message: `expected a [<unix seconds>, "<value>"] pair, got ${JSON.stringify(pair)}; ${inSeries()}` });
      continue;
    }
    const [t, v] = pair as [unknown, unknown];
    if (typeof t !== 'number' || !Number.isFinite(t)) {
      report({ path: at(i, 0), message: `expected a Unix timestamp in seconds (a number), got ${JSON.stringify(t)}; ${inSeries()}` });
      continue;
    }
    if (t > MAX_PLAUSIBLE_UNIX_SECONDS) {
      report({
        path: at(i, 0),
        message: `${t} is not a Unix timestamp in seconds (it would be after the year 5000); ${inSeries()}`,
        hint: 'Prometheus writes seconds; this export looks converted to milliseconds: divide the timestamps by 1000',
      });
      continue;
    }
    const text = typeof v === 'string' ? v.trim() : undefined;
    const value = text !== undefined && DECIMAL_NUMBER.test(text) ? Number(text) : Number.NaN;
    if (value >= 0 && value <= MAX_TRACE_VALUE) {
      samples.set(t, (samples.get(t) ?? 0) + value);
      continue;
    }
    const sample = `${inSeries()}, the sample at ${instant(t)}`;
    if (Number.isNaN(value)) {
      const hint = text === undefined ? undefined : decimalHint(text);
      report(hint !== undefined
        ? { path: at(i, 1), message: `expected a finite number written in decimal, as a string, got ${JSON.stringify(v)}; ${sample}`, hint }
        : {
          path: at(i, 1),
          message: `expected a finite number as a string, got ${JSON.stringify(v)}; ${sample}`,
          hint: 'Prometheus writes NaN and ±Inf for missing data: drop or fill those samples',
        });
    } else if (value < 0) {
      report({ path: at(i, 1), message: `${text} is negative (expected a number ≥ 0, in the unit the scenario's valueKind gives the trace); ${sample}` });
    } else {
      report({ path: at(i, 1), message: `${text} is larger than ${MAX_TRACE_VALUE.toExponential()} (expected a count, a rate or a number of users the run's totals can hold); ${sample}` });
    }
  }
}

/** A series' labels as Prometheus writes them: `name{label="value", …}`, cut when long. */
function seriesLabels(series: object): string {
  const metric = (series as { metric?: unknown }).metric;
  if (metric === null || typeof metric !== 'object' || Array.isArray(metric)) return metric === undefined ? '{}' : `with metric ${JSON.stringify(metric)}`;
  const { __name__: name, ...labels } = metric as Record<string, unknown>;
  const pairs = Object.entries(labels).map(([k, value]) => `${k}=${JSON.stringify(typeof value === 'string' ? value : JSON.stringify(value))}`);
  const written = `${typeof name === 'string' ? name : ''}{${pairs.join(', ')}}`;
  return written.length > MAX_LABELS_CHARS ? `${written.slice(0, MAX_LABELS_CHARS - 2)}…}` : written;
}

/** A Unix timestamp as written, with its UTC instant: `1704067200 (2024-01-01T00:00:00Z)`. */
function instant(t: number): string {
  const utc = formatIsoTimestamp(t);
  return utc === undefined ? String(t) : `${t} (${utc})`;
}

function parsePrometheus(text: string, file: string): TraceParseResult {
  const body = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    return {
      ok: false,
      problems: [{ file, ...syntaxErrorPosition(body, message), field: '(file)', message: `not valid JSON: ${message}`, hint: 'save the body of the query_range response' }],
    };
  }
  const found = seriesOf(json);
  if (!('result' in found)) return { ok: false, problems: locate([found], body, file) };
  const series = found.result.map((): SeriesSamples => new Map());
  const problems: PathProblem[] = [];
  let problemCount = 0;
  const report = (p: PathProblem): void => {
    if (problemCount++ < MAX_PROBLEMS_PER_TRACE_FILE) problems.push(p);
  };
  const failed = (): TraceParseResult => {
    const located = locate(problems, body, file);
    if (problemCount > MAX_PROBLEMS_PER_TRACE_FILE) located.push({ file, message: `… and ${problemCount - MAX_PROBLEMS_PER_TRACE_FILE} more problem(s) in this file` });
    return { ok: false, problems: located };
  };
  found.result.forEach((one, s) => readSeries(one, [...found.at, s], series[s]!, report));
  if (problems.length > 0) return failed();
  if (series.every((samples) => samples.size === 0)) return { ok: false, problems: locate([{ path: found.at, message: 'the export holds no samples' }], body, file) };
  const rows = sumHoldingGaps(series);
  reportSumsTooLarge(rows, found.at, report);
  return problems.length > 0 ? failed() : { ok: true, rows };
}

/**
 * Reports the instants where the series add up to more than a trace may hold, each sample being
 * under the limit alone (the shared check would report them with no location): at the list of
 * series, naming the instant.
 */
function reportSumsTooLarge(rows: { timestampsSeconds: Float64Array; values: Float64Array }, at: JsonPath, report: (p: PathProblem) => void): void {
  for (let k = 0; k < rows.values.length; k++) {
    const sum = rows.values[k]!;
    if (sum <= MAX_TRACE_VALUE) continue;
    report({ path: at, message: `the series add up to ${sum} at ${instant(rows.timestampsSeconds[k]!)}, larger than ${MAX_TRACE_VALUE.toExponential()} (expected a count, a rate or a number of users the run's totals can hold)` });
  }
}

/**
 * The sum of the series at every timestamp any of them has. Inside a series' span a timestamp it
 * lacks counts its previous sample; outside its span it adds nothing (see the header).
 */
function sumHoldingGaps(series: readonly SeriesSamples[]): { timestampsSeconds: Float64Array; values: Float64Array } {
  const all = new Set<number>();
  for (const samples of series) for (const t of samples.keys()) all.add(t);
  const times = Float64Array.from(all).sort();
  const sums = new Float64Array(times.length);
  for (const samples of series) {
    if (samples.size === 0) continue;
    const own = Float64Array.from(samples.keys()).sort();
    const last = own[own.length - 1]!;
    let k = lowerBound(times, own[0]!);
    let j = 0;
    for (; k < times.length && times[k]! <= last; k++) {
      while (j + 1 < own.length && own[j + 1]! <= times[k]!) j++;
      sums[k] = sums[k]! + samples.get(own[j]!)!;
    }
  }
  return { timestampsSeconds: times, values: sums };
}

/** The first index of sorted `a` whose element is ≥ `x`. */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const prometheusTraceFormat: TraceFormat = {
  name: 'prometheus',
  description: 'Prometheus range-query JSON (/api/v1/query_range, resultType matrix); several series are summed per timestamp',
  parse: parsePrometheus,
};
