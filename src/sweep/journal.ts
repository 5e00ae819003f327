/**
 * The resume journal of a sweep: a JSON-lines file beside the output folder
 * (`.scalesim-sweep-<out-name>.journal.jsonl`), a header line with the sweep's fingerprint, then
 * one line per finished setting, appended and flushed to disk as each finishes. Re-running the same
 * command reads it back and skips those settings. A journal of a sweep with another grid over the
 * same inputs, seed, duration and build (the grid reordered, values added) serves the settings the
 * two have in common, by setting id. Any other journal is refused (exit 2) unless --fresh discards
 * it: a rerun with one flag changed must not throw away hours of finished settings. A line cut short
 * by a kill is ignored, and the journal is rewritten clean before new lines are appended. Removed
 * once the outputs are in place.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserInputError } from '../errors/user-input-error.js';
import { journalUnwritable, lockPath, takeJournalLock } from './journal-lock.js';
import { rowFiguresProblem } from './row-figures-check.js';
import type { Setting } from './settings.js';
import type { SweepRow } from './sweep-row.js';

const FORMAT = 'scalesim-sweep-journal/1';

export function journalPath(outDir: string): string {
  const target = resolve(outDir);
  return join(dirname(target), `.scalesim-sweep-${basename(target)}.journal.jsonl`);
}

export type JournalStart =
  | { kind: 'new' }
  /** `otherGrid`: the rows come from a sweep with another grid over the same inputs (matched by setting id). */
  | { kind: 'resumed'; rows: SweepRow[]; otherGrid: boolean }
  | { kind: 'fresh' };

/** What a sweep's journal is matched on. */
export interface JournalKeys {
  /** The sweep's fingerprint (sweep-identity.ts). */
  fingerprint: string;
  /** settingRowsFingerprint: the same for a sweep with another grid over the same inputs. */
  rowsFingerprint: string;
}

interface JournalHeader {
  format?: unknown;
  fingerprint?: unknown;
  rowsFingerprint?: unknown;
}

/** The journal's header and its whole rows (a line cut short by a kill is left out). */
function readJournal(text: string): { header: JournalHeader | undefined; rows: SweepRow[] } {
  const lines = text.split('\n');
  let header: JournalHeader | undefined;
  try {
    header = JSON.parse(lines[0] ?? '') as JournalHeader;
  } catch {
    header = undefined;
  }
  const rows: SweepRow[] = [];
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    try {
      const row = JSON.parse(line) as SweepRow;
      // A row whose figures are not whole (edited by hand, or damaged) is run again, as a torn line is.
      if (typeof row.id === 'string' && Array.isArray(row.values) && rowFiguresProblem(row.row) === undefined) rows.push(row);
    } catch {
      // cut short by a kill
    }
  }
  return { header, rows };
}

/** The rows of this sweep's settings: by index and id for the same sweep, by id alone (renumbered) for another grid. */
function rowsFor(rows: readonly SweepRow[], settings: readonly Setting[], sameGrid: boolean): SweepRow[] {
  const out = new Map<number, SweepRow>();
  if (sameGrid) {
    const byIndex = new Map(settings.map((s) => [s.index, s]));
    for (const row of rows) if (byIndex.get(row.index)?.id === row.id) out.set(row.index, row);
  } else {
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const s of settings) {
      const row = byId.get(s.id);
      // The figures are the setting's; its place, values as written and label are this grid's.
      if (row) out.set(s.index, { index: s.index, id: s.id, values: s.values, row: { ...row.row, variant: s.id, description: s.label } });
    }
  }
  return [...out.values()].sort((a, b) => a.index - b.index);
}

function otherSweep(path: string, finished: number): UserInputError {
  return new UserInputError({
    file: path,
    message: `the resume journal beside --out belongs to another sweep (other scenario files, seed, duration, --workload focus or scalesim build) and holds ${finished} finished setting${finished === 1 ? '' : 's'}`,
    hint: "run that sweep's command again to finish it, give --fresh to discard the journal, or choose another --out",
  });
}

export class SweepJournal {
  private fd: number | undefined;
  private locked = false;
  private constructor(
    readonly path: string,
    readonly start: JournalStart,
  ) {}

  /**
   * Opens the journal for a sweep with `keys` whose settings to run are `settings`: reads back their
   * finished rows unless `fresh` (refusing another sweep's journal), then rewrites the file with the
   * header and those rows.
   */
  static open(outDir: string, keys: JournalKeys, settings: readonly Setting[], fresh: boolean): SweepJournal {
    const path = journalPath(outDir);
    takeJournalLock(path);
    try {
      return SweepJournal.openLocked(path, keys, settings, fresh);
    } catch (error) {
      rmSync(lockPath(path), { force: true });
      throw error;
    }
  }

  private static openLocked(path: string, keys: JournalKeys, settings: readonly Setting[], fresh: boolean): SweepJournal {
    let start: JournalStart = { kind: 'new' };
    let rows: SweepRow[] = [];
    if (existsSync(path)) {
      if (fresh) start = { kind: 'fresh' };
      else {
        const read = readJournal(readFileSync(path, 'utf8'));
        const header = read.header;
        const sameGrid = header?.format === FORMAT && header.fingerprint === keys.fingerprint;
        const sameInputs = header?.format === FORMAT && header.rowsFingerprint === keys.rowsFingerprint;
        if (!sameGrid && !sameInputs) {
          if (read.rows.length > 0) throw otherSweep(path, read.rows.length);
          start = { kind: 'fresh' }; // nothing finished to lose
        } else {
          rows = rowsFor(read.rows, settings, sameGrid);
          start = { kind: 'resumed', rows, otherGrid: !sameGrid };
        }
      }
    }
    const journal = new SweepJournal(path, start);
    const temp = `${path}.${process.pid}.tmp`;
    let fd: number;
    try {
      mkdirSync(dirname(path), { recursive: true });
      fd = openSync(temp, 'w');
    } catch (error) {
      throw journalUnwritable(path, (error as NodeJS.ErrnoException).code ?? String(error));
    }
    writeSync(fd, `${JSON.stringify({ format: FORMAT, fingerprint: keys.fingerprint, rowsFingerprint: keys.rowsFingerprint })}\n${rows.map((r) => `${JSON.stringify(r)}\n`).join('')}`);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, path);
    journal.fd = openSync(path, 'a');
    journal.locked = true;
    return journal;
  }

  /** Appends one finished setting and flushes it to disk. */
  append(row: SweepRow): void {
    if (this.fd === undefined) throw new Error('the sweep journal is closed');
    writeSync(this.fd, `${JSON.stringify(row)}\n`);
    fsyncSync(this.fd);
  }

  /** Closes the journal and lets another sweep into the same --out. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.locked) rmSync(lockPath(this.path), { force: true });
    this.locked = false;
  }

  /** Closes and deletes the journal (the sweep's outputs are in place). */
  remove(): void {
    this.close();
    rmSync(this.path, { force: true });
  }
}
