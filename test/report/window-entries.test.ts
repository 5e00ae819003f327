/** The window entries' text: by age, later-added first among equal ages; one or two runs merged, more sorted by insertion. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvByteWriter } from '../../src/report/csv-bytes.js';
import { pieceText, type PieceCell } from '../../src/report/csv-line.js';
import { WindowEntries } from '../../src/report/window-entries.js';

type Entry = readonly [ageSeconds: number, replicas: number];

function entriesOf(list: readonly Entry[]): WindowEntries {
  const entries = new WindowEntries();
  for (const [age, replicas] of list) entries.add(age, replicas);
  return entries;
}

const cell = (entries: WindowEntries): PieceCell => ({ writePieces: (out) => entries.write(out) });

/** Through a file sink's byte writer with a buffer of `capacityBytes` (the line break dropped). */
function written(list: readonly Entry[], capacityBytes: number): string {
  const parts: Buffer[] = [];
  const writer = new CsvByteWriter((buffer, length) => parts.push(Buffer.from(buffer.subarray(0, length))), capacityBytes);
  writer.row([cell(entriesOf(list))]);
  writer.flush();
  return Buffer.concat(parts).toString('utf8').slice(0, -1);
}

/** The reference: a sort by age, the later added first among equal ages; numbers as String() prints them. */
function expectedText(list: readonly Entry[]): string {
  return list
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e[0] - b.e[0] || b.i - a.i)
    .map(({ e }) => `${e[1]}@-${e[0]}s`)
    .join(' ');
}

describe('WindowEntries', () => {
  it('merges two runs of ascending age, the second run first among equal ages', () => {
    const list: Entry[] = [[30, 1], [45, 2], [15, 3], [30, 4]];
    expect(pieceText(cell(entriesOf(list)))).toBe('3@-15s 4@-30s 1@-30s 2@-45s');
  });

  it('sorts three or more runs by insertion with the same rule', () => {
    const list: Entry[] = [[30, 1], [15, 2], [30, 3], [0, 4], [15, 5]];
    expect(pieceText(cell(entriesOf(list)))).toBe('4@-0s 5@-15s 2@-15s 3@-30s 1@-30s');
  });

  it('writes the same text again on a second write, and nothing once cleared', () => {
    const entries = entriesOf([[30, 1], [45, 2], [15, 3], [30, 4]]);
    const first = pieceText(cell(entries));
    expect(first).toBe('3@-15s 4@-30s 1@-30s 2@-45s');
    expect(pieceText(cell(entries))).toBe(first);
    entries.clear();
    expect(pieceText(cell(entries))).toBe('');
  });

  it('gives the reference text for rings (one or two runs) and for any list, in every path', () => {
    const age = fc.oneof(fc.integer({ min: 0, max: 20 }).map((k) => 15 * k), fc.integer({ min: 0, max: 2_000_000_000 }), fc.double({ min: 0, max: 1e6, noNaN: true }));
    const replicas = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.double({ min: -5, max: 1e10, noNaN: true }));
    // A ring as a stabilization window is read from its list's end: the list rotated, ages ascending in each run.
    const ring = fc
      .tuple(fc.array(fc.tuple(age, replicas), { maxLength: 40 }), fc.nat())
      .map(([list, turn]) => {
        const sorted = [...list].sort((a, b) => a[0] - b[0]);
        const at = sorted.length === 0 ? 0 : turn % sorted.length;
        return [...sorted.slice(at), ...sorted.slice(0, at)] as Entry[];
      });
    const any = fc.array(fc.tuple(age, replicas), { maxLength: 60 }) as fc.Arbitrary<Entry[]>;
    fc.assert(
      fc.property(fc.oneof(ring, any), (list) => {
        const text = expectedText(list);
        expect(pieceText(cell(entriesOf(list)))).toBe(text);
        expect(written(list, 64)).toBe(text); // in place refused: the chunked path
        expect(written(list, 1 << 16)).toBe(text);
      }),
      { numRuns: 2_000 },
    );
  });
});
