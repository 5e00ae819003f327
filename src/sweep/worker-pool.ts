/**
 * The worker threads of a sweep: one per requested core, started once — before the sweep is planned,
 * so importing the simulator in each worker overlaps the main thread's planning — and each fed the
 * next setting as soon as it answers, so a slow setting never holds up the others.
 *   check(): loads settings on the workers (the up-front check, in parallel); every problem is
 *            collected and reported together. A worker keeps a few of the scenarios it loaded, and
 *            run() gives those settings to that worker first, so they are not loaded twice.
 *   run():   runs settings; rows arrive in completion order (the caller orders them). The first
 *            bad-input or failure answer stops the run and rejects with the setting named.
 * close() ends every worker.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SettingTask, SweepBase } from './run-setting.js';
import type { SettingRunTiming } from './sweep-timeline.js';
import { SettingProblems } from './setting-problems.js';
import { settingName } from './settings.js';
import type { SweepRow } from './sweep-row.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/**
 * The compiled worker script: beside this module in dist/sweep/, or dist/sweep/ seen from two
 * folders down when running from the bundle (dist/bundle/) or the TypeScript sources (tests).
 */
export function workerScript(): URL {
  const beside = new URL('./sweep-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const built = new URL('../../dist/sweep/sweep-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new Error('dist/sweep/sweep-worker.js is missing: run `npm run build`');
}

/** One round of messages (a check or a run): what each worker does next and what it answers. */
interface Round {
  answer(worker: Worker, message: FromWorker): void;
  fail(error: Error): void;
}

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private round: Round | undefined;
  /** Which worker keeps the loaded scenario of a setting (from check()). */
  private readonly keeper = new Map<number, Worker>();
  private closed = false;

  /** Starts `count` workers (at least one) right away; they import the simulator while the caller goes on. */
  constructor(count: number) {
    const script = workerScript();
    for (let i = 0; i < Math.max(1, count); i++) {
      const worker = new Worker(script);
      worker.on('message', (message: FromWorker) => this.round?.answer(worker, message));
      worker.on('error', (error) => this.round?.fail(error));
      worker.on('exit', (code) => {
        if (!this.closed) this.round?.fail(new Error(`a sweep worker stopped with exit code ${code} before the sweep ended`));
      });
      this.workers.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Sends a `type` message per task, `next` choosing each worker's next one, until every task is
   * answered; `answer` handles an answer and says whether it counts (false: it called finish).
   */
  private dispatch(type: ToWorker['type'], base: SweepBase, total: number, next: (worker: Worker) => SettingTask | undefined, answer: (worker: Worker, message: FromWorker, finish: (error?: Error) => void) => boolean): Promise<void> {
    if (total === 0) return Promise.resolve();
    return new Promise<void>((resolveRound, rejectRound) => {
      let answered = 0;
      const finish = (error?: Error): void => {
        if (this.round === undefined) return;
        this.round = undefined;
        if (error) rejectRound(error);
        else resolveRound();
      };
      const feed = (worker: Worker): void => {
        const task = next(worker);
        if (task !== undefined) worker.postMessage({ type, base, task } satisfies ToWorker);
      };
      this.round = {
        fail: (error) => finish(error),
        answer: (worker, message) => {
          if (!answer(worker, message, finish) || this.round === undefined) return;
          answered++;
          if (answered === total) finish();
          else feed(worker);
        },
      };
      for (const worker of this.workers) feed(worker);
    });
  }

  /** Loads every task's setting on the workers; rejects with every problem found (UserInputError) or the first failure. */
  async check(base: SweepBase, tasks: readonly SettingTask[]): Promise<void> {
    const queue = [...tasks];
    const byIndex = new Map(tasks.map((t) => [t.index, t]));
    const problems = new SettingProblems();
    await this.dispatch('check', base, tasks.length, () => queue.shift(), (worker, message, finish) => {
      if (message.type === 'checked') {
        if (message.kept) this.keeper.set(message.index, worker);
      } else if (message.type === 'input-error') {
        problems.add(byIndex.get(message.index) ?? { index: message.index, label: '?' }, message.problems);
      } else if (message.type === 'failure') {
        finish(failure(byIndex.get(message.index), message));
        return false;
      } else return false;
      return true;
    });
    const error = problems.error();
    if (error) throw error;
  }

  /** Runs `tasks` on the workers; resolves when every row has been passed to `onRow` (with which worker ran it, and how long it took). */
  run(base: SweepBase, tasks: readonly SettingTask[], onRow: (row: SweepRow, timing: SettingRunTiming) => void): Promise<void> {
    // Settings whose scenario a worker kept go to that worker first; the rest to whoever is free.
    const own = new Map<Worker, SettingTask[]>(this.workers.map((w) => [w, []]));
    const shared: SettingTask[] = [];
    for (const t of tasks) {
      const keeper = this.keeper.get(t.index);
      if (keeper) own.get(keeper)!.push(t);
      else shared.push(t);
    }
    const byIndex = new Map(tasks.map((t) => [t.index, t]));
    const next = (worker: Worker): SettingTask | undefined => {
      const mine = own.get(worker)!;
      if (mine.length > 0) return mine.shift();
      if (shared.length > 0) return shared.shift();
      // Nothing left but another worker's kept settings: take one (it is loaded again here).
      const busiest = [...own.values()].sort((a, b) => b.length - a.length)[0];
      return busiest && busiest.length > 1 ? busiest.pop() : undefined;
    };
    return this.dispatch('run', base, tasks.length, next, (worker, message, finish) => {
      if (message.type === 'row') {
        try {
          onRow(message.row, { worker: this.workers.indexOf(worker), runSeconds: message.runSeconds });
        } catch (error) {
          finish(error as Error);
          return false;
        }
        return true;
      }
      if (message.type === 'input-error') {
        const problems = new SettingProblems();
        problems.add(byIndex.get(message.index) ?? { index: message.index, label: '?' }, message.problems);
        finish(problems.error());
      } else if (message.type === 'failure') finish(failure(byIndex.get(message.index), message));
      return false;
    });
  }

  /** Ends every worker (a setting still running is abandoned). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function failure(task: SettingTask | undefined, message: { index: number; message: string; stack?: string }): Error {
  const error = new Error(`${task ? settingName(task) : `--grid setting #${message.index}`}: ${message.message}`);
  if (message.stack) error.stack = message.stack;
  return error;
}
