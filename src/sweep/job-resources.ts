/**
 * The numbers of the Indexed Job `sweep --emit-job` writes, checked as Kubernetes takes them, so
 * that a mistake is refused here (exit 2) rather than by the API server, or by every pod after the
 * Job is applied:
 * - the CPU request is a resource quantity (k8s.io/apimachinery/pkg/api/resource ParseQuantity,
 *   ../units/quantity.ts): `2`, `1500m`, `2k`; each pod runs one sweep worker per whole core it
 *   requests (at least one), and a sweep runs at most MAX_SWEEP_WORKERS workers;
 * - the memory request and limit are whole bytes: upstream warns of a fractional one
 *   (pkg/api/pod/warnings.go, "fractional byte value %q is invalid, must be an integer", checked as
 *   MilliValue() % 1000 != 0), as `512m` (0.512 bytes, where 512Mi was meant) is;
 * - parallelism of an Indexed Job is at most maxParallelismForIndexedJob = 100000
 *   (pkg/apis/batch/validation/validation.go validateJobSpec);
 * - backoffLimitPerIndex is an int32 (batch/v1 JobSpec).
 * Pure: each returns its value or what was expected, with the unit.
 */
import { isValueFormatError } from '../errors/value-format-error.js';
import { parseQuantity, type ParsedQuantity } from '../units/quantity.js';

/** The most worker threads one sweep runs (--workers' bound, and so a pod's). */
export const MAX_SWEEP_WORKERS = 1024;
/** maxParallelismForIndexedJob, pkg/apis/batch/validation/validation.go. */
export const MAX_INDEXED_JOB_PARALLELISM = 100_000;
/** spec.backoffLimitPerIndex is an int32. */
export const MAX_INT32 = 2_147_483_647;

export type Checked<T> = { ok: true; value: T } | { ok: false; expected: string };

function quantity(text: string): ParsedQuantity | undefined {
  try {
    return parseQuantity(text);
  } catch (error) {
    if (isValueFormatError(error)) return undefined;
    throw error;
  }
}

const cores = (milli: number): string => `${milli / 1000} core${milli === 1000 ? '' : 's'}`;

/** --job-cpu: the worker threads a pod requesting this much CPU runs (one per whole core, at least one). */
export function podWorkers(cpu: string): Checked<number> {
  const q = quantity(cpu);
  if (q === undefined || q.milliValue <= 0) {
    return { ok: false, expected: `expected a CPU quantity above 0 such as 2 or 1500m (cores; m is thousandths), got "${cpu}"` };
  }
  if (q.milliValue > MAX_SWEEP_WORKERS * 1000) {
    return {
      ok: false,
      expected: `"${cpu}" is ${cores(q.milliValue)}: expected at most ${MAX_SWEEP_WORKERS} cores, as each pod runs one sweep worker per core and a sweep runs at most ${MAX_SWEEP_WORKERS}`,
    };
  }
  return { ok: true, value: Math.max(1, Math.floor(q.milliValue / 1000)) };
}

/** --job-memory: whole bytes above 0 (its value in bytes). */
export function podMemoryBytes(memory: string): Checked<number> {
  const q = quantity(memory);
  if (q === undefined || q.milliValue <= 0) {
    return { ok: false, expected: `expected a memory quantity above 0 such as 1Gi or 512Mi (bytes), got "${memory}"` };
  }
  if (q.milliValue % 1000 !== 0) {
    return {
      ok: false,
      expected: `"${memory}" is ${q.value} bytes, a fractional byte value Kubernetes calls invalid: expected whole bytes such as 512Mi or 1Gi (the suffix m means thousandths, not mebibytes)`,
    };
  }
  return { ok: true, value: q.integerValue };
}
