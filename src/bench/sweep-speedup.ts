/**
 * `npm run bench:sweep`: the speed-up of a 16-setting sweep (nasa-diurnal, a 4 × 4 grid of
 * hpa.targetCPU × hpa.maxReplicas) on every core against one worker, at each setting length of
 * `--days` (default 27,270: the bundled 27 days, each setting about 0.2 s once warm, and 270 days
 * of the trace looped, about 1.6 s). A sweep's start-up, planning, up-front check and each worker's
 * JIT warm-up are paid once per sweep whatever its settings' length, so the ratio grows with the
 * length; issue 7's 1.7× is read off at each. Each sweep runs as its own `scalesim sweep` process
 * (start-up, planning and the up-front checks included), one worker count after the other,
 * --repeats times; it prints the wall seconds of every run (with the host's 1-minute load average
 * before it: another busy process shows there), the best and mean of each worker count and their
 * ratios, where each worker count's time went (the sweep's own --json timeline: the phases, a
 * worker's first run and its later ones), and checks that the sweeps of one length wrote the same
 * bytes. For reference it also times the same 16 settings as two independent 8-setting sweeps (one
 * worker each) running at once in two processes: what the machine gives two separate runs, the
 * ceiling for the threaded sweep. Last, the host's own parallelism: an allocation-free loop and an
 * L3-bound random walk, each alone and once per core at the same time. The host may be shared:
 * compare figures measured together.
 *
 *   npm run bench:sweep                          27 and 270 days, two runs each (about 2.5 min)
 *   npm run bench:sweep -- --days 27             the short sweep alone (about 20 s)
 *   npm run bench:sweep -- --days 27,90,270      a length between them
 *   npm run bench:sweep -- --repeats 3 --cores 2
 *   npm run bench:sweep -- --help                the usage (sweep-speedup-options.ts)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SweepTimeline } from '../sweep/sweep-timeline.js';
import { printedHelp, refuse } from './bench-args.js';
import { parseSweepSpeedupOptions, SCENARIO_DAYS, SWEEP_SPEEDUP_USAGE, SWEEP_SPEEDUP_VALUED } from './sweep-speedup-options.js';
import { checkSweepTarget } from './targets.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
const SCENARIO = join(ROOT, 'scenarios', 'nasa-diurnal');
// --no-report: the sweeps are timed as before the sweep report existed (Chromium would add 1–2 s to each).
/** The grid's first axis; the two half sweeps split it between them. */
const CPU_AXIS = ['--grid', 'hpa.targetCPU=40,50,60,70'];
const REPLICAS_AXIS = ['--grid', 'hpa.maxReplicas=15,20,25,30'];

/** The sweep's flags for settings `days` long (past the scenario's 27 days, the trace loops), all but the cpu axis. */
function lengthFlags(days: number): string[] {
  const loop = days > SCENARIO_DAYS ? ['--grid', 'scenario:spec.traces.nasa.loop=true'] : [];
  return [...REPLICAS_AXIS, ...loop, '--duration', `${days}d`, '--no-report'];
}

const argv = process.argv.slice(2);
if (printedHelp(argv, SWEEP_SPEEDUP_VALUED, SWEEP_SPEEDUP_USAGE)) process.exit(0);
const options = parseSweepSpeedupOptions(argv, availableParallelism());
if (typeof options === 'string') {
  refuse('bench:sweep', options, SWEEP_SPEEDUP_USAGE);
  process.exit(2);
}
const { repeats, cores, days: lengths } = options;
const work = mkdtempSync(join(tmpdir(), 'scalesim-bench-sweep-'));

