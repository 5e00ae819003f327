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

/** A failure is about the path (missing, a folder, no permission) or, `kind: 'content'`, about what the file holds. */
export type FileResult<T> = { ok: true; value: T } | { ok: false; message: string; hint?: string; kind?: 'content' };

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
        kind: 'content',
      };
    }
    const bytes = await readFile(file);
    const encoding = notUtf8(bytes);
    if (encoding !== undefined) return { ok: false, message: encoding.message, hint: encoding.hint, kind: 'content' };
    return { ok: true, value: bytes.toString('utf8') };
  } catch (e) {
    return fsFailure(e, file);
  }
}

/**
 * Why `bytes` are not UTF-8 text, for the two cases with a clear answer: UTF-16 (what Windows
 * PowerShell's `>` and Notepad's "Unicode" write; read as UTF-8 it is every other byte NUL) and NUL
 * bytes in the first 4 KiB (a binary file). Undefined otherwise.
 */
function notUtf8(bytes: Buffer): { message: string; hint: string } | undefined {
  const bom = bytes.length >= 2 ? (bytes[0]! << 8) | bytes[1]! : 0;
  const head = bytes.subarray(0, 4096);
  let nuls = 0;
  for (const b of head) if (b === 0) nuls++;
  if (bom === 0xfffe || bom === 0xfeff || (nuls > 0 && nuls >= head.length / 4)) {
    return { message: 'the file is UTF-16 text; scalesim reads UTF-8', hint: 'save it as UTF-8 (PowerShell: Out-File -Encoding utf8; iconv -f UTF-16 -t UTF-8)' };
  }
  if (nuls > 0) return { message: 'the file holds NUL bytes: it is not a text file', hint: 'give a YAML, CSV or JSON text file' };
  return undefined;
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

/**
 * The manifest files directly in `dir`, sorted by name, as `kubectl apply -f <dir>` takes them
 * (not recursive): *.json, *.yaml and *.yml (kubectl's resource builder, FileExtensions). A JSON
 * file (`kubectl get -o json`) is read by the same YAML parser, JSON being YAML.
 */
export async function listManifestFiles(dir: string): Promise<FileResult<string[]>> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    const names = entries.filter((e) => e.isFile() && MANIFEST_FILE.test(e.name)).map((e) => e.name);
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { ok: true, value: names.map((name) => path.join(dir, name)) };
  } catch (e) {
    return fsFailure(e, dir);
  }
}

/** The manifest files a `spec.manifests` entry names: the file itself, or a folder's (listManifestFiles). */
export async function manifestFilesAt(full: string): Promise<FileResult<string[]>> {
  const kind = await pathKind(full);
  if (!kind.ok) return kind;
  return kind.value === 'directory' ? listManifestFiles(full) : { ok: true, value: [full] };
}

/** The file names `kubectl apply -f <dir>` reads. */
const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** What a folder of manifests holds, for messages. */
export const MANIFEST_FILES_TEXT = '*.yaml, *.yml or *.json';

function fsFailure(e: unknown, file: string): { ok: false; message: string; hint?: string } {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { ok: false, message: `file or folder not found: ${file}`, hint: 'paths are relative to the scenario folder' };
  if (code === 'EISDIR') return { ok: false, message: `expected a file but found a folder: ${file}` };
  if (code === 'ENOTDIR') return { ok: false, message: `a part of the path is not a folder: ${file}` };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, message: `permission denied: ${file}` };
  return { ok: false, message: `cannot read ${file}: ${(e as Error).message ?? String(e)}` };
}
