/**
 * The resume journal: rows appended one per line and read back for the same fingerprint, a line cut
 * short by a kill ignored (and cleaned away before appending), rows of a sweep with another grid over
 * the same inputs reused by setting id, another sweep's journal refused unless --fresh, and removal
 * once the outputs are in place.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GridAxis } from '../../src/sweep/grid.js';
import { journalPath, SweepJournal } from '../../src/sweep/journal.js';
import { isUserInputError } from '../../src/errors/user-input-error.js';
import { allSettings } from '../../src/sweep/settings.js';
import type { SweepRow } from '../../src/sweep/sweep-row.js';
import { figures } from '../helpers/comparison-rows.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-journal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const axis: GridAxis = { name: 'hpa.maxReplicas', flag: '', target: 'HorizontalPodAutoscaler/web', fieldPath: ['spec', 'maxReplicas'], values: [3, 4, 5, 6].map((v) => ({ text: String(v), value: v })) };
const settings = allSettings([axis]);
const FP1 = { fingerprint: 'fp1', rowsFingerprint: 'rows1' };
const FP2 = { fingerprint: 'fp2', rowsFingerprint: 'rows2' };
const rowOf = (i: number): SweepRow => ({ index: i, id: settings[i]!.id, values: settings[i]!.values, row: figures({ peakReplicas: i }) });

describe('SweepJournal', () => {
  it('lives beside the output folder', () => {
    expect(journalPath('/x/results/web-sweep')).toBe('/x/results/.scalesim-sweep-web-sweep.journal.jsonl');
  });

  it('reads back the rows of the same sweep, ignoring a line cut short', () => {
    const out = join(work, 'a');
    const first = SweepJournal.open(out, FP1, settings, false);
    expect(first.start.kind).toBe('new');
    first.append(rowOf(0));
    first.append(rowOf(2));
    first.close();
    appendFileSync(first.path, '{"index":3,"id":"'); // killed mid-write
    const second = SweepJournal.open(out, FP1, settings, false);
    expect(second.start.kind).toBe('resumed');
    expect(second.start.kind === 'resumed' && second.start.rows.map((r) => r.index)).toEqual([0, 2]);
    // The cut line is gone before new lines are appended.
    second.append(rowOf(3));
    second.close();
    const lines = readFileSync(first.path, 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as { index?: number }).map((l) => l.index)).toEqual([undefined, 0, 2, 3]);
  });

  it('ignores rows whose id does not match the setting', () => {
    const out = join(work, 'b');
    const j = SweepJournal.open(out, FP1, settings, false);
    j.append({ ...rowOf(1), id: 'someoneelse' });
    j.close();
    const again = SweepJournal.open(out, FP1, settings, false);
    expect(again.start.kind === 'resumed' && again.start.rows).toEqual([]);
    again.close();
  });

  it('runs again a row whose figures are not whole (edited by hand, or damaged), as a line cut short', () => {
    const out = join(work, 'e');
    const j = SweepJournal.open(out, FP1, settings, false);
    j.append(rowOf(0));
    j.append({ ...rowOf(1), row: { ...rowOf(1).row, p95Ms: 'fast' as unknown as number } });
    const { meanNodes: _dropped, ...withoutNodes } = rowOf(2).row;
    j.append({ ...rowOf(2), row: withoutNodes as SweepRow['row'] });
    j.close();
    const again = SweepJournal.open(out, FP1, settings, false);
    expect(again.start.kind === 'resumed' && again.start.rows.map((r) => r.index)).toEqual([0]);
    again.remove();
  });

  it("refuses another sweep's journal that holds finished settings, unless --fresh; starts fresh on an unreadable or empty one", () => {
    const out = join(work, 'c');
    const j = SweepJournal.open(out, FP1, settings, false);
    j.append(rowOf(1));
    j.close();
    let refused: unknown;
    try {
      SweepJournal.open(out, FP2, settings, false);
    } catch (error) {
      refused = error;
    }
    expect(isUserInputError(refused) && refused.problems[0]!.message).toMatch(/belongs to another sweep .* holds 1 finished setting$/);
    expect(isUserInputError(refused) && refused.problems[0]!.hint).toMatch(/--fresh/);
    // Refused, the journal is kept as it was.
    expect(readFileSync(j.path, 'utf8').trim().split('\n')).toHaveLength(2);
    const fresh = SweepJournal.open(out, FP2, settings, true);
    expect(fresh.start.kind).toBe('fresh');
    fresh.close();
    expect(readFileSync(fresh.path, 'utf8').trim().split('\n')).toHaveLength(1);
    // Another sweep's journal with nothing finished is simply replaced.
    const empty = SweepJournal.open(out, FP1, settings, false);
    expect(empty.start.kind).toBe('fresh');
    empty.close();
    writeFileSync(fresh.path, 'garbage');
    const garbled = SweepJournal.open(out, FP2, settings, false);
    expect(garbled.start.kind).toBe('fresh');
    garbled.remove();
    expect(existsSync(garbled.path)).toBe(false);
  });

  it('reuses, by setting id, the rows of a sweep with another grid over the same inputs', () => {
    const out = join(work, 'd');
    const j = SweepJournal.open(out, FP1, settings, false);
    j.append(rowOf(0)); // maxReplicas 3
    j.append(rowOf(2)); // maxReplicas 5
    j.close();
    // The same axis with a value added in front and one removed: 5 and 3 now sit at indexes 3 and 1.
    const extended: GridAxis = { ...axis, values: [2, 3, 4, 5].map((v) => ({ text: String(v), value: v })) };
    const next = allSettings([extended]);
    const again = SweepJournal.open(out, { fingerprint: 'fp3', rowsFingerprint: 'rows1' }, next, false);
    expect(again.start.kind === 'resumed' && again.start.otherGrid).toBe(true);
    const rows = again.start.kind === 'resumed' ? again.start.rows : [];
    expect(rows.map((r) => [r.index, r.id, r.values, (r.row as unknown as { peakReplicas: number }).peakReplicas])).toEqual([
      [1, next[1]!.id, ['3'], 0],
      [3, next[3]!.id, ['5'], 2],
    ]);
    expect(rows.map((r) => [r.row.variant, r.row.description])).toEqual([
      [next[1]!.id, next[1]!.label],
      [next[3]!.id, next[3]!.label],
    ]);
    again.remove();
  });

  it('is locked while a sweep writes it: a live holder refuses a second sweep, a dead one is taken over, closing unlocks', () => {
    const out = join(work, 'locked');
    const lock = `${journalPath(out)}.lock`;
    writeFileSync(lock, `${process.ppid}\n`); // a live process that is not this one
    let refused: unknown;
    try {
      SweepJournal.open(out, FP1, settings, false);
    } catch (error) {
      refused = error;
    }
    expect(isUserInputError(refused) && refused.problems[0]!.message).toBe(`another sweep (process ${process.ppid}) is writing to this --out: its journal ${journalPath(out)} is locked`);
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!; // exited already
    writeFileSync(lock, `${gone}\n`);
    const j = SweepJournal.open(out, FP1, settings, false);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);
    j.close();
    expect(existsSync(lock)).toBe(false);
    j.remove();
  });
});