function sweep(days: number, workers: number, run: number): { seconds: number; cpuSeconds: number; timeline: SweepTimeline; csv: string } {
  const out = join(work, `d${days}-w${workers}-${run}`);
  const started = performance.now();
  const r = spawnSync(process.execPath, [MAIN, 'sweep', SCENARIO, ...CPU_AXIS, ...lengthFlags(days), '--workers', String(workers), '--out', out, '--fresh', '--json'], {
    encoding: 'utf8',
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`sweep with ${workers} worker(s) failed (exit ${r.status}):\n${r.stderr}`);
  const { cpuSeconds, timeline } = JSON.parse(r.stdout) as { cpuSeconds: number; timeline: SweepTimeline };
  return { seconds, cpuSeconds, timeline, csv: readFileSync(join(out, 'sweep.csv'), 'utf8') };
}

/** Two 8-setting halves of the grid as two processes at once, one worker each; resolves with the wall seconds until both end. */
function twoProcesses(days: number, run: number): Promise<number> {
  const half = (cpu: string, name: string) =>
    node(`half sweep ${name}`, [MAIN, 'sweep', SCENARIO, '--grid', `hpa.targetCPU=${cpu}`, ...lengthFlags(days), '--workers', '1', '--out', join(work, `d${days}-${name}-${run}`), '--fresh', '--json']);
  return timed(() => Promise.all([half('40,50', 'a'), half('60,70', 'b')]));
}

/** An allocation-free loop (no memory traffic, no collector): the cores alone. */
const SPIN = 'let x = 0; for (let i = 0; i < 1e9; i++) x = (x + i * 7) | 0; if (x === 1) console.log(x);';
/**
 * A random walk over 8 MiB (a shuffled cycle of 2^21 int32 links; the order is a fixed LCG, so
 * every run walks the same cycle): each step waits on a load that misses the core's own 1 MiB L2
 * and hits the shared L3. Alone it has the L3 to itself; two at once share it, as two sweep
 * workers' heaps do.
 */
const WALK = [
  'const n = 1 << 21, next = new Int32Array(n);',
  'for (let i = 0; i < n; i++) next[i] = i;',
  'let s = 12345;',
  'for (let i = n - 1; i > 0; i--) { s = (s * 1103515245 + 12345) & 0x7fffffff; const j = s % (i + 1); const t = next[i]; next[i] = next[j]; next[j] = t; }',
  'let p = 0; for (let i = 0; i < 5e7; i++) p = next[p]; if (p === -1) console.log(p);',
].join('\n');

/** Runs Node with `args` as its own process; resolves when it ends, rejects naming `name` when it fails. */
function node(name: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    spawn(process.execPath, args, { stdio: 'ignore' }).on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`${name} failed (exit ${c})`))));
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/** What one setting length gave: the best one-worker and all-core sweeps, and whether every run wrote the same sweep.csv. */
interface LengthResult {
  days: number;
  oneWorkerBestSeconds: number;
  allCoresBestSeconds: number;
  sameOutputs: boolean;
}

