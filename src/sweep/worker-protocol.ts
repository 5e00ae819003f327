/**
 * Messages between the sweep's main thread and its worker threads: one `run` per setting (with the
 * base every setting shares: the scenario folder, seed and duration); the worker answers each with
 * its row or the error, telling bad input (a UserInputError's problems) from a failure.
 */
import type { InputProblem } from '../errors/user-input-error.js';
import type { SettingTask, SweepBase } from './run-setting.js';
import type { SweepRow } from './sweep-row.js';

export type ToWorker = { type: 'run'; base: SweepBase; task: SettingTask };

export type FromWorker =
  | { type: 'row'; row: SweepRow }
  | { type: 'input-error'; index: number; problems: InputProblem[] }
  | { type: 'failure'; index: number; message: string; stack?: string };
