/**
 * Messages between the sweep's main thread and its worker threads. `check` loads a setting without
 * running it (the up-front check); the worker keeps a few loaded scenarios to run later without
 * loading them again, and says whether it kept this one. `run` runs a setting. Every message carries
 * the base every setting shares (the scenario folder, seed and duration). A worker answers each with
 * `checked` or its row, or the error, telling bad input (a UserInputError's problems) from a failure.
 */
import type { InputProblem } from '../errors/user-input-error.js';
import type { SettingTask, SweepBase } from './run-setting.js';
import type { SweepRow } from './sweep-row.js';

export type ToWorker = { type: 'check' | 'run'; base: SweepBase; task: SettingTask };

export type FromWorker =
  | { type: 'checked'; index: number; kept: boolean }
  /** `runSeconds`: the run's wall time in the worker (for the printed timeline; never stored). */
  | { type: 'row'; row: SweepRow; runSeconds: number }
  | { type: 'input-error'; index: number; problems: InputProblem[] }
  /** `stack`: the error's and its causes' (`caused by: …`), as V8 wrote them; mapped to sources where printed. */
  | { type: 'failure'; index: number; message: string; stack?: string };
