/**
 * The scalesim command as a function: builds the program and parses argv. A reader that goes away
 * (`| head`) ends the output quietly, as Unix tools do, instead of an unhandled EPIPE. Called by
 * the bin (dist/cli/main.js), from the bundle once `npm run build` has made it.
 */
import { buildProgram } from './program.js';

export async function runCli(argv: readonly string[] = process.argv): Promise<void> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  await buildProgram().parseAsync([...argv]);
}
