#!/usr/bin/env node
/** The scalesim command: builds the program and parses argv, nothing else. */
import { buildProgram } from './program.js';

await buildProgram().parseAsync(process.argv);
