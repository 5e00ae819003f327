/**
 * Which workloads fared worst, for the views that cannot show them all (the report's charts, the
 * terminal summary): most requests dropped (the highest dropped %; a workload offered no request has
 * none and comes after every workload that has one), then the highest p95 response time, the most
 * pending pod-seconds, the highest replica peak, then by name. A run of a handful shows them all, in the
 * summary's order; a run of hundreds (bench-large has 1,000) shows the worst few.
 */
import type { WorkloadSummary } from './summary.js';

/** Higher dropped % first; a workload without one (offered nothing, null) after those with one. */
function moreDroppedFirst(a: WorkloadSummary, b: WorkloadSummary): number {
  if (a.droppedPercent === null || b.droppedPercent === null) return (a.droppedPercent === null ? 1 : 0) - (b.droppedPercent === null ? 1 : 0);
  return b.droppedPercent - a.droppedPercent;
}

/** Worst first: a negative number when `a` fared worse than `b`. */
function worseFirst(a: WorkloadSummary, b: WorkloadSummary): number {
  return (
    moreDroppedFirst(a, b) ||
    b.responseTimeSeconds.p95 - a.responseTimeSeconds.p95 ||
    b.pendingPodSeconds - a.pendingPodSeconds ||
    b.replicas.peakReady - a.replicas.peakReady ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

/** How the ranking reads, for the sentence that says what was left out. */
export const WORST_FIRST_ORDER = 'dropped %, then p95 response time, pending pod-seconds and peak ready replicas';

export interface WorstWorkloads {
  /** All of them in the summary's order when they fit; otherwise the `limit` worst, worst first. */
  shown: WorkloadSummary[];
  /** How many were left out. */
  hidden: number;
}

export function worstWorkloads(workloads: readonly WorkloadSummary[], limit: number): WorstWorkloads {
  if (workloads.length <= limit) return { shown: [...workloads], hidden: 0 };
  const shown = [...workloads].sort(worseFirst).slice(0, limit);
  return { shown, hidden: workloads.length - shown.length };
}

/**
 * For a comparison: each workload once, in first-seen order, as it fared in the variant where it
 * fared worst (so a workload one variant starves is shown).
 */
export function worstOverVariants(variants: readonly (readonly WorkloadSummary[])[]): WorkloadSummary[] {
  const worst = new Map<string, WorkloadSummary>();
  for (const workloads of variants) {
    for (const w of workloads) {
      const seen = worst.get(w.name);
      if (seen === undefined || worseFirst(w, seen) < 0) worst.set(w.name, w);
    }
  }
  return [...worst.values()];
}
