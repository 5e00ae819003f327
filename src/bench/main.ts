/**
 * `npm run bench`: runs each bundled scenario in its own Node process and prints simulated seconds,
 * wall seconds (the whole process; load + run; the run alone), speed-up over real time, events
 * processed, events/s and the process's peak RSS; plus the events/s of a bare event-queue loop as a
 * baseline. A benchmark, not a test: targets are read off the table, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { EventQueue } from '../core/event-queue.js';
import { runScenario } from '../engine/run-scenario.js';
import { DiscardTableSink } from '../report/table-sink.js';
import { loadScenario } from '../scenario/load-scenario.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface BenchRow {
  scenario: string;
  simulatedSeconds: number;
  processWallSeconds: number;
  wallSeconds: number;
  simulationWallSeconds: number;
  /** Simulated seconds per wall second of the whole process. */
  speedUp: number;
  events: number;
  eventsPerSecond: number;
  peakRssMiB: number;
}

async function benchScenario(name: string): Promise<BenchRow> {
  const t0 = performance.now();
  const scenario = await loadScenario(join(root, 'scenarios', name));
  const t1 = performance.now();
  // Tables are formatted as for a file but not kept: the simulation plus the cost of its output.
  const result = runScenario(scenario, { tables: (_name, header) => new DiscardTableSink(header) });
  JSON.stringify(result.summary);
  const t2 = performance.now();
  const wall = (t2 - t0) / 1000;
  const events = result.built.sim.eventsProcessed;
  return {
    scenario: name,
    simulatedSeconds: scenario.durationSeconds,
    processWallSeconds: NaN,
    wallSeconds: wall,
    simulationWallSeconds: (t2 - t1) / 1000,
    speedUp: NaN,
    events,
    eventsPerSecond: events / ((t2 - t1) / 1000),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
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

function fmt(v: number, digits: number): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Runs one scenario in a fresh process; the parent times the whole process. */
function benchInChild(name: string): BenchRow {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--one', name], { encoding: 'utf8' });
  const processWallSeconds = (performance.now() - t0) / 1000;
  if (child.status !== 0) throw new Error(`bench of ${name} failed: ${child.stderr}`);
  const row = JSON.parse(child.stdout) as BenchRow;
  return { ...row, processWallSeconds, speedUp: row.simulatedSeconds / processWallSeconds };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--one') {
    process.stdout.write(JSON.stringify(await benchScenario(args[1]!)));
    return;
  }
  const names = args.length > 0 ? args : ['nasa-diurnal', 'nginx-hpa-cpu', 'kafka-lag', 'mysql-statefulset', 'scale-to-zero'];
  const rows = names.map(benchInChild);
  const baseline = baselineEventsPerSecond(2_000_000);
  const header = ['scenario', 'simulated s', 'process wall s', 'load+run wall s', 'run wall s', 'speed-up ×', 'events', 'events/s', 'engine/baseline', 'peak RSS MiB'];
  const table = rows.map((r) => [
    r.scenario,
    fmt(r.simulatedSeconds, 0),
    fmt(r.processWallSeconds, 3),
    fmt(r.wallSeconds, 3),
    fmt(r.simulationWallSeconds, 3),
    fmt(r.speedUp, 0),
    fmt(r.events, 0),
    fmt(r.eventsPerSecond, 0),
    fmt(r.eventsPerSecond / baseline, 3),
    fmt(r.peakRssMiB, 0),
  ]);
  table.push(['(bare event-queue loop)', '', '', '', '', '', fmt(2_000_000, 0), fmt(baseline, 0), '1.000', '']);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const t of table) console.log(line(t));
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
}

await main();
