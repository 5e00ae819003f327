/**
 * Problems found while checking or running settings, each naming the first setting that shows it:
 * a bad value shared by several settings is reported once (same file, position, field and message).
 */
import { UserInputError, type InputProblem } from '../errors/user-input-error.js';
import { settingName, type Setting } from './settings.js';

export class SettingProblems {
  private readonly problems = new Map<string, InputProblem>();

  add(setting: Pick<Setting, 'index' | 'label'>, problems: readonly InputProblem[]): void {
    for (const p of problems) {
      const key = JSON.stringify([p.file, p.line, p.column, p.field, p.message]);
      if (!this.problems.has(key)) this.problems.set(key, { ...p, message: `${settingName(setting)}: ${p.message}` });
    }
  }

  /** All of them as one UserInputError, or undefined when there is none. */
  error(): UserInputError | undefined {
    return this.problems.size > 0 ? new UserInputError([...this.problems.values()]) : undefined;
  }
}
