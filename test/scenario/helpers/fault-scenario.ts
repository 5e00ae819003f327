/** The base scenario (helpers/base-scenario.ts) with spec.faults items, loaded or rejected. */
import type { InputProblem } from '../../../src/errors/user-input-error.js';
import type { ScenarioOverrides } from '../../../src/scenario/load-scenario.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { BASE_SCENARIO, baseFiles } from './base-scenario.js';
import { folderProblems, loadFolder, type FolderFiles } from './scenario-folder.js';

/** scenario.yaml of the base scenario with `faults:` items appended (one YAML flow mapping each). */
export function withFaults(...items: string[]): string {
  return `${BASE_SCENARIO}  faults:\n${items.map((i) => `    - ${i}\n`).join('')}`;
}

export async function loadWithFaults(items: string[], files: FolderFiles = {}, overrides: ScenarioOverrides = {}): Promise<Scenario> {
  return loadFolder({ ...baseFiles(), 'scenario.yaml': withFaults(...items), ...files }, overrides);
}

export async function faultProblems(items: string[]): Promise<InputProblem[]> {
  return folderProblems({ ...baseFiles(), 'scenario.yaml': withFaults(...items) });
}
