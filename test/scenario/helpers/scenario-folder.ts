/** Writes scenario folders into a fresh temporary directory for loader tests. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

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
