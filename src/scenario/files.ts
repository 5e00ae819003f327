/**
 * File-system access for the loaders, with every failure (missing file, folder where a file was
 * expected, permission denied) turned into a message instead of an exception.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** `relative` resolved against the scenario folder, kept relative to the working directory when `dir` is. */
export function resolveInScenario(dir: string, relative: string): string {
  return path.isAbsolute(relative) ? path.normalize(relative) : path.join(dir, relative);
}

export type FileResult<T> = { ok: true; value: T } | { ok: false; message: string; hint?: string };

/**
 * Largest input file read, bytes. A JavaScript string holds at most ~512 MiB, and a trace that large
 * (millions of rows) is better cut to the window or resampled first.
 */
export const MAX_INPUT_FILE_BYTES = 256 * 1024 * 1024;

/** Reads a UTF-8 text file (at most MAX_INPUT_FILE_BYTES). */
export async function readTextFile(file: string): Promise<FileResult<string>> {
  try {
    const { size } = await stat(file);
    if (size > MAX_INPUT_FILE_BYTES) {
      return {
        ok: false,
        message: `file is ${(size / 2 ** 20).toFixed(0)} MiB; scalesim reads input files up to ${MAX_INPUT_FILE_BYTES / 2 ** 20} MiB`,
        hint: 'cut the trace to the window you simulate, or aggregate it to coarser buckets (e.g. per minute)',
      };
    }
    return { ok: true, value: await readFile(file, 'utf8') };
  } catch (e) {
    return fsFailure(e, file);
  }
}

/** Whether `p` is a folder, a file, or missing. */
export async function pathKind(p: string): Promise<FileResult<'file' | 'directory'>> {
  try {
    const s = await stat(p);
    return { ok: true, value: s.isDirectory() ? 'directory' : 'file' };
  } catch (e) {
    return fsFailure(e, p);
  }
}

/** The *.yaml / *.yml files directly in `dir`, sorted by name (as `kubectl apply -f <dir>`, not recursive). */
export async function listYamlFiles(dir: string): Promise<FileResult<string[]>> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    const names = entries.filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name)).map((e) => e.name);
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { ok: true, value: names.map((name) => path.join(dir, name)) };
  } catch (e) {
    return fsFailure(e, dir);
  }
}

function fsFailure(e: unknown, file: string): { ok: false; message: string; hint?: string } {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { ok: false, message: `file or folder not found: ${file}`, hint: 'paths are relative to the scenario folder' };
  if (code === 'EISDIR') return { ok: false, message: `expected a file but found a folder: ${file}` };
  if (code === 'ENOTDIR') return { ok: false, message: `a part of the path is not a folder: ${file}` };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, message: `permission denied: ${file}` };
  return { ok: false, message: `cannot read ${file}: ${(e as Error).message ?? String(e)}` };
}
