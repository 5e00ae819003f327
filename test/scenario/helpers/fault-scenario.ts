/** The base scenario (helpers/base-scenario.ts) with spec.faults items, loaded or rejected. */
import path from 'node:path';
import { isUserInputError, type InputProblem } from '../../../src/errors/user-input-error.js';
import { loadScenario, type ScenarioOverrides } from '../../../src/scenario/load-scenario.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { BASE_SCENARIO, baseFiles } from './base-scenario.js';
import { removeFolder, writeScenarioFolder, type FolderFiles } from './scenario-folder.js';

/** scenario.yaml of the base scenario with `faults:` items appended (one YAML flow mapping each). */
export function withFaults(...items: string[]): string {
  return `${BASE_SCENARIO}  faults:\n${items.map((i) => `    - ${i}\n`).join('')}`;
}

export async function loadWithFaults(items: string[], files: FolderFiles = {}, overrides: ScenarioOverrides = {}): Promise<Scenario> {
  const dir = await writeScenarioFolder({ ...baseFiles(), 'scenario.yaml': withFaults(...items), ...files });
  try {
    return await loadScenario(dir, overrides);
  } finally {
    await removeFolder(dir);
  }
}

export async function faultProblems(items: string[]): Promise<InputProblem[]> {
  const dir = await writeScenarioFolder({ ...baseFiles(), 'scenario.yaml': withFaults(...items) });
  try {
    await loadScenario(dir);
  } catch (e) {
    if (!isUserInputError(e)) throw e;
    return e.problems.map((p) => ({ ...p, file: path.relative(dir, p.file) }));
  } finally {
    await removeFolder(dir);
  }
  throw new Error('loadScenario accepted a bad input');
}
