#!/usr/bin/env node
/**
 * The scalesim command: builds the program and parses argv. A reader that goes away (`| head`)
 * ends the output quietly, as Unix tools do, instead of an unhandled EPIPE.
 */
import { buildProgram } from './program.js';

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

await buildProgram().parseAsync(process.argv);
