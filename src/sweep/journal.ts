/**
 * The resume journal of a sweep: a JSON-lines file beside the output folder
 * (`.scalesim-sweep-<out-name>.journal.jsonl`), a header line with the sweep's fingerprint, then
 * one line per finished setting, appended and flushed to disk as each finishes. Re-running the same
 * command reads it back and skips those settings; a journal with another fingerprint (other inputs,
 * grid, seed, duration, scalesim version or build) is discarded. A line cut short by a kill is ignored,
 * and the journal is rewritten clean before new lines are appended. Removed once the outputs are in
 * place.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Setting } from './settings.js';
import type { SweepRow } from './sweep-row.js';

const FORMAT = 'scalesim-sweep-journal/1';

export function journalPath(outDir: string): string {
  const target = resolve(outDir);
  return join(dirname(target), `.scalesim-sweep-${basename(target)}.journal.jsonl`);
}

export type JournalStart =
  | { kind: 'new' }
  | { kind: 'resumed'; rows: SweepRow[] }
  | { kind: 'other-sweep'; fingerprint: string }
  | { kind: 'fresh' };

function readRows(text: string, fingerprint: string, settings: ReadonlyMap<number, Setting>): SweepRow[] | { fingerprint: string } {
  const lines = text.split('\n');
  let header: { format?: unknown; fingerprint?: unknown };
  try {
    header = JSON.parse(lines[0] ?? '') as typeof header;
  } catch {
    return { fingerprint: '(unreadable)' };
  }
  if (header.format !== FORMAT || header.fingerprint !== fingerprint) return { fingerprint: String(header.fingerprint ?? '(none)') };
  const rows = new Map<number, SweepRow>();
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    let row: SweepRow;
    try {
      row = JSON.parse(line) as SweepRow;
    } catch {
      continue; // cut short by a kill
    }
    const setting = settings.get(row.index);
    if (setting && row.id === setting.id && Array.isArray(row.values) && row.row !== null && typeof row.row === 'object') rows.set(row.index, row);
  }
  return [...rows.values()].sort((a, b) => a.index - b.index);
}

export class SweepJournal {
  private fd: number | undefined;
  private constructor(
    readonly path: string,
    readonly start: JournalStart,
  ) {}

  /**
   * Opens the journal for a sweep with `fingerprint` whose settings to run are `settings`: reads
   * back their finished rows unless `fresh`, then rewrites the file with the header and those rows.
   */
  static open(outDir: string, fingerprint: string, settings: readonly Setting[], fresh: boolean): SweepJournal {
    const path = journalPath(outDir);
    let start: JournalStart = { kind: 'new' };
    let rows: SweepRow[] = [];
    if (existsSync(path)) {
      if (fresh) start = { kind: 'fresh' };
      else {
        const read = readRows(readFileSync(path, 'utf8'), fingerprint, new Map(settings.map((s) => [s.index, s])));
        if (Array.isArray(read)) {
          rows = read;
          start = { kind: 'resumed', rows };
        } else start = { kind: 'other-sweep', fingerprint: read.fingerprint };
      }
    }
    const journal = new SweepJournal(path, start);
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w');
    writeSync(fd, `${JSON.stringify({ format: FORMAT, fingerprint })}\n${rows.map((r) => `${JSON.stringify(r)}\n`).join('')}`);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, path);
    journal.fd = openSync(path, 'a');
    return journal;
  }

  /** Appends one finished setting and flushes it to disk. */
  append(row: SweepRow): void {
    if (this.fd === undefined) throw new Error('the sweep journal is closed');
    writeSync(this.fd, `${JSON.stringify(row)}\n`);
    fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** Closes and deletes the journal (the sweep's outputs are in place). */
  remove(): void {
    this.close();
    rmSync(this.path, { force: true });
  }
}
