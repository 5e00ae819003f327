/**
 * The resume journal: rows appended one per line and read back for the same fingerprint, a line cut
 * short by a kill ignored (and cleaned away before appending), another sweep's journal or --fresh
 * starting over, and removal once the outputs are in place.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GridAxis } from '../../src/sweep/grid.js';
import { journalPath, SweepJournal } from '../../src/sweep/journal.js';
import { allSettings } from '../../src/sweep/settings.js';
import type { SweepRow } from '../../src/sweep/sweep-row.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-journal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const axis: GridAxis = { name: 'hpa.maxReplicas', flag: '', target: 'HorizontalPodAutoscaler/web', fieldPath: ['spec', 'maxReplicas'], values: [3, 4, 5, 6].map((v) => ({ text: String(v), value: v })) };
const settings = allSettings([axis]);
const rowOf = (i: number): SweepRow => ({ index: i, id: settings[i]!.id, values: settings[i]!.values, row: { peakReplicas: i } as unknown as SweepRow['row'] });

describe('SweepJournal', () => {
  it('lives beside the output folder', () => {
    expect(journalPath('/x/results/web-sweep')).toBe('/x/results/.scalesim-sweep-web-sweep.journal.jsonl');
  });

  it('reads back the rows of the same sweep, ignoring a line cut short', () => {
    const out = join(work, 'a');
    const first = SweepJournal.open(out, 'fp1', settings, false);
    expect(first.start.kind).toBe('new');
    first.append(rowOf(0));
    first.append(rowOf(2));
    first.close();
    appendFileSync(first.path, '{"index":3,"id":"'); // killed mid-write
    const second = SweepJournal.open(out, 'fp1', settings, false);
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
    const j = SweepJournal.open(out, 'fp1', settings, false);
    j.append({ ...rowOf(1), id: 'someoneelse' });
    j.close();
    const again = SweepJournal.open(out, 'fp1', settings, false);
    expect(again.start.kind === 'resumed' && again.start.rows).toEqual([]);
    again.close();
  });

  it('starts fresh for another fingerprint, for --fresh, and for an unreadable header', () => {
    const out = join(work, 'c');
    const j = SweepJournal.open(out, 'fp1', settings, false);
    j.append(rowOf(1));
    j.close();
    const other = SweepJournal.open(out, 'fp2', settings, false);
    expect(other.start).toEqual({ kind: 'other-sweep', fingerprint: 'fp1' });
    other.append(rowOf(1));
    other.close();
    const fresh = SweepJournal.open(out, 'fp2', settings, true);
    expect(fresh.start.kind).toBe('fresh');
    fresh.close();
    expect(readFileSync(fresh.path, 'utf8').trim().split('\n')).toHaveLength(1);
    writeFileSync(fresh.path, 'garbage');
    const garbled = SweepJournal.open(out, 'fp2', settings, false);
    expect(garbled.start.kind).toBe('other-sweep');
    garbled.remove();
    expect(existsSync(garbled.path)).toBe(false);
  });
});
