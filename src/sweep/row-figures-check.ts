/**
 * Checks the figures of a sweep row read back from a file (a shard's sweep-part.json for `scalesim
 * merge`, a resume journal's line): every field of compare's row (src/compare/comparison-row.ts)
 * present with its type and range. A part edited by hand, cut short or written by another build
 * would otherwise reach the outputs as NaN or stop merge with a raw TypeError. Pure: a value in, the
 * first problem as `<field>: expected …, got …` out, or undefined.
 */

type Check = (v: unknown) => boolean;

const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const nonNegative: Check = (v) => isNumber(v) && (v as number) >= 0;
const count: Check = (v) => nonNegative(v) && Number.isInteger(v);
const percent: Check = (v) => isNumber(v) && (v as number) >= 0 && (v as number) <= 100;
const orNull =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const orAbsent =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
const text: Check = (v) => typeof v === 'string';
const costsByClass: Check = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(isNumber);

/** Each field of a comparison row: how to check it, and what it should be (with units). */
const FIELDS: readonly [string, Check, string][] = [
  ['variant', text, 'a string'],
  ['description', text, 'a string'],
  ['costTotal', orNull(isNumber), 'a number in the cost currency, or null'],
  ['costCurrency', orNull(text), 'a currency code, or null'],
  ['costByClass', costsByClass, 'an object of numbers in the cost currency, by capacity class'],
  ['servedPercent', orNull(percent), 'a percentage from 0 to 100, or null'],
  ['droppedPercent', orNull(percent), 'a percentage from 0 to 100, or null'],
  ['p50Ms', orNull(nonNegative), 'milliseconds (0 or more), or null'],
  ['p95Ms', orNull(nonNegative), 'milliseconds (0 or more), or null'],
  ['p99Ms', orNull(nonNegative), 'milliseconds (0 or more), or null'],
  ['worstP95Ms', orNull(nonNegative), 'milliseconds (0 or more), or null'],
  ['worstP95Workload', orNull(text), 'a workload name, or null'],
  ['underProvisionedSeconds', nonNegative, 'seconds (0 or more)'],
  ['pendingPodSeconds', nonNegative, 'pod-seconds (0 or more)'],
  ['coldStarts', count, 'a whole count (0 or more)'],
  ['scaleEvents', count, 'a whole count (0 or more)'],
  ['flapsPerHour', nonNegative, 'direction changes per hour (0 or more)'],
  ['peakReplicas', nonNegative, 'replicas (0 or more)'],
  ['meanReplicas', nonNegative, 'replicas (0 or more)'],
  ['peakNodes', nonNegative, 'nodes (0 or more)'],
  ['meanNodes', nonNegative, 'nodes (0 or more)'],
  // Runs with rollouts only: absent (undefined) otherwise.
  ['rolloutP95Ms', orAbsent(orNull(nonNegative)), 'milliseconds (0 or more), null, or nothing (no rollout)'],
  ['longestRolloutSeconds', orAbsent(orNull(nonNegative)), 'seconds (0 or more), null, or nothing (no rollout)'],
  ['unfinishedRollouts', orAbsent(count), 'a whole count (0 or more), or nothing (no rollout)'],
];

/** The fields checked: every field of compare's row (a test holds them to a real row's keys). */
export const CHECKED_FIELDS: readonly string[] = FIELDS.map(([field]) => field);

function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  const json = JSON.stringify(v);
  return json.length > 40 ? `${json.slice(0, 37)}...` : json;
}

/** The first problem with a stored row's figures (`row` of a SweepRow), or undefined when they are whole. */
export function rowFiguresProblem(row: unknown): string | undefined {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return `row: expected an object of figures, got ${shown(row)}`;
  const record = row as Record<string, unknown>;
  for (const [field, check, expected] of FIELDS) {
    if (!check(record[field])) return `row.${field}: expected ${expected}, got ${shown(record[field])}`;
  }
  // A run with rollouts has its longest rollout and the count of those that did not complete (its p95 may be absent).
  if ((record.rolloutP95Ms !== undefined || record.unfinishedRollouts !== undefined) && record.longestRolloutSeconds === undefined) return 'row.longestRolloutSeconds: expected seconds (0 or more) beside the other rollout figures, got nothing';
  if (record.longestRolloutSeconds !== undefined && record.unfinishedRollouts === undefined) return 'row.unfinishedRollouts: expected a whole count (0 or more) beside the other rollout figures, got nothing';
  return undefined;
}
