/**
 * The worker threads of a sweep: one per requested core, started once — before the sweep is planned,
 * so importing the simulator in each worker overlaps the main thread's checks — and each fed the
 * next setting as soon as it posts a row, so a slow setting never holds up the others. Rows arrive
 * in completion order; the caller orders them. The first bad-input or failure reply stops the run
 * and rejects with the setting named. close() ends every worker.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserInputError } from '../errors/user-input-error.js';
import type { SettingTask, SweepBase } from './run-setting.js';
import { settingName } from './settings.js';
import type { SweepRow } from './sweep-row.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** The compiled worker script: beside this module in dist/, or dist/sweep/ when running from the TypeScript sources (tests). */
export function workerScript(): URL {
  const beside = new URL('./sweep-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const built = new URL('../../dist/sweep/sweep-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new Error('dist/sweep/sweep-worker.js is missing: run `npm run build`');
}

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private listener: ((worker: Worker, message: FromWorker) => void) | undefined;
  private failure: ((error: Error) => void) | undefined;
  private closed = false;

  /** Starts `count` workers (at least one) right away; they import the simulator while the caller goes on. */
  constructor(count: number) {
    const script = workerScript();
    for (let i = 0; i < Math.max(1, count); i++) {
      const worker = new Worker(script);
      worker.on('message', (message: FromWorker) => this.listener?.(worker, message));
      worker.on('error', (error) => this.failure?.(error));
      worker.on('exit', (code) => {
        if (!this.closed) this.failure?.(new Error(`a sweep worker stopped with exit code ${code} before the sweep ended`));
      });
      this.workers.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Runs `tasks` on the workers; resolves when every row has been passed to `onRow`. */
  run(base: SweepBase, tasks: readonly SettingTask[], onRow: (row: SweepRow) => void): Promise<void> {
    if (tasks.length === 0) return Promise.resolve();
    return new Promise<void>((resolveRun, rejectRun) => {
      let next = 0;
      let done = 0;
      let settled = false;
      const finish = (error?: Error): void => {
        if (settled) return;
        settled = true;
        this.listener = undefined;
        this.failure = undefined;
        if (error) rejectRun(error);
        else resolveRun();
      };
      const feed = (worker: Worker): void => {
        const task = tasks[next++];
        if (task !== undefined) worker.postMessage({ type: 'run', base, task } satisfies ToWorker);
      };
      const label = (index: number): string => {
        const task = tasks.find((t) => t.index === index);
        return task ? settingName(task) : `--grid setting #${index}`;
      };
      this.failure = (error) => finish(error);
      this.listener = (worker, message) => {
        if (message.type === 'row') {
          try {
            onRow(message.row);
          } catch (error) {
            finish(error as Error);
            return;
          }
          done++;
          if (done === tasks.length) finish();
          else feed(worker);
        } else if (message.type === 'input-error') {
          finish(new UserInputError(message.problems.map((p) => ({ ...p, message: `${label(message.index)}: ${p.message}` }))));
        } else {
          const error = new Error(`${label(message.index)}: ${message.message}`);
          if (message.stack) error.stack = message.stack;
          finish(error);
        }
      };
      for (const worker of this.workers) feed(worker);
    });
  }

  /** Ends every worker (a setting still running is abandoned). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
