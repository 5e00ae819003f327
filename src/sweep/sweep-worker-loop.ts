/**
 * The worker thread of a sweep (started on dist/sweep/sweep-worker.js, which calls
 * serveSweepWorker): imports the simulator once, then handles what the main thread sends, one
 * message at a time: `check` loads a setting (keeping up to KEPT_SCENARIOS of them for their
 * runs), `run` runs one and posts back its row. A loaded scenario is used for one run only, so a
 * row depends on its setting alone, whichever worker runs it.
 */
import { parentPort } from 'node:worker_threads';
import { debugStack, unmapped } from '../errors/debug-stack.js';
import { isUserInputError } from '../errors/user-input-error.js';
import { enableYamlParseCache } from '../scenario/yaml/yaml-file.js';
import type { Scenario } from '../scenario/types.js';
import { loadSetting, runSetting } from './run-setting.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** Loaded scenarios a worker keeps from the check for their runs (a long axis would otherwise hold many traces in memory). */
const KEPT_SCENARIOS = 4;

const kept = new Map<number, Scenario>();

function errorReply(index: number, error: unknown): FromWorker {
  if (isUserInputError(error)) return { type: 'input-error', index, problems: error.problems };
  return { type: 'failure', index, message: error instanceof Error ? error.message : String(error), ...(error instanceof Error ? { stack: debugStack(error, unmapped) } : {}) };
}

/** Answers the main thread's messages until the worker is ended. */
export function serveSweepWorker(): void {
  // Every setting loads the same files: parse them once per worker.
  enableYamlParseCache();
  const port = parentPort;
  if (port === null) throw new Error('sweep-worker.js runs as a worker thread of scalesim sweep');
  port.on('message', (message: ToWorker) => {
    const { base, task } = message;
    if (message.type === 'check') {
      loadSetting(base, task).then(
        (scenario) => {
          const keep = kept.size < KEPT_SCENARIOS;
          if (keep) kept.set(task.index, scenario);
          port.postMessage({ type: 'checked', index: task.index, kept: keep } satisfies FromWorker);
        },
        (error: unknown) => port.postMessage(errorReply(task.index, error)),
      );
      return;
    }
    const loaded = kept.get(task.index);
    kept.delete(task.index);
    const startedMs = performance.now();
    runSetting(base, task, loaded).then(
      (row) => port.postMessage({ type: 'row', row, runSeconds: (performance.now() - startedMs) / 1000 } satisfies FromWorker),
      (error: unknown) => port.postMessage(errorReply(task.index, error)),
    );
  });
}
