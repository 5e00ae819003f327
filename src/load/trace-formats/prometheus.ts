/**
 * Prometheus range-query exports as traces: the JSON of `GET /api/v1/query_range` (or its `data`
 * object), resultType "matrix". Several series (e.g. one per pod when the query has no `sum`) are
 * added up per timestamp. Values are strings as Prometheus writes them; problems name the JSON path.
 */
import type { InputProblem } from '../../errors/user-input-error.js';
import type { TraceFormat, TraceParseResult } from './types.js';

interface Matrix {
  result: { metric?: Record<string, string>; values?: unknown }[];
}

function problem(file: string, field: string, message: string, hint?: string): InputProblem {
  return { file, field, message, ...(hint ? { hint } : {}) };
}

function matrixOf(json: unknown, file: string): Matrix | InputProblem {
  const root = json as { status?: unknown; error?: unknown; data?: unknown; resultType?: unknown; result?: unknown };
  if (root?.status === 'error') return problem(file, 'status', `the export is a Prometheus error: ${String(root.error ?? 'no message')}`);
  const data = (root?.data ?? root) as { resultType?: unknown; result?: unknown };
  if (data?.resultType !== 'matrix') {
    return problem(file, 'data.resultType', `expected "matrix" (a range query), got ${JSON.stringify(data?.resultType)}`, 'export with /api/v1/query_range (start, end, step), not /api/v1/query');
  }
  if (!Array.isArray(data.result)) return problem(file, 'data.result', 'expected a list of series');
  return { result: data.result as Matrix['result'] };
}

export const prometheusTraceFormat: TraceFormat = {
  name: 'prometheus',
  description: 'Prometheus range-query JSON (/api/v1/query_range, resultType matrix); several series are summed per timestamp',
  parse(text: string, file: string): TraceParseResult {
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      return { ok: false, problems: [problem(file, '(file)', `not valid JSON: ${(error as Error).message}`, 'save the body of the query_range response')] };
    }
    const matrix = matrixOf(json, file);
    if (!('result' in matrix)) return { ok: false, problems: [matrix] };
    const sums = new Map<number, number>();
    const problems: InputProblem[] = [];
    matrix.result.forEach((series, s) => {
      if (!Array.isArray(series.values)) {
        problems.push(problem(file, `data.result[${s}].values`, 'expected a list of [timestamp, "value"] pairs'));
        return;
      }
      series.values.forEach((pair: unknown, i: number) => {
        const at = `data.result[${s}].values[${i}]`;
        const [t, v] = Array.isArray(pair) ? pair : [];
        const seconds = typeof t === 'number' ? t : Number.NaN;
        const value = typeof v === 'string' ? Number(v) : Number.NaN;
        if (!Number.isFinite(seconds)) problems.push(problem(file, `${at}[0]`, `expected a Unix timestamp in seconds, got ${JSON.stringify(t)}`));
        else if (!Number.isFinite(value)) problems.push(problem(file, `${at}[1]`, `expected a finite number as a string, got ${JSON.stringify(v)}`, 'Prometheus writes NaN and ±Inf for missing data: drop or fill those samples'));
        else sums.set(seconds, (sums.get(seconds) ?? 0) + value);
      });
    });
    if (problems.length > 0) return { ok: false, problems: problems.slice(0, 20) };
    if (sums.size === 0) return { ok: false, problems: [problem(file, 'data.result', 'the export holds no samples')] };
    const times = [...sums.keys()].sort((a, b) => a - b);
    return { ok: true, rows: { timestampsSeconds: Float64Array.from(times), values: Float64Array.from(times.map((t) => sums.get(t)!)) } };
  },
};
