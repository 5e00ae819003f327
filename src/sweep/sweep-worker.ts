/**
 * The worker thread of a sweep (compiled to dist/sweep/sweep-worker.js): imports the simulator once,
 * then runs the settings the main thread sends, one at a time, posting back one row each. It keeps
 * nothing between settings, so a row depends on its setting alone, whichever worker runs it.
 */
import { parentPort } from 'node:worker_threads';
import { isUserInputError } from '../errors/user-input-error.js';
import { runSetting } from './run-setting.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

const port = parentPort;
if (port === null) throw new Error('sweep-worker.js runs as a worker thread of scalesim sweep');

port.on('message', (message: ToWorker) => {
  const { base, task } = message;
  runSetting(base, task).then(
    (row) => port.postMessage({ type: 'row', row } satisfies FromWorker),
    (error: unknown) => {
      const reply: FromWorker = isUserInputError(error)
        ? { type: 'input-error', index: task.index, problems: error.problems }
        : { type: 'failure', index: task.index, message: error instanceof Error ? error.message : String(error), ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) };
      port.postMessage(reply);
    },
  );
});
