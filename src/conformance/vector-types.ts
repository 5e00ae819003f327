/**
 * Types of the conformance runner: a test vector (docs/fidelity-spec.md §8), its result, and the
 * adapter contract that turns a vector's `input` into computed outputs.
 */

/** One entry of fidelity-vectors.json after the envelope was checked. */
export interface TestVector {
  id: string;
  kind: string;
  input: unknown;
  /** Undefined when the vector has no `expected` object (it then fails). */
  expected: Record<string, unknown> | undefined;
}

export interface VectorResult {
  id: string;
  kind: string;
  /** true/false when the vector ran; null when it was skipped. */
  pass: boolean | null;
  skipped?: true;
  actual?: unknown;
  expected?: unknown;
  /** Input fields the adapter never read (also in `actual.unreadInputFields`). */
  unreadInputFields?: string[];
  /** One line per key of `expected` that differs: `key: expected X, actual Y`. */
  mismatches?: string[];
  /** The adapter threw, or the vector envelope is malformed. */
  error?: string;
}

/**
 * Computes outputs from a vector's `input` alone. An adapter never receives `expected`; it may
 * throw on malformed input (the runner reports a failure with the message).
 */
export type VectorAdapter = (input: unknown) => Record<string, unknown>;

/** kind → adapter. Kinds without an entry are reported as skipped. */
export type AdapterRegistry = ReadonlyMap<string, VectorAdapter>;
