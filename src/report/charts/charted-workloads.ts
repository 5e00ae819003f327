/**
 * Which workloads get their own load and replica charts. Past the limit the report charts those
 * that fared worst (src/report/worst-workloads.ts) and says how many it left out: a report of
 * thousands of charts is read by nobody and takes a headless browser minutes to draw. Every
 * workload stays in the summary tables and timeseries.csv.
 */
import type { WorkloadSummary } from '../summary.js';
import { WORST_FIRST_ORDER, worstWorkloads } from '../worst-workloads.js';

/** Workloads charted by default (`scalesim run` and `compare --chart-workloads`). */
export const DEFAULT_CHARTED_WORKLOADS = 12;

export interface ChartedWorkloads {
  /** In the summary's order when all fit; otherwise worst first. */
  names: string[];
  leftOut: string[];
}

/** The workloads to chart: all of them up to `limit`, else the `limit` that fared worst. */
export function chartedWorkloads(workloads: readonly WorkloadSummary[], limit: number): ChartedWorkloads {
  const { shown, hidden } = worstWorkloads(workloads, limit);
  if (hidden === 0) return { names: shown.map((w) => w.name), leftOut: [] };
  return {
    names: shown.map((w) => w.name),
    leftOut: [
      `Workload charts: ${hidden} of ${workloads.length} workloads not charted (at most ${limit}: those that fared worst are drawn, ` +
        `ordered by ${WORST_FIRST_ORDER}). Every workload is in the summary tables and timeseries.csv; \`--chart-workloads N\` draws more.`,
    ],
  };
}
