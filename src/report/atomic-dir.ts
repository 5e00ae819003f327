/**
 * Writes a set of result files so that the output folder is replaced whole or not at all: files go
 * to a sibling temporary folder first, which is renamed into place. A run that fails or is killed
 * leaves the previous results untouched.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export interface OutputFile {
  /** File name inside the output folder (no separators). */
  name: string;
  content: string;
}

export async function writeResultsAtomically(outDir: string, files: readonly OutputFile[]): Promise<string[]> {
  const target = resolve(outDir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const temp = join(parent, `.scalesim-tmp-${basename(target)}-${process.pid}`);
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp);
  try {
    for (const f of files) {
      if (f.name !== basename(f.name) || f.name.startsWith('.')) throw new Error(`refusing to write outside the output folder: ${f.name}`);
      await writeFile(join(temp, f.name), f.content);
    }
    const old = join(parent, `.scalesim-old-${basename(target)}-${process.pid}`);
    if (existsSync(target)) await rename(target, old);
    await rename(temp, target);
    await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  return files.map((f) => join(target, f.name));
}
