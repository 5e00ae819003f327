/**
 * What an output folder (`--out`) may be, checked before anything is written. A run replaces its
 * output folder whole (results-folder.ts), so the folder must be new, empty, or one scalesim wrote.
 * A results folder gets a marker file as it is put in place, listing every file the run wrote: the
 * folder may be replaced only while it holds those files and no other (notes.md, an analysis.csv
 * or a notebook the user saved beside the results are theirs, whatever their extension). A marker
 * without the list (written before it existed) or, for results older than the marker, one of
 * scalesim's summaries (a JSON object with that summary's fields) falls back to the names of the
 * files scalesim writes (summary.json, timeseries.csv, report-<chart>.mmd…), at any depth. Anything else is refused as bad input (exit 2)
 * with the entry that is not scalesim's, so a mistyped `--out` (a home folder, a project) is never
 * deleted, nor what the user saved into earlier results.
 *
 * The parent folders are made one level at a time: Node 20's recursive mkdirSync never returns for
 * a path under /proc (it retries the ENOENT forever), and a level that cannot be made is reported
 * with the reason (a file in the way, no permission, a read-only file system).
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserInputError } from '../errors/user-input-error.js';

/** Written into every results folder as it is put in place; its presence lets the next run replace the folder. */
export const RESULTS_MARKER = '.scalesim-results';
const RESULTS_MARKER_TEXT = 'Written by scalesim. The next run with --out here replaces this folder whole (it refuses to while the folder holds files scalesim does not write).\n';
/** The line after which the marker lists the files the run wrote, one relative path a line. */
const FILES_HEADING = 'files written:';

/** The marker's text for a folder holding `files` (paths relative to it, `/`-separated). */
export function resultsMarkerText(files: readonly string[]): string {
  return `${RESULTS_MARKER_TEXT}${FILES_HEADING}\n${[...files].sort().map((f) => `${f}\n`).join('')}`;
}

/** The files a marker lists, or undefined for a marker without the list (or none). */
function markedFiles(dir: string): Set<string> | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, RESULTS_MARKER), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const at = lines.indexOf(FILES_HEADING);
  return at < 0 ? undefined : new Set(lines.slice(at + 1).filter((l) => l !== ''));
}

/**
 * One of these, a JSON object with these fields, beside only scalesim's kinds of files marks results
 * written before the marker.
 */
const SUMMARY_FILES: Readonly<Record<string, readonly string[]>> = {
  'summary.json': ['scenario', 'seed', 'durationSeconds', 'workloads'],
  'comparison.json': ['variants', 'best'],
  'sweep.json': ['scenario', 'fingerprint', 'grid', 'rows'],
  'sweep-part.json': ['format', 'identity', 'shards', 'shard', 'rows'],
};
/** The names of the files scalesim writes into a results folder or a variant's subfolder. */
const RESULT_FILE =
  /^(summary\.json|timeseries\.csv|decisions\.csv|cost\.csv|report\.md|report\.html|report-[a-z0-9.-]+\.mmd|comparison(-workloads|-seeds)?\.csv|comparison\.json|sweep\.csv|sweep\.json|settings\.csv|pareto\.csv|best\.json|sweep-part\.json)$/;

/** What is at `path`, following symbolic links (a linked folder, /tmp on macOS, is a folder). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The first entry under `dir` that scalesim did not write (a path relative to `dir`), or undefined:
 * with `listed`, any file not in the list (and any folder holding no listed file); without, any
 * entry that is not a file of a name scalesim writes.
 */
function foreignEntry(dir: string, listed: Set<string> | undefined, prefix = ''): string | undefined {
  for (const name of readdirSync(dir).sort()) {
    if (prefix === '' && name === RESULTS_MARKER) continue;
    const path = join(dir, name);
    const relative = `${prefix}${name}`;
    const stat = lstatSync(path);
    if (stat.isDirectory()) {
      if (listed !== undefined && ![...listed].some((f) => f.startsWith(`${relative}/`))) return `${relative}/`;
      const inner = foreignEntry(path, listed, `${relative}/`);
      if (inner !== undefined) return inner;
    } else if (!stat.isFile() || (listed !== undefined ? !listed.has(relative) : !RESULT_FILE.test(name))) return relative;
  }
  return undefined;
}

/** Whether `dir` holds one of scalesim's summaries, read as such (not only named so). */
function holdsSummary(dir: string): boolean {
  return Object.entries(SUMMARY_FILES).some(([name, fields]) => {
    try {
      const value: unknown = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      return typeof value === 'object' && value !== null && !Array.isArray(value) && fields.every((f) => f in value);
    } catch {
      return false;
    }
  });
}

/** Why the folder at `target` may not be replaced by a run's results; undefined when it may. */
export function outputFolderProblem(target: string): string | undefined {
  const stat = statOf(target);
  if (stat === undefined) return undefined;
  if (!stat.isDirectory()) return `${target} is ${stat.isFile() ? 'a file' : 'not a folder'}; expected a folder for the results (a new one, or one scalesim wrote)`;
  const entries = readdirSync(target);
  if (entries.length === 0) return undefined;
  const foreign = foreignEntry(target, markedFiles(target));
  // scalesim's own folder, unless the user has put something of theirs in it since (a notebook, notes).
  if (foreign === undefined && (entries.includes(RESULTS_MARKER) || holdsSummary(target))) return undefined;
  const what = foreign !== undefined ? `holds ${foreign}, which scalesim does not write` : `holds no results of scalesim's (no ${RESULTS_MARKER}, and no ${Object.keys(SUMMARY_FILES).join(', ')} as scalesim writes it)`;
  return `${target} ${what}; a run replaces its output folder whole, so scalesim will not replace this one`;
}

/** Every problem here is with the one flag that names the folder. */
const FIELD = '--out';

/** Makes the missing folders above `target`, one level at a time; a level that cannot be made is bad input. */
function makeParentFolders(target: string): void {
  const missing: string[] = [];
  let at = dirname(target);
  while (statOf(at) === undefined && dirname(at) !== at) {
    missing.unshift(at);
    at = dirname(at);
  }
  const existing = statOf(at);
  if (existing !== undefined && !existing.isDirectory()) {
    throw new UserInputError({ file: '(command line)', field: FIELD, message: `cannot make the folder ${target}: ${at} is a file, not a folder` });
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      if (statOf(level)?.isDirectory() === true) continue; // made meanwhile by another process
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new UserInputError({
        file: '(command line)',
        field: FIELD,
        message: `cannot make the folder ${target}: making ${level} failed (${reason}); expected a path where folders can be made`,
      });
    }
  }
}

/**
 * Checks `outDir` for a run's results and makes its parent folders: throws UserInputError (exit 2)
 * when the folder may not be replaced or its parent cannot be made.
 */
export function prepareOutputFolder(outDir: string): void {
  // resolve('') is the working directory: an empty --out (an unset shell variable) is a mistake, not "here".
  if (outDir.trim() === '') throw new UserInputError({ file: '(command line)', field: FIELD, message: 'expected a folder path, got an empty one', hint: 'give --out a folder, e.g. --out results/my-run' });
  const target = resolve(outDir);
  const problem = outputFolderProblem(target);
  if (problem !== undefined) throw new UserInputError({ file: '(command line)', field: FIELD, message: problem, hint: 'give --out a new folder, or remove this one yourself' });
  makeParentFolders(target);
}
