/**
 * The cases `npm run bench` measures: a bundled scenario, optionally with a duration and field
 * overrides (the `compare --variant` syntax). The one-day / one-year pair shows whether memory
 * follows the trace length (it should not: outputs stream to disk), in peak RSS; the live-heap
 * case shows what the year keeps alive, apart from how much room V8 leaves itself; the three-year
 * case, run only when named (`npm run bench -- nasa-3y-looped`, about a minute), shows whether it
 * keeps growing after the first year.
 */
export interface BenchCase {
  name: string;
  scenario: string;
  durationSeconds?: number;
  /** Overrides as `compare --variant` takes them: `<target>:<path>=<value>; …`. */
  overrides?: string;
  /** Replaces spec.decisions (as `run --decisions` does). */
  decisions?: 'all' | 'changes' | 'none';
  /** What the row shows, for the README. */
  about: string;
  /** Run only when named on the command line, not in the default table (a long case). */
  onRequest?: boolean;
  /**
   * Also measure the live heap (after two full collections) once the first day is done and at the
   * end. The collections change how the process grows afterwards, so such a case's peak RSS is not
   * comparable with the others'; its own case keeps them apart.
   */
  liveHeap?: boolean;
}

export const DAY_SECONDS = 86_400;

/** nasa-diurnal with its trace looped, for `durationSeconds`: the memory-against-length cases. */
function looped(name: string, durationSeconds: number, rest: Pick<BenchCase, 'about' | 'onRequest' | 'liveHeap'>): BenchCase {
  return { name, scenario: 'nasa-diurnal', durationSeconds, overrides: 'scenario:spec.traces.nasa.loop=true', ...rest };
}

export const BENCH_CASES: readonly BenchCase[] = [
  { name: 'nasa-diurnal', scenario: 'nasa-diurnal', about: '27 days, one HPA workload, every decision written (158,768 rows)' },
  {
    name: 'nasa-diurnal-changes',
    scenario: 'nasa-diurnal',
    decisions: 'changes',
    about: 'the same run writing only the decisions that change something (run --decisions changes)',
  },
  {
    name: 'nasa-diurnal-none',
    scenario: 'nasa-diurnal',
    decisions: 'none',
    about: 'the same run with no decision rows (run --decisions none, as a sweep runs): the engine with little output',
  },
  {
    name: 'nasa-diurnal-wide',
    scenario: 'nasa-diurnal',
    decisions: 'none',
    overrides: 'scenario:spec.traces.nasa.scale=400; scenario:spec.nodePools[0].count=60; HorizontalPodAutoscaler/web:spec.maxReplicas=1000',
    about: 'nasa-diurnal with 20 times the traffic (74 pods on average, 446 at the peak) and no decision rows: a sync and a scrape should cost per state group, not per pod',
  },
  { name: 'kafka-lag', scenario: 'kafka-lag', about: 'KEDA kafka trigger, queue model' },
  { name: 'mysql-statefulset', scenario: 'mysql-statefulset', about: 'StatefulSet with KEDA' },
  looped('nasa-1d-looped', DAY_SECONDS, { about: 'one simulated day (memory baseline for the year below)' }),
  looped('nasa-1y-looped', 365 * DAY_SECONDS, { about: 'one simulated year: the trace looped, 2.1 million decision rows streamed to disk' }),
  looped('nasa-1y-live-heap', 365 * DAY_SECONDS, {
    about: "the one-year run again, measuring the live heap after full collections by day 1 and at the end: what the run keeps, without the collector's slack",
    liveHeap: true,
  }),
  looped('nasa-3y-looped', 3 * 365 * DAY_SECONDS, { about: 'three simulated years, looped: does memory keep growing after the first year?', onRequest: true }),
  { name: 'bench-large', scenario: 'bench-large', about: '1,000 workloads (700 HPA, 300 KEDA), cluster-autoscaler up to 2,000 nodes, 24 h' },
];

export function findBenchCase(name: string): BenchCase | undefined {
  return BENCH_CASES.find((c) => c.name === name);
}