/** Times the 16-setting sweep of `days`-long settings on one worker and on every core, --repeats times, and prints its table. */
async function measureLength(days: number): Promise<LengthResult> {
  const counts = [1, cores];
  const times = new Map<number, number[]>(counts.map((c) => [c, []]));
  const cpuTotals = new Map<number, number[]>(counts.map((c) => [c, []]));
  const timelines = new Map<number, SweepTimeline[]>(counts.map((c) => [c, []]));
  const outputs = new Set<string>();
  const pair: number[] = [];
  const looped = days > SCENARIO_DAYS ? ', the trace looped' : '';
  console.log(`sweep of nasa-diurnal, ${days} days${looped}, 16 settings (4 × 4), ${cores} cores, ${repeats} runs each`);
  console.log('workers  run  wall s  CPU s  CPUs busy  load avg before');
  for (let run = 1; run <= repeats; run++) {
    for (const workers of counts) {
      const load = loadavg()[0]!;
      const { seconds, cpuSeconds, timeline, csv } = sweep(days, workers, run);
      timelines.get(workers)!.push(timeline);
      times.get(workers)!.push(seconds);
      cpuTotals.get(workers)!.push(cpuSeconds);
      outputs.add(csv);
      console.log(
        `${String(workers).padStart(7)}  ${String(run).padStart(3)}  ${seconds.toFixed(2).padStart(6)}  ${cpuSeconds.toFixed(2).padStart(5)}  ${(cpuSeconds / seconds).toFixed(2).padStart(9)}  ${load.toFixed(2).padStart(15)}`,
      );
    }
    const load = loadavg()[0]!;
    const seconds = await twoProcesses(days, run);
    pair.push(seconds);
    console.log(`${'2 × 8 *'.padStart(7)}  ${String(run).padStart(3)}  ${seconds.toFixed(2).padStart(6)}  ${''.padStart(5)}  ${''.padStart(9)}  ${load.toFixed(2).padStart(15)}`);
  }
  const best = (c: number) => Math.min(...times.get(c)!);
  const mean = (c: number) => avg(times.get(c)!);
  console.log(`best:  1 worker ${best(1).toFixed(2)} s, ${cores} workers ${best(cores).toFixed(2)} s, speed-up ${(best(1) / best(cores)).toFixed(2)}×`);
  console.log(`mean:  1 worker ${mean(1).toFixed(2)} s, ${cores} workers ${mean(cores).toFixed(2)} s, speed-up ${(mean(1) / mean(cores)).toFixed(2)}×`);
  console.log(`* two 8-setting sweeps in two processes at once (1 worker each): best ${Math.min(...pair).toFixed(2)} s, i.e. ${(best(1) / Math.min(...pair)).toFixed(2)}× the 1-worker sweep`);
  // Where each sweep's time went (its own --json timeline), averaged over the runs.
  for (const c of counts) {
    const ts = timelines.get(c)!;
    const phase = (f: (t: SweepTimeline) => number): string => avg(ts.map(f)).toFixed(2);
    const workersOf = ts.flatMap((t) => t.workers);
    const later = workersOf.flatMap((w) => (w.laterRunMedianSeconds === undefined ? [] : [w.laterRunMedianSeconds]));
    console.log(
      `${c} worker${c === 1 ? '' : 's'}: start-up ${phase((t) => t.startupSeconds)} s, planning ${phase((t) => t.planSeconds)} s, check ${phase((t) => t.checkSeconds)} s, ` +
        `runs ${phase((t) => t.runSeconds)} s; a worker's first run ${avg(workersOf.map((w) => w.firstRunSeconds)).toFixed(2)} s, its later runs ${later.length > 0 ? avg(later).toFixed(2) : '–'} s (median)`,
    );
  }
  const busy = (c: number) => avg(cpuTotals.get(c)!.map((cpu, i) => cpu / times.get(c)![i]!));
  const cpuRise = avg(cpuTotals.get(cores)!) / avg(cpuTotals.get(1)!) - 1;
  console.log(
    `CPU: the 1-worker sweep kept ${busy(1).toFixed(2)} CPUs busy on average (V8's collector and compiler threads), the ${cores}-worker sweep ${busy(cores).toFixed(2)}; with every core busy the sweep took ${(100 * cpuRise).toFixed(0)}% more CPU seconds in all`,
  );
  console.log(outputs.size === 1 ? 'sweep.csv identical for every run\n' : `sweep.csv DIFFERS between runs (${outputs.size} versions)\n`);
  return { days, oneWorkerBestSeconds: best(1), allCoresBestSeconds: best(cores), sameOutputs: outputs.size === 1 };
}

const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

try {
  const results: LengthResult[] = [];
  for (const days of lengths) results.push(await measureLength(days));
  for (const [name, code] of [['an allocation-free loop', SPIN], ['an 8 MiB random walk (L3-bound)', WALK]] as const) {
    const alone = await timed(() => node(name, ['-e', code]));
    const together = await timed(() => Promise.all(Array.from({ length: cores }, () => node(name, ['-e', code]))));
    console.log(`host: ${name} alone ${alone.toFixed(2)} s, ${cores} at once ${together.toFixed(2)} s, i.e. ${((cores * alone) / together).toFixed(2)}× the work per second`);
  }
  console.log("issue 7's target, at each setting length:");
  for (const r of results) {
    const target = checkSweepTarget(r.oneWorkerBestSeconds, r.allCoresBestSeconds, cores, r.days);
    console.log(`  ${target.target} ${target.bar}: ${target.measured}, ${target.verdict}`);
  }
  if (results.some((r) => !r.sameOutputs)) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
