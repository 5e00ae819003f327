/**
 * ProblemSink: collects every error and warning found while loading a scenario, so the loader can
 * report them all in one UserInputError instead of stopping at the first.
 */
import { UserInputError, type InputProblem } from '../errors/user-input-error.js';
import type { Warning } from './types.js';

export class ProblemSink {
  readonly problems: InputProblem[] = [];
  readonly warnings: Warning[] = [];

  error(problem: InputProblem): void {
    this.problems.push(problem);
  }

  errors(problems: readonly InputProblem[]): void {
    for (const p of problems) this.problems.push(p);
  }

  warn(warning: Warning): void {
    this.warnings.push(warning);
  }

  get hasErrors(): boolean {
    return this.problems.length > 0;
  }

  /** Throws one UserInputError carrying every problem so far, and the warnings; returns when there is none. */
  throwIfAny(): void {
    if (this.hasErrors) throw new UserInputError(this.problems, this.warnings);
  }
}
