/**
 * scenario.yaml `spec.traces` → TraceBinding[]: reads each trace file with its format from the
 * trace-format registry, checks the binding's own rules (requestsPerUserPerSecond iff activeUsers)
 * and binds the rows to simulation time. Files are read in parallel; results keep the YAML order.
 */
import type { InputProblem } from '../../errors/user-input-error.js';
import { findTraceFormat, parseTraceText, traceFormatNames } from '../../load/trace-formats/registry.js';
import { suggestionHint } from '../did-you-mean.js';
import { readTextFile, resolveInScenario } from '../files.js';
import type { ProblemSink } from '../problem-sink.js';
import type { TraceBindingInput } from '../schema/trace-binding-schema.js';
import type { TraceBinding } from '../types.js';
import { utcOffsetInLine, utcOffsetSeconds } from '../utc-offset.js';
import type { DocRef } from '../yaml/doc-ref.js';
import { bindTraceRows, dominantStepSeconds } from './bind-trace.js';

/** The calendar instant a binding maps to simulation t = 0, and the UTC offset it was written in. */
export interface TraceOrigin {
  epochSeconds: number;
  /** Offset of the binding's `start`, else of the first row's timestamp (0 when neither shows one). */
  utcOffsetSeconds: number;
}

export interface ResolvedTraces {
  bindings: Map<string, TraceBinding>;
  origins: Map<string, TraceOrigin>;
}

/**
 * Resolves every binding that passed the schema and reports problems (located in scenario.yaml or
 * the trace file). The files of `unchecked` bindings (which failed the schema) are still read, so
 * their content problems show up in the same run.
 */
export async function resolveTraces(
  dir: string,
  bindings: ReadonlyMap<string, TraceBindingInput>,
  unchecked: ReadonlyMap<string, { file: string; format: string }>,
  scenarioRef: DocRef,
  sink: ProblemSink,
  /** The run's duration when given (spec.duration or --duration): later rows are not bound. */
  untilSeconds?: number,
): Promise<ResolvedTraces> {
  const entries = [...bindings.entries()];
  const files: FileCache = new Map();
  const results = await Promise.all(entries.map(([name, input]) => resolveOne(dir, name, input, scenarioRef, files, untilSeconds)));
  const checks = await Promise.all([...unchecked].map(([name, { file, format }]) => checkFile(dir, name, file, format, scenarioRef)));
  const out: ResolvedTraces = { bindings: new Map(), origins: new Map() };
  for (const result of results) {
    sink.errors(result.problems);
    for (const w of result.warnings ?? []) sink.warn(w);
    if (!result.binding) continue;
    out.bindings.set(result.binding.name, result.binding);
    out.origins.set(result.binding.name, result.origin);
  }
  for (const problems of checks) sink.errors(problems);
  return out;
}

async function checkFile(dir: string, name: string, relative: string, format: string, scenarioRef: DocRef): Promise<InputProblem[]> {
  if (findTraceFormat(format) === undefined) return [];
  const file = resolveInScenario(dir, relative);
  const text = await readTextFile(file);
  if (!text.ok) return [scenarioRef.problem(['spec', 'traces', name, 'file'], text.message, text.hint)];
  const parsed = parseTraceText(format, text.value, file);
  return parsed.ok ? [] : parsed.problems;
}

/** Bindings of one file (1,000 workloads may replay five traces) read and parse it once. */
type FileCache = Map<string, Promise<{ text: Awaited<ReturnType<typeof readTextFile>>; parsed?: ReturnType<typeof parseTraceText> }>>;

function readAndParse(files: FileCache, file: string, format: string): ReturnType<FileCache['get']> & object {
  const key = `${format}\u0000${file}`;
  let entry = files.get(key);
  if (entry === undefined) {
    entry = readTextFile(file).then((text) => (text.ok ? { text, parsed: parseOnce(key, format, text.value, file) } : { text }));
    files.set(key, entry);
  }
  return entry;
}

/**
 * Parses kept across loads in this process: a sweep's worker, `compare` and the benchmarks load one
 * scenario many times, and parsing its traces was most of a load (nasa-diurnal: some 20 of 30 ms).
 * An entry is used only for the same format, path and text (the file is read every time and
 * compared whole), so an edited file is parsed again. Parsed rows are never modified by their
 * users. The last few files are kept, so a grid over trace files does not pile them up.
 */
const PARSED_KEPT = 8;
const parsedFiles = new Map<string, { text: string; parsed: ReturnType<typeof parseTraceText> }>();

