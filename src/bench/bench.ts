/**
 * `npm run bench` (main.ts calls runBench): runs each case (src/bench/cases.ts) in its own Node
 * process and prints simulated seconds, wall seconds (the whole process; load; the run with its
 * outputs streamed to files in a temporary folder), speed-up over real time, events processed,
 * events/s and the process's peak RSS (and for a live-heap case, the heap still alive after full
 * collections by day 1 and at the end); plus the events/s of a bare event-queue loop as a baseline,
 * and issue 7's targets read off the rows (targets.ts). A benchmark, not a test: targets are
 * printed met or not, never asserted.
 *
 *   npm run bench                      every case
 *   npm run bench -- nasa-diurnal      the named cases
 *   npm run bench -- --json            the rows as JSON
 *   npm run bench -- --repeat 3        each case three times: the median run, and the spread
 *   npm run bench -- --help            the usage (bench-options.ts)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseOverrides } from '../compare/overrides.js';
import { EventQueue } from '../core/event-queue.js';
import { settleHeapForRun } from '../launch/run-heap.js';
import { runScenario } from '../engine/run-scenario.js';
import { ResultsFolder } from '../report/results-folder.js';
import { formatPaddedMarkdownTable } from '../report/markdown/markdown-table.js';
import { loadScenario } from '../scenario/load-scenario.js';
import { DAY_SECONDS, findBenchCase, type BenchCase } from './cases.js';
import { figure } from './figures.js';
import { printedHelp, refuse } from './bench-args.js';
import { BENCH_USAGE, BENCH_VALUED, parseBenchOptions } from './bench-options.js';
import { medianBy } from './repeat.js';
import { checkTargets } from './targets.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The bench's own entry, run once per case with --one (import.meta.url is the bundle's once built). */
const BENCH_ENTRY = join(root, 'dist', 'bench', 'main.js');

interface BenchRow {
  case: string;
  simulatedSeconds: number;
  processWallSeconds: number;
  loadWallSeconds: number;
  /** Simulation with its outputs (CSV files streamed to disk, summary). */
  runWallSeconds: number;
  /** Simulated seconds per wall second of the whole process. */
  speedUp: number;
  events: number;
  eventsPerSecond: number;
  peakRssMiB: number;
  /**
   * Peak RSS once the first simulated day is done, in the same process (runs longer than a day):
   * what the run grew by afterwards is what its length cost in memory.
   */
  firstDayPeakRssMiB: number | undefined;
  /** Live heap (after two full collections) once the first day is done and at the end; live-heap cases only. */
  firstDayLiveHeapMiB: number | undefined;
  endLiveHeapMiB: number | undefined;
  outputMiB: number;
  /** With --repeat: how many runs, and the range of their process wall seconds (this row is the median one). */
  runs?: number;
  processWallMinSeconds?: number;
  processWallMaxSeconds?: number;
}

