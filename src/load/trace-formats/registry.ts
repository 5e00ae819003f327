/**
 * Trace file formats by name (scenario.yaml `traces.<name>.format`). Adding a format, e.g.
 * Prometheus range-query JSON, is one file implementing TraceFormat plus one entry here.
 */
import type { InputProblem } from '../../errors/user-input-error.js';
import { checkTraceRows } from './check-trace-rows.js';
import { csvTraceFormat } from './csv.js';
import { prometheusTraceFormat } from './prometheus.js';
import type { TraceFormat, TraceParseResult } from './types.js';

/** Every known trace format, keyed by its name. */
export const TRACE_FORMATS: ReadonlyMap<string, TraceFormat> = new Map(
  [csvTraceFormat, prometheusTraceFormat].map((format) => [format.name, format]),
);

/** The format used when a binding names none. */
export const DEFAULT_TRACE_FORMAT = 'csv';

export function findTraceFormat(name: string): TraceFormat | undefined {
  return TRACE_FORMATS.get(name);
}

export function traceFormatNames(): string[] {
  return [...TRACE_FORMATS.keys()].sort();
}

/**
 * Parses a trace file's text with the named format and applies the shared row checks.
 * Returns problems (never throws) for an unknown format or bad content.
 */
export function parseTraceText(formatName: string, text: string, file: string): TraceParseResult {
  const format = findTraceFormat(formatName);
  if (format === undefined) {
    const problem: InputProblem = {
      file,
      message: `unknown trace format "${formatName}"`,
      hint: `supported formats: ${traceFormatNames().join(', ')}`,
    };
    return { ok: false, problems: [problem] };
  }
  const parsed = format.parse(text, file);
  if (!parsed.ok) return parsed;
  const problems = checkTraceRows(parsed.rows, file);
  return problems.length > 0 ? { ok: false, problems } : parsed;
}
