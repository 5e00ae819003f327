#!/usr/bin/env node
/**
 * The scalesim command (package.json's bin). `npm run build` replaces the compiled file with one
 * that runs the same runCli from the bundle with its code cache (src/build/bundle.ts).
 */
import { runCli } from './run-cli.js';

await runCli();
