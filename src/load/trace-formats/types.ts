/**
 * The contract every trace file format implements: text in, rows of (epoch seconds, value) out,
 * with every problem located in the file. Formats are registered by name in ./registry.ts.
 */
import type { InputProblem } from '../../errors/user-input-error.js';

/** Rows of a trace as read from its file, before a scenario binding maps them to simulation time. */
export interface TraceRows {
  /** Instant of each row, seconds since the Unix epoch (fractional allowed), in file order. */
  timestampsSeconds: Float64Array;
  /** The row's value, as written (a count, a rate or a number of users: the binding says which). */
  values: Float64Array;
  /** 1-based line of each row in the file, when the format has lines (for later messages). */
  lines?: Int32Array;
}

export type TraceParseResult =
  | { ok: true; rows: TraceRows }
  | { ok: false; problems: InputProblem[] };

export interface TraceFormat {
  /** Registry key, as written in scenario.yaml `traces.<name>.format`. */
  readonly name: string;
  /** One line for `--help` and error hints. */
  readonly description: string;
  /**
   * Parses the whole file. `file` is the path to put in problems. Reports malformed cells, missing
   * columns and an empty file; ordering and sign checks are shared (./check-trace-rows.ts).
   */
  parse(text: string, file: string): TraceParseResult;
}

/** At most this many problems are listed per trace file; the rest are counted in one line. */
export const MAX_PROBLEMS_PER_TRACE_FILE = 20;