/** Heap still in use after two full collections, MiB; the process runs with --expose-gc (live-heap cases). */
function liveHeapMiB(): number {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('a live-heap bench case needs node --expose-gc');
  collect();
  collect();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function benchCase(c: BenchCase): Promise<Omit<BenchRow, 'processWallSeconds' | 'speedUp'>> {
  const t0 = performance.now();
  const scenario = await loadScenario(join(root, 'scenarios', c.scenario), {
    ...(c.durationSeconds !== undefined ? { durationSeconds: c.durationSeconds } : {}),
    ...(c.decisions !== undefined ? { decisions: c.decisions } : {}),
    patches: c.overrides !== undefined ? parseOverrides(c.overrides, c.name) : [],
  });
  const t1 = performance.now();
  // As `scalesim run` does once the scenario is loaded (src/launch/run-heap.ts).
  settleHeapForRun();
  const scratch = mkdtempSync(join(tmpdir(), 'scalesim-bench-'));
  try {
    const folder = new ResultsFolder(join(scratch, 'results'));
    let firstDayPeakRssMiB: number | undefined;
    let firstDayLiveHeapMiB: number | undefined;
    const long = scenario.durationSeconds > DAY_SECONDS;
    const result = runScenario(scenario, {
      tables: (name, header) => folder.table(name, header),
      ...(long
        ? {
            progressChunkSeconds: DAY_SECONDS,
            onProgress: (t: number) => {
              if (t !== DAY_SECONDS) return;
              firstDayPeakRssMiB = process.resourceUsage().maxRSS / 1024;
              if (c.liveHeap === true) firstDayLiveHeapMiB = liveHeapMiB();
            },
          }
        : {}),
    });
    folder.writeText('summary.json', `${JSON.stringify(result.summary, null, 2)}\n`);
    folder.commit();
    const t2 = performance.now();
    const endLiveHeapMiB = c.liveHeap === true ? liveHeapMiB() : undefined;
    const events = result.built.sim.eventsProcessed;
    const du = spawnSync('du', ['-sk', join(scratch, 'results')], { encoding: 'utf8' });
    return {
      case: c.name,
      simulatedSeconds: scenario.durationSeconds,
      loadWallSeconds: (t1 - t0) / 1000,
      runWallSeconds: (t2 - t1) / 1000,
      events,
      eventsPerSecond: events / ((t2 - t1) / 1000),
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      firstDayPeakRssMiB,
      firstDayLiveHeapMiB,
      endLiveHeapMiB,
      outputMiB: Number(du.stdout.split('\t')[0]) / 1024,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Events/s of a bare heap loop with the same (time, phase, sequence) keys: the engine's floor. */
function baselineEventsPerSecond(count: number): number {
  const queue = new EventQueue();
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < 64; i++) queue.push(i, i % 7, () => sink++);
  for (let i = 0; i < count; i++) {
    const e = queue.pop()!;
    e.run();
    queue.push(e.timeSeconds + 1 + (i % 13), i % 7, e.run);
  }
  const seconds = (performance.now() - t0) / 1000;
  if (sink !== count) throw new Error('baseline loop lost events');
  return count / seconds;
}

/** A figure only some cases measure: empty when this one did not. */
function fmtIfMeasured(v: number | undefined, digits: number): string {
  return v === undefined ? '' : figure(v, digits);
}

/** Runs one case in a fresh process; the parent times the whole process. */
function benchInChild(name: string): BenchRow {
  const flags = findBenchCase(name)?.liveHeap === true ? ['--expose-gc'] : [];
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [...flags, BENCH_ENTRY, '--one', name], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const processWallSeconds = (performance.now() - t0) / 1000;
  if (child.status !== 0) throw new Error(`bench of ${name} failed: ${child.stderr}`);
  const row = JSON.parse(child.stdout) as BenchRow;
  return { ...row, processWallSeconds, speedUp: row.simulatedSeconds / processWallSeconds };
}

function printTable(rows: BenchRow[], baseline: number, repeat: number): void {
  const spread = repeat > 1 ? [`process wall s min–max (${repeat} runs)`] : [];
  const header = ['case', 'simulated s', 'process wall s', ...spread, 'load s', 'run s', 'speed-up ×', 'events', 'events/s', 'engine/baseline', 'peak RSS MiB', 'peak RSS by day 1 MiB', 'live heap by day 1 MiB', 'live heap at end MiB', 'output MiB'];
  const table = rows.map((r) => [
    r.case,
    figure(r.simulatedSeconds, 0),
    figure(r.processWallSeconds, 3),
    ...(repeat > 1 ? [`${figure(r.processWallMinSeconds ?? r.processWallSeconds, 3)}–${figure(r.processWallMaxSeconds ?? r.processWallSeconds, 3)}`] : []),
    figure(r.loadWallSeconds, 3),
    figure(r.runWallSeconds, 3),
    figure(r.speedUp, 0),
    figure(r.events, 0),
    figure(r.eventsPerSecond, 0),
    figure(r.eventsPerSecond / baseline, 3),
    figure(r.peakRssMiB, 0),
    fmtIfMeasured(r.firstDayPeakRssMiB, 0),
    fmtIfMeasured(r.firstDayLiveHeapMiB, 1),
    fmtIfMeasured(r.endLiveHeapMiB, 1),
    figure(r.outputMiB, 1),
  ]);
  const bare = ['(bare event-queue loop)', '', '', ...spread.map(() => ''), '', '', '', figure(2_000_000, 0), figure(baseline, 0), '1.000'];
  table.push([...bare, ...header.slice(bare.length).map(() => '')]);
  console.log(formatPaddedMarkdownTable(header, table, (i) => (i === 0 ? 'left' : 'right')));
  console.log(`node ${process.version}, ${process.platform}/${process.arch}; run s includes writing timeseries.csv, decisions.csv, cost.csv and summary.json`);
  console.log('');
  console.log("issue 7's targets, read off the rows above (the sweep's 1.7× is npm run bench:sweep's):");
  const targets = checkTargets(rows).map((t) => [t.target, t.bar, t.measured, t.verdict]);
  console.log(formatPaddedMarkdownTable(['target', 'bar', 'measured', 'verdict'], targets, () => 'left'));
}

export async function runBench(argv: readonly string[] = process.argv): Promise<void> {
  const args = argv.slice(2);
  if (args[0] === '--one') {
    // Internal: the parent runs each case in a child with `--one CASE`. An unknown case throws (a
    // programming error, not a user's): test/errors/debug-stack.test.ts uses it as a failure inside
    // the built bundle.
    const c = findBenchCase(args[1] ?? '');
    if (c === undefined) throw new Error(`unknown bench case ${args[1]}`);
    process.stdout.write(JSON.stringify(await benchCase(c)));
    return;
  }
  if (printedHelp(args, BENCH_VALUED, BENCH_USAGE)) return;
  const options = parseBenchOptions(args);
  if (typeof options === 'string') return refuse('bench', options, BENCH_USAGE);
  const { cases, repeat, json } = options;
  const rows: BenchRow[] = [];
  for (const name of cases) {
    const runs: BenchRow[] = [];
    for (let i = 0; i < repeat; i++) {
      if (!json) process.stderr.write(`bench ${name}${repeat > 1 ? ` (${i + 1}/${repeat})` : ''}…\n`);
      runs.push(benchInChild(name));
    }
    if (repeat === 1) rows.push(runs[0]!);
    else {
      const pick = medianBy(runs, (r) => r.processWallSeconds);
      rows.push({ ...pick.median, runs: pick.runs, processWallMinSeconds: pick.minKey, processWallMaxSeconds: pick.maxKey });
    }
  }
  const baseline = baselineEventsPerSecond(2_000_000);
  if (json) console.log(JSON.stringify({ rows, baselineEventsPerSecond: baseline, targets: checkTargets(rows), node: process.version }, null, 2));
  else printTable(rows, baseline, repeat);
}
