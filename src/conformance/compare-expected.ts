/**
 * The conformance check of docs/fidelity-spec.md §8: every key present in `expected` must equal the
 * computed value (numbers and strings exactly, arrays and objects structurally); other keys are free.
 */

/** Structural equality on JSON values; numbers compare with ===. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Compact display of a value in a mismatch line. */
export function formatValue(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}

/** One line per expected key whose actual value differs: `key: expected X, actual Y`. */
export function compareExpected(expected: Readonly<Record<string, unknown>>, actual: unknown): string[] {
  const got = typeof actual === 'object' && actual !== null ? (actual as Record<string, unknown>) : {};
  const mismatches: string[] = [];
  for (const [key, want] of Object.entries(expected)) {
    const have = Object.hasOwn(got, key) ? got[key] : undefined;
    if (!jsonEqual(want, have)) mismatches.push(`${key}: expected ${formatValue(want)}, actual ${formatValue(have)}`);
  }
  return mismatches;
}
