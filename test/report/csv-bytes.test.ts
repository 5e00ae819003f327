import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvByteWriter, isSmallInt, writeSmallInt } from '../../src/report/csv-bytes.js';
import { csvLine, pieceText, plainCells, type Cell, type PieceCell, type RowCell } from '../../src/report/csv-line.js';

/** What the writer hands over for `rows`, as text, with a buffer of `capacityBytes`. */
function written(rows: readonly RowCell[][], capacityBytes = 1 << 16): { text: string; flushes: number } {
  const parts: Buffer[] = [];
  const writer = new CsvByteWriter((buffer, length) => parts.push(Buffer.from(buffer.subarray(0, length))), capacityBytes);
  for (const r of rows) writer.row(r);
  writer.flush();
  return { text: Buffer.concat(parts).toString('utf8'), flushes: parts.length };
}

const expected = (rows: readonly RowCell[][]): string => rows.map((r) => `${csvLine(r)}\n`).join('');

describe('CsvByteWriter numbers print as String() prints them', () => {
  it.each<[number, string]>([
    [0, '0'],
    [-0, '0'],
    [7, '7'],
    [-42, '-42'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    [2 ** 60, '1152921504606847000'],
    [1e21, '1e+21'],
    [11.001, '11.001'],
    [0.0833, '0.0833'],
    [-0.5, '-0.5'],
    [0.000001, '0.000001'],
    [5e-7, '5e-7'],
    [0.1 + 0.2, '0.30000000000000004'],
    [123456789.123456, '123456789.123456'],
    [1234567890.5, '1234567890.5'],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
  ])('%s → %s', (n, text) => {
    expect(written([[n]]).text).toBe(`${text}\n`);
  });

  it('any double, rounded to any number of decimals', () => {
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: 0, max: 8 }), (d, decimals) => {
        const rounded = Math.round(d * 10 ** decimals) / 10 ** decimals;
        const row = [d, rounded, Math.fround(d)];
        expect(written([row]).text).toBe(expected([row]));
      }),
      { numRuns: 5_000 },
    );
  });

  it('every whole number below 1,200 (the digit table and the arithmetic above it), and any small int, as String() prints it', () => {
    const bytes = new Uint8Array(16).fill(120);
    const check = (n: number): void => {
      expect(isSmallInt(n)).toBe(true);
      const end = writeSmallInt(bytes, 3, n);
      expect(Buffer.from(bytes.subarray(3, end)).toString('latin1')).toBe(String(n));
      expect(bytes[2]).toBe(120); // nothing written before `at`
    };
    for (let n = 0; n < 1_200; n++) check(n);
    check(-0);
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999 }), check), { numRuns: 2_000 });
  });

  it('integers of any size', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), fc.maxSafeInteger(), (i, big) => {
        expect(written([[i, big, -big]]).text).toBe(expected([[i, big, -big]]));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('CsvByteWriter text', () => {
  it('quotes text with commas, quotes and line breaks, as csvLine does', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('a,b', 'say "hi"', 'two\nlines', 'cr\r'))), (cells) => {
        expect(written([cells]).text).toBe(expected([cells]));
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives the same bytes through a tiny buffer that flushes inside rows and cells', () => {
    const rows: Cell[][] = Array.from({ length: 500 }, (_, i) => [i * 15.001, `hpa-${i}`, 'größe-€', i % 3 === 0 ? 'a, "q"' : '', -i / 7]);
    const small = written(rows, 64);
    expect(small.text).toBe(expected(rows));
    expect(small.flushes).toBeGreaterThan(100);
  });

  it('refuses a buffer too small for the longest number', () => {
    expect(() => new CsvByteWriter(() => {}, 32)).toThrow(/at least 64 bytes/);
  });

  it('hands over a cell longer than the buffer whole, in order', () => {
    const rows: Cell[][] = [[1, 'x'.repeat(300)], [2, 'é'.repeat(200)], [3, 'end']];
    expect(written(rows, 64).text).toBe(expected(rows));
  });
});

/** A piece cell of numbers and plain text, written in turn. */
function pieces(...parts: (number | string)[]): PieceCell {
  return {
    writePieces(out) {
      for (const p of parts) {
        if (typeof p === 'number') out.number(p);
        else out.text(p);
      }
    },
  };
}

