/**
 * The conformance runner: checks each vector's envelope, hands ONLY its `input` (a deep copy) to the
 * adapter of its kind, and compares every key of `expected` with the computed outputs.
 */
import { compareExpected } from './compare-expected.js';
import { ReadTracker } from './read-tracker.js';
import { defaultAdapterRegistry } from './registry.js';
import type { AdapterRegistry, TestVector, VectorResult } from './vector-types.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The vector's envelope, or a message saying what is wrong with it. */
function readEnvelope(value: unknown, index: number): TestVector | { id: string; kind: string; error: string } {
  // `expected` is kept apart from `input` here and never reaches an adapter.
  const fallbackId = `#${index}`;
  if (!isObject(value)) return { id: fallbackId, kind: '?', error: 'vector is not a JSON object' };
  const id = typeof value.id === 'string' ? value.id : fallbackId;
  const kind = typeof value.kind === 'string' ? value.kind : '?';
  if (typeof value.id !== 'string') return { id, kind, error: 'vector has no string "id"' };
  if (typeof value.kind !== 'string') return { id, kind, error: 'vector has no string "kind"' };
  if (!('input' in value)) return { id, kind, error: 'vector has no "input"' };
  return { id, kind, input: value.input, expected: isObject(value.expected) ? value.expected : undefined };
}

/**
 * The output key listing the input fields the adapter did not read (descriptive fields such as a
 * pod's `phase` next to its `class`, or fields it cannot honour). Reported, never a failure: §8 lets
 * vectors carry fields that only explain.
 */
export const UNREAD_KEY = 'unreadInputFields';

/**
 * Runs one vector whose envelope is valid. The adapter never sees `expected`. A vector without an
 * `expected` object still runs (its outputs are reported) but fails: there is nothing to check.
 */
export function runVector(vector: TestVector, registry: AdapterRegistry): VectorResult {
  const { id, kind, expected } = vector;
  const adapter = registry.get(kind);
  if (adapter === undefined) return { id, kind, pass: null, skipped: true };
  let actual: Record<string, unknown>;
  const tracker = new ReadTracker(structuredClone(vector.input));
  try {
    actual = adapter(tracker.view);
  } catch (error) {
    return { id, kind, pass: false, expected, error: error instanceof Error ? error.message : String(error) };
  }
  // Fields the adapter never looked at go into the outputs (both reports print `actual`); a vector
  // whose `expected` names that key is compared like any other output.
  const unread = tracker.unread();
  if (unread.length > 0 && !Object.hasOwn(actual, UNREAD_KEY)) actual = { ...actual, [UNREAD_KEY]: unread };
  if (expected === undefined) return { id, kind, pass: false, actual, error: 'vector has no "expected" object' };
  const mismatches = compareExpected(expected, actual);
  const result: VectorResult = { id, kind, pass: mismatches.length === 0, actual, expected };
  if (unread.length > 0) result.unreadInputFields = unread;
  if (mismatches.length > 0) result.mismatches = mismatches;
  return result;
}

/**
 * Runs every vector in order. Kinds without an adapter give `pass: null, skipped: true`; an adapter
 * that throws, or a malformed vector, gives `pass: false` with `error`.
 */
export function runVectors(vectors: unknown[], registry: AdapterRegistry = defaultAdapterRegistry()): VectorResult[] {
  return vectors.map((value, index) => {
    const envelope = readEnvelope(value, index);
    if ('error' in envelope) return { id: envelope.id, kind: envelope.kind, pass: false, error: envelope.error };
    return runVector(envelope, registry);
  });
}

export interface ConformanceTotals {
  passed: number;
  failed: number;
  skipped: number;
}

export function countResults(results: readonly VectorResult[]): ConformanceTotals {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) {
    if (r.pass === null) totals.skipped++;
    else if (r.pass) totals.passed++;
    else totals.failed++;
  }
  return totals;
}
