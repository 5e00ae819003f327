/**
 * Where a sweep's wall time went: the phases (the process and command start-up, planning, the
 * up-front check, the runs, writing the outputs) and, per worker, how many settings it ran, how long
 * it was busy, its first run (which includes warming up the JIT-compiled simulator in that worker's
 * own isolate) and the median of its later runs. Wall-clock figures for the user and for
 * `npm run bench:sweep`, printed by `scalesim sweep` and in its --json: they never reach sweep.csv,
 * the journal or a shard's part, which stay byte-identical from run to run.
 */
import { median } from 'd3-array';

/** Milliseconds since the process started (performance.now()) at each point of the sweep. */
export interface SweepMarks {
  /** The sweep command starts (the CLI is loaded and its arguments parsed). */
  commandMs: number;
  plannedMs: number;
  checkedMs: number;
  /** The last setting's row arrived. */
  ranMs: number;
  writtenMs: number;
}

/** One setting run by a worker: which worker (0-based), and its wall seconds there. */
export interface SettingRunTiming {
  worker: number;
  runSeconds: number;
}

export interface WorkerTimeline {
  worker: number;
  settings: number;
  busySeconds: number;
  firstRunSeconds: number;
  /** Median of its runs after the first; undefined with one run. */
  laterRunMedianSeconds: number | undefined;
}

export interface SweepTimeline {
  startupSeconds: number;
  planSeconds: number;
  checkSeconds: number;
  runSeconds: number;
  writeSeconds: number;
  /** Workers that ran at least one setting, by number. */
  workers: WorkerTimeline[];
}

const seconds = (ms: number): number => ms / 1000;

/** The phases from the marks, and each worker's figures from its runs (in the order they finished). */
export function sweepTimeline(marks: SweepMarks, runs: readonly SettingRunTiming[]): SweepTimeline {
  const byWorker = new Map<number, number[]>();
  for (const r of runs) {
    const list = byWorker.get(r.worker) ?? [];
    list.push(r.runSeconds);
    byWorker.set(r.worker, list);
  }
  const workers = [...byWorker]
    .sort((a, b) => a[0] - b[0])
    .map(([worker, times]) => ({
      worker,
      settings: times.length,
      busySeconds: times.reduce((n, t) => n + t, 0),
      firstRunSeconds: times[0]!,
      laterRunMedianSeconds: median(times.slice(1)),
    }));
  return {
    startupSeconds: seconds(marks.commandMs),
    planSeconds: seconds(marks.plannedMs - marks.commandMs),
    checkSeconds: seconds(marks.checkedMs - marks.plannedMs),
    runSeconds: seconds(marks.ranMs - marks.checkedMs),
    writeSeconds: seconds(marks.writtenMs - marks.ranMs),
    workers,
  };
}

const s2 = (v: number): string => `${v.toFixed(2)} s`;

/** One line for the sweep's printed summary. */
export function formatTimeline(t: SweepTimeline): string {
  const phases = `start-up ${s2(t.startupSeconds)}, planning ${s2(t.planSeconds)}, check ${s2(t.checkSeconds)}, runs ${s2(t.runSeconds)}, writing ${s2(t.writeSeconds)}`;
  const workers = t.workers.map((w) => {
    const later = w.laterRunMedianSeconds === undefined ? '' : `, later runs ${s2(w.laterRunMedianSeconds)} (median)`;
    return `worker ${w.worker + 1}: ${w.settings} setting${w.settings === 1 ? '' : 's'} in ${s2(w.busySeconds)}, first run ${s2(w.firstRunSeconds)}${later}`;
  });
  return [`  time: ${phases}`, ...workers.map((w) => `  ${w}`)].join('\n');
}

const ms = (v: number): number => Math.round(v * 1000) / 1000;

/** The timeline with every figure to the millisecond, for --json. */
export function roundTimeline(t: SweepTimeline): SweepTimeline {
  return {
    startupSeconds: ms(t.startupSeconds),
    planSeconds: ms(t.planSeconds),
    checkSeconds: ms(t.checkSeconds),
    runSeconds: ms(t.runSeconds),
    writeSeconds: ms(t.writeSeconds),
    workers: t.workers.map((w) => ({
      worker: w.worker,
      settings: w.settings,
      busySeconds: ms(w.busySeconds),
      firstRunSeconds: ms(w.firstRunSeconds),
      laterRunMedianSeconds: w.laterRunMedianSeconds === undefined ? undefined : ms(w.laterRunMedianSeconds),
    })),
  };
}
