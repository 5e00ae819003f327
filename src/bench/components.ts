/**
 * `npm run bench:components`: where one run's wall time goes, by component — HPA syncs, KEDA polls,
 * metrics-server scrapes, cluster-autoscaler loops, load steps… — with each one's events and
 * microseconds per event, and the run split into building, events, the kernel's own work between
 * events, and finishing (cost and summary), and how long the collector paused it. The run writes
 * no tables. A benchmark, not a test: it prints figures and asserts nothing. Timing an event reads
 * the clock twice (a few tens of nanoseconds), which its component's figure includes.
 *
 *   npm run bench:components                                  bench-large's first hour, by kind
 *   npm run bench:components -- bench-large --duration 6h --by instance --top 10
 *   npm run bench:components -- nasa-diurnal --json
 *   npm run bench:components -- ./my-scenario --duration 1d   a scenario folder of your own
 */
import { dirname, join, resolve } from 'node:path';
import { constants, performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { withExitCodes } from '../cli/handle-errors.js';
import { parseOverrides } from '../compare/overrides.js';
import { runScenario } from '../engine/run-scenario.js';
import { formatPaddedMarkdownTable } from '../report/markdown/markdown-table.js';
import { NullTableSink } from '../report/table-sink.js';
import { loadScenario, type ScenarioOverrides } from '../scenario/load-scenario.js';
import { ComponentProfile, summarizeProfile, type ProfileSummary } from './component-profile.js';
import { printedHelp, refuse } from './bench-args.js';
import { figure } from './figures.js';
import { COMPONENTS_USAGE, COMPONENTS_VALUED, parseComponentsArgs, type ComponentsOptions } from './components-options.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The collector's pauses of the main thread during the run (inside the events' and stages' times). */
interface CollectorPauses {
  pauses: number;
  pauseMs: number;
  /** Of which young-generation collections (scavenges). */
  youngGenerationMs: number;
}

/** Counts the collector's pauses from now until `stop` (which lets the queued entries arrive first). */
function watchCollector(): { stop: () => Promise<CollectorPauses> } {
  const pauses: CollectorPauses = { pauses: 0, pauseMs: 0, youngGenerationMs: 0 };
  const add = (entries: readonly PerformanceEntry[]): void => {
    for (const entry of entries) {
      pauses.pauses++;
      pauses.pauseMs += entry.duration;
      if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) pauses.youngGenerationMs += entry.duration;
    }
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: async () => {
      // The run held the event loop: its entries are queued until the loop turns.
      await new Promise<void>((resolve) => setImmediate(resolve));
      add(observer.takeRecords());
      observer.disconnect();
      return pauses;
    },
  };
}

/** The run's wall time in stages, milliseconds. */
interface RunStages {
  loadMs: number;
  buildMs: number;
  /** From the first event to the last: the events' own time plus the kernel's between them. */
  loopMs: number;
  /** Cost, summary and closing the (null) tables after the last event. */
  finishMs: number;
}

async function profile(options: ComponentsOptions): Promise<{ label: string; simulatedSeconds: number; stages: RunStages; collector: CollectorPauses; summary: ProfileSummary }> {
  const { target } = options;
  const overrides: ScenarioOverrides = {};
  if (options.durationSeconds !== undefined) overrides.durationSeconds = options.durationSeconds;
  let dir: string;
  let label: string;
  if (target.kind === 'case') {
    const c = target.case;
    dir = join(ROOT, 'scenarios', c.scenario);
    label = c.name;
    if (c.decisions !== undefined) overrides.decisions = c.decisions;
    if (c.overrides !== undefined) overrides.patches = parseOverrides(c.overrides, c.name);
  } else {
    dir = resolve(target.dir);
    label = target.dir;
  }
  const t0 = performance.now();
  const scenario = await loadScenario(dir, overrides);
  const t1 = performance.now();
  const timer = new ComponentProfile(() => performance.now());
  let built = t1;
  let lastEvent = t1;
  const collector = watchCollector();
  runScenario(scenario, {
    tables: (_name, header) => new NullTableSink(header),
    timer,
    onBuilt: () => {
      built = performance.now();
    },
    onProgress: () => {
      lastEvent = performance.now();
    },
  });
  const t2 = performance.now();
  return {
    label,
    simulatedSeconds: scenario.durationSeconds,
    stages: { loadMs: t1 - t0, buildMs: built - t1, loopMs: lastEvent - built, finishMs: t2 - lastEvent },
    collector: await collector.stop(),
    summary: summarizeProfile(timer.entries(), options.by, options.top),
  };
}

const int = (v: number): string => figure(v, 0);


function print(options: ComponentsOptions, result: Awaited<ReturnType<typeof profile>>): void {
  const { stages, summary } = result;
  const kernelMs = stages.loopMs - summary.eventsWallMs;
  console.log(
    `${result.label}, ${int(result.simulatedSeconds)} simulated s, ${int(summary.events)} events, no output. ` +
      `Load ${figure(stages.loadMs / 1000, 2)} s; run ${figure((stages.buildMs + stages.loopMs + stages.finishMs) / 1000, 2)} s: ` +
      `build ${figure(stages.buildMs / 1000, 2)} s, events ${figure(summary.eventsWallMs / 1000, 2)} s, ` +
      `kernel between events ${figure(kernelMs / 1000, 2)} s, finish ${figure(stages.finishMs / 1000, 2)} s. ` +
      `The collector paused it ${int(result.collector.pauses)} time${result.collector.pauses === 1 ? '' : 's'}, ${figure(result.collector.pauseMs / 1000, 2)} s in all ` +
      `(young generation ${figure(result.collector.youngGenerationMs / 1000, 2)} s), inside the figures below`,
  );
  const header = [options.by === 'kind' ? 'component kind' : 'component', 'events', 'wall ms', 'share of events %', 'µs per event'];
  const rows = summary.rows.map((r) => [r.component, int(r.events), int(r.wallMs), figure(r.sharePercent, 1), figure(r.microsecondsPerEvent, 2)]);
  if (summary.rest !== undefined) {
    const { rest } = summary;
    rows.push([`(${rest.components} more)`, int(rest.events), int(rest.wallMs), figure(summary.eventsWallMs > 0 ? (100 * rest.wallMs) / summary.eventsWallMs : 0, 1), figure((1000 * rest.wallMs) / rest.events, 2)]);
  }
  console.log(formatPaddedMarkdownTable(header, rows, (i) => (i === 0 ? 'left' : 'right')));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (printedHelp(argv, COMPONENTS_VALUED, COMPONENTS_USAGE)) return;
  const options = parseComponentsArgs(argv);
  if (typeof options === 'string') return refuse('bench:components', options, COMPONENTS_USAGE);
  await withExitCodes(async () => {
    const result = await profile(options);
    // Milliseconds to the microsecond: the clock's own digits past that are noise.
    const micro = (_key: string, v: unknown): unknown => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v);
    if (options.json) console.log(JSON.stringify({ scenario: result.label, simulatedSeconds: result.simulatedSeconds, by: options.by, stages: result.stages, collector: result.collector, ...result.summary }, micro, 2));
    else print(options, result);
  });
}

await main();
