/**
 * Turns failures into exit codes: bad input prints every problem (file:line:column: field: message)
 * and the warnings found beside them, and exits 2 with no stack trace; anything else is a run
 * failure, exit 1, with its stack and its causes' at their TypeScript positions when SCALESIM_DEBUG
 * is set (errors/debug-stack.ts). A command given `--json` also prints the failure as JSON on
 * standard output (`{"ok": false, …}`), as it prints its result there when it succeeds.
 */
import { formatProblem, isUserInputError, type InputProblem } from '../errors/user-input-error.js';
import { debugStack, sourceMapMapper } from '../errors/debug-stack.js';
import { plural } from '../units/plural.js';

export interface ExitCodeOptions {
  /** The command was given --json: failures are printed on standard output as JSON too. */
  json?: boolean | undefined;
}

export async function withExitCodes(action: () => Promise<void>, options: ExitCodeOptions = {}): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (isUserInputError(error)) {
      process.stderr.write(`scalesim: ${plural(error.problems.length, 'problem')} in the input:\n`);
      for (const line of error.message.split('\n')) process.stderr.write(`  ${line}\n`);
      printWarnings(error.warnings);
      if (options.json) process.stdout.write(`${JSON.stringify({ ok: false, exitCode: 2, problems: error.problems, warnings: error.warnings }, null, 2)}\n`);
      process.exitCode = 2;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`scalesim: run failed: ${message}\n`);
    if (process.env.SCALESIM_DEBUG) process.stderr.write(`${debugStack(error, sourceMapMapper())}\n`);
    if (options.json) process.stdout.write(`${JSON.stringify({ ok: false, exitCode: 1, error: message }, null, 2)}\n`);
    process.exitCode = 1;
  }
}

function printWarnings(warnings: readonly InputProblem[]): void {
  if (warnings.length === 0) return;
  process.stderr.write(`and ${plural(warnings.length, 'warning')}:\n`);
  for (const w of warnings) {
    for (const line of formatProblem(w).split('\n')) process.stderr.write(`  ${line}\n`);
  }
}
