/**
 * Turns failures into exit codes: bad input prints every problem (file:line:column: field: message)
 * and exits 2 with no stack trace; anything else is a run failure, exit 1, with its stack and its
 * causes' at their TypeScript positions when SCALESIM_DEBUG is set (errors/debug-stack.ts).
 */
import { isUserInputError } from '../errors/user-input-error.js';
import { debugStack, sourceMapMapper } from '../errors/debug-stack.js';

export async function withExitCodes(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (isUserInputError(error)) {
      const n = error.problems.length;
      process.stderr.write(`scalesim: ${n} problem${n === 1 ? '' : 's'} in the input:\n`);
      for (const line of error.message.split('\n')) process.stderr.write(`  ${line}\n`);
      process.exitCode = 2;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`scalesim: run failed: ${message}\n`);
    if (process.env.SCALESIM_DEBUG) process.stderr.write(`${debugStack(error, sourceMapMapper())}\n`);
    process.exitCode = 1;
  }
}
