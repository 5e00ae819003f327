/**
 * The `<scenario-dir>` argument of run, compare, sweep and validate: a scenario folder, or its
 * scenario.yaml given by mistake (tab completion lands there), which stands for the folder holding
 * it. Anything else is passed on as given; the loader reports what is wrong with it.
 */
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';

const SCENARIO_FILES = new Set(['scenario.yaml', 'scenario.yml']);

export function scenarioDirArg(arg: string): string {
  if (!SCENARIO_FILES.has(basename(arg))) return arg;
  try {
    return statSync(arg).isFile() ? dirname(arg) : arg;
  } catch {
    return arg;
  }
}