describe('CsvByteWriter piece cells', () => {
  it('writes a piece cell as its text: numbers as String() prints them, text as it is', () => {
    const cell = pieces(3, '@-', 15, 's ', 2.5, '@-', 30.125, 's');
    expect(pieceText(cell)).toBe('3@-15s 2.5@-30.125s');
    expect(written([[1, cell, 'x']]).text).toBe('1,3@-15s 2.5@-30.125s,x\n');
    expect(csvLine([1, cell, 'x'])).toBe('1,3@-15s 2.5@-30.125s,x');
    expect(plainCells([1, cell])).toEqual([1, '3@-15s 2.5@-30.125s']);
    expect(written([[pieces()]]).text).toBe('\n');
  });

  it('gives the same bytes through a tiny buffer that flushes inside a piece cell', () => {
    const rows: RowCell[][] = Array.from({ length: 300 }, (_, i) => [i, pieces(...Array.from({ length: i % 25 }, (_, k) => [k, '@-', k * 15.5, 's '] as const).flat())]);
    const small = written(rows, 64);
    expect(small.text).toBe(expected(rows));
    expect(small.flushes).toBeGreaterThan(100);
  });

  it('refuses a piece that would need quotes or is not ASCII (the PieceCell contract)', () => {
    expect(() => written([[pieces('a,b')]])).toThrow(/pieces must be ASCII without quote, comma or line break/);
    expect(() => written([[pieces('é')]])).toThrow(/pieces must be ASCII/);
  });

  it('copies a piece of ASCII bytes as they are, across flushes, in both paths', () => {
    const bytes = Buffer.from('12@-15s 3@-30s '.repeat(20), 'latin1');
    const cell: PieceCell = {
      writePieces(out) {
        out.number(7);
        out.ascii(bytes, bytes.length - 1);
        out.text(' end');
      },
    };
    const text = `7${'12@-15s 3@-30s '.repeat(20).slice(0, -1)} end`;
    expect(pieceText(cell)).toBe(text);
    const small = written([[1, cell, 2]], 64);
    expect(small.text).toBe(`1,${text},2\n`);
    expect(small.flushes).toBeGreaterThan(4);
  });

  it('lets a cell write bytes in place: after a flush when the room left is short, the same text in both paths', () => {
    const fill = (count: number, bytes: Uint8Array, at: number): number => {
      for (let i = 0; i < count; i++) bytes[at + i] = 48 + (i % 10);
      return at + count;
    };
    const inPlace = (count: number, maxBytes = count): PieceCell => ({
      writePieces(out) {
        out.text('<');
        expect(out.inPlace(maxBytes, count, fill)).toBe(true);
        out.text('>');
      },
    });
    const rows: RowCell[][] = Array.from({ length: 40 }, (_, i) => [i, inPlace(i, i + 5)]);
    const text = rows.map(([i]) => `${i},<${Array.from({ length: i as number }, (_, k) => k % 10).join('')}>\n`).join('');
    expect(rows.map((r) => `${plainCells(r).join(',')}\n`).join('')).toBe(text);
    const small = written(rows, 64);
    expect(small.text).toBe(text);
    expect(small.flushes).toBeGreaterThan(10);
    expect(written(rows).text).toBe(text);
  });

  it('refuses in place writes larger than the buffer (the cell writes its text another way) and fills that overrun their room', () => {
    let answer: boolean | undefined;
    const tooLarge: PieceCell = {
      writePieces(out) {
        answer = out.inPlace(65, 0, (_c, _b, at) => at);
        out.text('x');
      },
    };
    expect(written([[tooLarge]], 64).text).toBe('x\n');
    expect(answer).toBe(false);
    const overrun: PieceCell = { writePieces: (out) => void out.inPlace(3, 0, (_c, _b, at) => at + 4) };
    expect(() => written([[overrun]])).toThrow(/wrote up to index 4 in place, outside 0\.\.3/);
    expect(() => pieceText(overrun)).toThrow(/in place, outside/);
  });

  it('refuses ASCII bytes that would need quotes or are not ASCII', () => {
    for (const bad of [',', '"', '\n', '\r', 'é']) {
      const bytes = Buffer.from(`3@-15s${bad}`, 'latin1');
      expect(() => written([[{ writePieces: (out) => out.ascii(bytes, bytes.length) }]])).toThrow(/pieces must be ASCII without quote, comma or line break/);
    }
  });
});

describe('CsvByteWriter rows that repeat the row before', () => {
  /** A piece cell whose text changes from one write to the next, though it is the same object. */
  function counter(): PieceCell {
    let n = 0;
    return { writePieces: (out) => out.text(`n${n++}`) };
  }

  it('gives the bytes of writing every cell again, whatever repeats, through any buffer size', () => {
    const pool: RowCell[] = [0, -0, 7, 15.001, -3.5, 123456789, '', 'hpa', 'web-frontend', 'ReadyForNewScale', 'a, "q"', 'größe-€', 'x'.repeat(40), pieces(3, '@-', 15, 's')];
    const rowArb = fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { minLength: 1, maxLength: 12 }).map((ix) => ix.map((i) => pool[i]!));
    // Rows of one length mostly repeat their cells: each row is a copy of the one before with a few cells changed.
    const rowsArb = fc
      .tuple(rowArb, fc.array(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: pool.length - 1 })), { maxLength: 3 }), { maxLength: 60 }), fc.array(rowArb, { maxLength: 3 }))
      .map(([first, edits, others]) => {
        const rows: RowCell[][] = [first];
        for (const edit of edits) {
          const next = rows[rows.length - 1]!.slice();
          for (const [at, v] of edit) next[at % next.length] = pool[v]!;
          rows.push(next);
        }
        return [...rows, ...others, ...rows.slice(0, 5)];
      });
    fc.assert(
      fc.property(rowsArb, fc.constantFrom(64, 100, 256, 1 << 16), (rows, capacity) => {
        expect(written(rows, capacity).text).toBe(expected(rows));
      }),
      { numRuns: 1_500 },
    );
  });

  it('writes a piece cell again at every row, even the same object (its text may have changed)', () => {
    const cell = counter();
    const long = 'ReadyForNewScale,ValidMetricFound'.replace(',', ';');
    const rows: RowCell[][] = Array.from({ length: 4 }, () => [long, long, cell, long, long]);
    expect(written(rows).text).toBe([0, 1, 2, 3].map((n) => `${long},${long},n${n},${long},${long}\n`).join(''));
  });

  it('writes -0 after 0, and a string equal to the one before but another object, as the same text', () => {
    const a = ['web', 'frontend'].join('-').repeat(4);
    const b = ['web-front', 'end'].join('').repeat(4);
    const rows: RowCell[][] = [
      [0, a, a, 1],
      [-0, b, b, 1],
      [0, b, a, 2],
    ];
    expect(written(rows).text).toBe(`0,${a},${a},1\n0,${a},${a},1\n0,${a},${a},2\n`);
  });
});
