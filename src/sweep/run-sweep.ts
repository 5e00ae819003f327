/**
 * Runs the planned settings of a sweep (all of them, or one shard's) on worker threads, resuming
 * from the journal: settings it already holds are skipped, each new row is journaled as it arrives.
 * Returns the rows in index order; the caller writes the outputs and then removes the journal.
 */
import { SweepJournal, type JournalStart } from './journal.js';
import { settingTask, type SweepPlan } from './plan-sweep.js';
import type { SweepProgress } from './sweep-progress.js';
import type { SweepRow } from './sweep-row.js';
import type { SettingRunTiming } from './sweep-timeline.js';
import type { WorkerPool } from './worker-pool.js';

export interface RunSweepOptions {
  outDir: string;
  /** Started by the caller (before planning, so the workers' start-up overlaps it); not closed here. */
  pool: WorkerPool;
  /** Discard the journal instead of resuming from it. */
  fresh: boolean;
  /** The setting indexes to run (a shard's); all when absent. */
  indexes?: readonly number[];
  progress: SweepProgress;
  /** Told how the journal was found, before anything runs. */
  onJournal?: (start: JournalStart, journal: SweepJournal, toRun: number) => void;
  /** Told of each row once it is journaled. */
  onRow?: (row: SweepRow) => void;
}

export interface SweepRunResult {
  rows: SweepRow[];
  resumed: number;
  ran: number;
  journal: SweepJournal;
  /** The settings run now (not resumed), in the order they finished: which worker, how long. */
  timings: SettingRunTiming[];
}

export async function runSweep(plan: SweepPlan, options: RunSweepOptions): Promise<SweepRunResult> {
  const wanted = options.indexes ? new Set(options.indexes) : undefined;
  const selected = wanted ? plan.settings.filter((s) => wanted.has(s.index)) : plan.settings;
  const journal = SweepJournal.open(options.outDir, { fingerprint: plan.identity.fingerprint, rowsFingerprint: plan.rowsFingerprint }, selected, options.fresh);
  const rows = new Map<number, SweepRow>();
  if (journal.start.kind === 'resumed') for (const r of journal.start.rows) rows.set(r.index, r);
  const todo = selected.filter((s) => !rows.has(s.index));
  const resumed = rows.size;
  options.onJournal?.(journal.start, journal, todo.length);
  options.progress.start(selected.length, resumed);
  const timings: SettingRunTiming[] = [];
  try {
    await options.pool.run(plan.base, todo.map(settingTask), (row, timing) => {
      timings.push(timing);
      journal.append(row);
      rows.set(row.index, row);
      options.onRow?.(row);
      options.progress.tick();
    });
  } catch (error) {
    journal.close();
    throw error;
  } finally {
    options.progress.stop();
  }
  return { rows: [...rows.values()].sort((a, b) => a.index - b.index), resumed, ran: todo.length, journal, timings };
}
