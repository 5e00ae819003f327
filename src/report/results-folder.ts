/**
 * The output folder of a run, replaced whole or not at all: files are written into a sibling
 * temporary folder (streamed while the run goes on) that is renamed into place by `commit()`. A run
 * that fails or is killed leaves the previous results untouched; `abort()` removes the temporary
 * folder. File names are checked so nothing is written outside the folder. The folder replaced must
 * be new, empty or scalesim's own (output-folder.ts: checked before anything is written, and marked
 * as it is put in place with the list of the files written).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { prepareOutputFolder, RESULTS_MARKER, resultsMarkerText } from './output-folder.js';
import { FileTableSink, type TableSink } from './table-sink.js';
import { UserInputError } from '../errors/user-input-error.js';

/** Whether process `pid` is running (signal 0 reaches it, or it exists but is another user's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary folders left by runs that were killed (their process is gone) for the same output folder. */
function removeStaleFolders(parent: string, target: string): void {
  for (const entry of readdirSync(parent)) {
    const m = /^\.scalesim-(?:tmp|old)-(.+)-(\d+)$/.exec(entry);
    if (m === null || m[1] !== target) continue;
    const pid = Number(m[2]);
    if (pid !== process.pid && !processAlive(pid)) rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

function checkName(name: string): void {
  if (name !== basename(name) || name.startsWith('.') || name.length === 0) {
    throw new Error(`refusing to write a result file outside the output folder: ${JSON.stringify(name)}`);
  }
}

export class ResultsFolder {
  readonly target: string;
  private readonly temp: string;
  private readonly sinks: TableSink[] = [];
  private readonly names: string[] = [];

  constructor(outDir: string) {
    prepareOutputFolder(outDir);
    this.target = resolve(outDir);
    const parent = dirname(this.target);
    this.temp = join(parent, `.scalesim-tmp-${basename(this.target)}-${process.pid}`);
    removeStaleFolders(parent, basename(this.target));
    rmSync(this.temp, { recursive: true, force: true });
    try {
      mkdirSync(this.temp);
    } catch (error) {
      // A parent the user cannot write in (read-only, /proc, another user's folder) is a mistake in --out, not a run failure.
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new UserInputError({ file: '(command line)', field: '--out', message: `cannot write in ${parent} (${reason}): expected a folder where the results can be written`, hint: 'give --out a folder you can write to, e.g. --out results/my-run' });
    }
  }

  /** A streamed CSV table; `sub` puts it in a subfolder (e.g. one per compared variant). */
  table(name: string, header: readonly string[], sub?: string): TableSink {
    const path = this.pathFor(name, sub);
    const sink = new FileTableSink(join(this.temp, path), header);
    this.sinks.push(sink);
    this.names.push(path);
    return sink;
  }

  writeText(name: string, content: string, sub?: string): void {
    const path = this.pathFor(name, sub);
    writeFileSync(join(this.temp, path), content);
    this.names.push(path);
  }

  /** The folder being written (before commit), for writers that need real files (chart rendering). */
  get workingDir(): string {
    return this.temp;
  }

  private pathFor(name: string, sub: string | undefined): string {
    checkName(name);
    if (sub === undefined) return name;
    checkName(sub);
    mkdirSync(join(this.temp, sub), { recursive: true });
    return join(sub, name);
  }

  /** Closes the tables and moves the folder into place; returns the paths written. */
  commit(): string[] {
    for (const s of this.sinks) s.close();
    writeFileSync(join(this.temp, RESULTS_MARKER), resultsMarkerText(this.names.map((n) => n.split(sep).join('/'))));
    const old = join(dirname(this.target), `.scalesim-old-${basename(this.target)}-${process.pid}`);
    if (existsSync(this.target)) renameSync(this.target, old);
    renameSync(this.temp, this.target);
    rmSync(old, { recursive: true, force: true });
    return this.names.map((n) => join(this.target, n));
  }

  abort(): void {
    for (const s of this.sinks) {
      try {
        s.close();
      } catch {
        // already closed or never opened; the folder goes anyway
      }
    }
    rmSync(this.temp, { recursive: true, force: true });
  }
}
