/** Writes scenario folders into a fresh temporary directory for loader tests. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isUserInputError, type InputProblem } from '../../../src/errors/user-input-error.js';
import { loadScenario, type ScenarioOverrides } from '../../../src/scenario/load-scenario.js';
import type { Scenario } from '../../../src/scenario/types.js';

/** Relative path → file content; `null` leaves the file out. */
export type FolderFiles = Record<string, string | null>;

/** Creates the files under a new temp folder and returns its absolute path. */
export async function writeScenarioFolder(files: FolderFiles): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scalesim-scenario-'));
  for (const [relative, content] of Object.entries(files)) {
    if (content === null) continue;
    const full = path.join(dir, relative);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, content);
  }
  return dir;
}

export async function removeFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Joins lines with \n and a final newline (keeps line numbers in tests readable). */
export function lines(...rows: string[]): string {
  return `${rows.join('\n')}\n`;
}

/** Runs `use` on a temporary folder holding `files`, removed afterwards whatever happens. */
export async function withScenarioFolder<T>(files: FolderFiles, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await writeScenarioFolder(files);
  try {
    return await use(dir);
  } finally {
    await removeFolder(dir);
  }
}

/** Loads the scenario made of `files` (in a temporary folder, removed afterwards). */
export function loadFolder(files: FolderFiles, overrides?: ScenarioOverrides): Promise<Scenario> {
  return withScenarioFolder(files, (dir) => loadScenario(dir, overrides));
}

/** The problems loadScenario reports for the scenario made of `files`, with file names relative to it. */
export async function folderProblems(files: FolderFiles): Promise<InputProblem[]> {
  const dir = await writeScenarioFolder(files);
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
