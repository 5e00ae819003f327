/**
 * Resource integrals of a pool over the run (requested, used and allocatable CPU and memory), their
 * presentation in core-hours and GiB-hours, and the requested ratio that idle cost rests on. The
 * ratio takes the dominant resource, as cluster-autoscaler's utilization does
 * (simulator/utilization/info.go: max(cpu requested ÷ allocatable, memory requested ÷ allocatable)).
 */
import {
  EXACT_ONE,
  exactDivide,
  exactFromNumber,
  exactMax,
  exactMin,
  type ExactAmount,
} from '../../units/exact-amount.js';

/** Integrals over the run of one pool (or of several, summed). */
export interface UsageIntegrals {
  cpuRequestedMillicoreSeconds: number;
  cpuUsedMillicoreSeconds: number;
  cpuAllocatableMillicoreSeconds: number;
  memoryRequestedByteSeconds: number;
  memoryUsedByteSeconds: number;
  memoryAllocatableByteSeconds: number;
}

/**
 * One pool's integrals. For a node pool, allocatable is Σ node allocatable × seconds the node
 * existed; for a virtual pool it should be Σ billed size × pod life, so that its idle cost is the
 * waste of rounding up to a valid size.
 */
export interface PoolUsage extends UsageIntegrals {
  pool: string;
}

/** The same integrals in hours: cpu in core-hours, memory in GiB-hours (2^30 bytes). */
export interface UsageHours {
  cpuRequestedCoreHours: number;
  cpuUsedCoreHours: number;
  cpuAllocatableCoreHours: number;
  memoryRequestedGibHours: number;
  memoryUsedGibHours: number;
  memoryAllocatableGibHours: number;
}

const MILLICORE_SECONDS_PER_CORE_HOUR = 1000 * 3600;
const BYTE_SECONDS_PER_GIB_HOUR = 2 ** 30 * 3600;

export function sumUsage(items: readonly UsageIntegrals[]): UsageIntegrals {
  const total: UsageIntegrals = {
    cpuRequestedMillicoreSeconds: 0,
    cpuUsedMillicoreSeconds: 0,
    cpuAllocatableMillicoreSeconds: 0,
    memoryRequestedByteSeconds: 0,
    memoryUsedByteSeconds: 0,
    memoryAllocatableByteSeconds: 0,
  };
  for (const u of items) {
    total.cpuRequestedMillicoreSeconds += u.cpuRequestedMillicoreSeconds;
    total.cpuUsedMillicoreSeconds += u.cpuUsedMillicoreSeconds;
    total.cpuAllocatableMillicoreSeconds += u.cpuAllocatableMillicoreSeconds;
    total.memoryRequestedByteSeconds += u.memoryRequestedByteSeconds;
    total.memoryUsedByteSeconds += u.memoryUsedByteSeconds;
    total.memoryAllocatableByteSeconds += u.memoryAllocatableByteSeconds;
  }
  return total;
}

export function toUsageHours(u: UsageIntegrals): UsageHours {
  return {
    cpuRequestedCoreHours: u.cpuRequestedMillicoreSeconds / MILLICORE_SECONDS_PER_CORE_HOUR,
    cpuUsedCoreHours: u.cpuUsedMillicoreSeconds / MILLICORE_SECONDS_PER_CORE_HOUR,
    cpuAllocatableCoreHours: u.cpuAllocatableMillicoreSeconds / MILLICORE_SECONDS_PER_CORE_HOUR,
    memoryRequestedGibHours: u.memoryRequestedByteSeconds / BYTE_SECONDS_PER_GIB_HOUR,
    memoryUsedGibHours: u.memoryUsedByteSeconds / BYTE_SECONDS_PER_GIB_HOUR,
    memoryAllocatableGibHours: u.memoryAllocatableByteSeconds / BYTE_SECONDS_PER_GIB_HOUR,
  };
}

/**
 * Requested ÷ allocatable of the dominant resource, capped at 1: max over cpu and memory, each
 * counted only when its allocatable integral is > 0. undefined when neither has allocatable
 * (nothing to compare against, so no idle cost can be stated).
 */
export function calculateRequestedRatio(u: UsageIntegrals): ExactAmount | undefined {
  const ratios: ExactAmount[] = [];
  if (u.cpuAllocatableMillicoreSeconds > 0) {
    ratios.push(exactDivide(exactFromNumber(u.cpuRequestedMillicoreSeconds), exactFromNumber(u.cpuAllocatableMillicoreSeconds)));
  }
  if (u.memoryAllocatableByteSeconds > 0) {
    ratios.push(exactDivide(exactFromNumber(u.memoryRequestedByteSeconds), exactFromNumber(u.memoryAllocatableByteSeconds)));
  }
  const [first, ...rest] = ratios;
  if (first === undefined) return undefined;
  return exactMin(EXACT_ONE, rest.reduce(exactMax, first));
}
