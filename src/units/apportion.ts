/**
 * Rounding parts so that they add up to their rounded whole: the largest-remainder (Hamilton)
 * method, as an invoice splits a rounded total over its lines. Each part gets its exact value
 * rounded down to a multiple of 10^-decimals, and the units still missing from the whole go one
 * each to the parts with the largest remainders (ties: the earlier part). Pure, exact on BigInt.
 */
import { exactFraction, exactSubtract, exactCompare, exactMultiply, type ExactAmount } from './exact-amount.js';

/** Largest integer ≤ a. */
function exactFloor(a: ExactAmount): bigint {
  const quotient = a.numerator / a.denominator; // truncates toward zero
  return a.numerator < 0n && quotient * a.denominator !== a.numerator ? quotient - 1n : quotient;
}

/**
 * `wholeScaled` (a whole in units of 10^-decimals, e.g. cents for 2) split over parts whose exact
 * values are `parts`: integers in the same units, one per part, that add up to wholeScaled.
 *
 * When wholeScaled is Σ parts rounded (or, down a tree, a parent's apportioned value), each result
 * is its part rounded down or up, never further: the missing units number at most the parts with a
 * remainder. Otherwise (a whole that is not the parts' sum) the difference is still spread one unit
 * at a time in remainder order (after whole rounds over every part), so the sum holds whatever is given. No parts: [].
 */
export function apportionScaled(wholeScaled: bigint, parts: readonly ExactAmount[], decimals: number): bigint[] {
  if (parts.length === 0) return [];
  const scale = exactFraction(10n ** BigInt(decimals), 1n);
  const scaled = parts.map((p) => exactMultiply(p, scale));
  const result = scaled.map(exactFloor);
  const remainders = scaled.map((s, i) => exactSubtract(s, exactFraction(result[i]!, 1n)));
  let missing = wholeScaled - result.reduce((a, b) => a + b, 0n);
  const step = missing >= 0n ? 1n : -1n;
  // Units added go to the largest remainders first, units taken back to the smallest; ties keep part order.
  const order = parts
    .map((_, i) => i)
    .sort((a, b) => (step > 0n ? exactCompare(remainders[b]!, remainders[a]!) : exactCompare(remainders[a]!, remainders[b]!)) || a - b);
  // Whole rounds first (only when the whole is not the parts' sum), then one unit per part in order.
  const rounds = missing / BigInt(parts.length);
  for (let i = 0; i < result.length; i++) result[i]! += rounds;
  missing -= rounds * BigInt(parts.length);
  for (let k = 0; missing !== 0n; k++) {
    result[order[k]!]! += step;
    missing -= step;
  }
  return result;
}