function parseOnce(key: string, format: string, text: string, file: string): ReturnType<typeof parseTraceText> {
  const kept = parsedFiles.get(key);
  if (kept !== undefined && kept.text === text) return kept.parsed;
  const parsed = parseTraceText(format, text, file);
  parsedFiles.delete(key);
  parsedFiles.set(key, { text, parsed });
  if (parsedFiles.size > PARSED_KEPT) parsedFiles.delete(parsedFiles.keys().next().value!);
  return parsed;
}

async function resolveOne(dir: string, name: string, input: TraceBindingInput, scenarioRef: DocRef, files: FileCache, untilSeconds: number | undefined) {
  const at = (field: string, message: string, hint?: string) => scenarioRef.problem(['spec', 'traces', name, field], message, hint);
  const problems: InputProblem[] = [];
  if (input.valueKind === 'activeUsers' && input.requestsPerUserPerSecond === undefined) {
    problems.push(at('valueKind', 'valueKind activeUsers requires requestsPerUserPerSecond', 'add requestsPerUserPerSecond: <requests per second per user>, e.g. 0.02'));
  }
  if (input.valueKind !== 'activeUsers' && input.requestsPerUserPerSecond !== undefined) {
    problems.push(at('requestsPerUserPerSecond', `requestsPerUserPerSecond applies only to valueKind activeUsers (this trace is ${input.valueKind})`));
  }
  if (findTraceFormat(input.format) === undefined) {
    const hint = suggestionHint(input.format, traceFormatNames(), 'formats');
    return { problems: [...problems, at('format', `unknown trace format "${input.format}"`, hint)] };
  }
  const file = resolveInScenario(dir, input.file);
  const { text, parsed } = await readAndParse(files, file, input.format);
  if (!text.ok || parsed === undefined) return { problems: [...problems, at('file', text.ok ? 'unreadable' : text.message, text.ok ? undefined : text.hint)] };
  if (!parsed.ok) return { problems: [...problems, ...parsed.problems] };
  if (problems.length > 0) return { problems };
  const bound = bindTraceRows(parsed.rows, {
    valueKind: input.valueKind,
    requestsPerUserPerSecond: input.requestsPerUserPerSecond,
    bucketSeconds: input.bucket,
    scale: input.scale,
    shiftSeconds: input.shift,
    startEpochSeconds: input.start,
    untilSeconds: input.loop ? undefined : untilSeconds,
    loop: input.loop,
  });
  if (!bound.ok) return { problems: [at(bound.field, bound.message, bound.hint)] };
  const binding: TraceBinding = {
    name,
    file,
    format: input.format,
    valueKind: input.valueKind,
    ...(input.requestsPerUserPerSecond !== undefined ? { requestsPerUserPerSecond: input.requestsPerUserPerSecond } : {}),
    scale: input.scale,
    shiftSeconds: input.shift,
    loop: input.loop,
    bucketSeconds: bound.bucketSeconds,
    rate: bound.rate,
  };
  const startText = scenarioRef.valueAt(['spec', 'traces', name, 'start']);
  const firstLine = parsed.rows.lines?.[0];
  const offset = typeof startText === 'string' ? utcOffsetSeconds(startText) : firstLine !== undefined ? utcOffsetInLine(lineAt(text.value, firstLine)) : undefined;
  const warnings = bucketWarnings(name, input, parsed.rows.timestampsSeconds, scenarioRef);
  return { problems: [], warnings, binding, origin: { epochSeconds: bound.originEpochSeconds, utcOffsetSeconds: offset ?? 0 } };
}

/**
 * A bucket given for counts per bucket that is not the rows' own step: each count is divided by the
 * bucket, so a 5m bucket over rows one minute apart makes the load five times too low.
 */
function bucketWarnings(name: string, input: TraceBindingInput, timestampsSeconds: Float64Array, scenarioRef: DocRef): InputProblem[] {
  if (input.bucket === undefined || input.valueKind !== 'countPerBucket') return [];
  const step = dominantStepSeconds(timestampsSeconds);
  if (step === undefined || step === input.bucket) return [];
  return [
    scenarioRef.warning(
      ['spec', 'traces', name, 'bucket'],
      `bucket is ${input.bucket} s but most rows are ${step} s apart: each count is spread over ${input.bucket} s, so the load is ${(step / input.bucket).toPrecision(3)}× what the rows say per second`,
      `leave bucket out to use the rows' own step, or set it to ${step} s`,
    ),
  ];
}

/** Line `line` (1-based) of `text`. */
function lineAt(text: string, line: number): string {
  return text.split('\n', line)[line - 1] ?? '';
}
