/** The stabilization window cell of decisions.csv: youngest first, ties in list order, only the records inside. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StabilizationWindow } from '../../src/autoscalers/hpa/recommendation-history.js';
import { WindowCell, windowText } from '../../src/engine/window-text.js';
import { CsvByteWriter } from '../../src/report/csv-bytes.js';

const NOW = 900;
const rec = (replicas: number, ageSeconds: number) => ({ replicas, timestampSeconds: NOW - ageSeconds });

/** The cell as a file sink writes it, through a buffer of `capacityBytes` (the row's line break dropped). */
function writtenCell(window: StabilizationWindow, capacityBytes: number): string {
  const parts: Buffer[] = [];
  const writer = new CsvByteWriter((buffer, length) => parts.push(Buffer.from(buffer.subarray(0, length))), capacityBytes);
  writer.row([new WindowCell(window)]);
  writer.flush();
  return Buffer.concat(parts).toString('utf8').slice(0, -1);
}

/** The text from the window's entries (list order): a stable sort by age, each as String() prints its numbers. */
function expectedText(window: StabilizationWindow): string {
  const order = window.entries().map((e, i) => ({ e, i }));
  order.sort((a, b) => a.e.ageSeconds - b.e.ageSeconds || a.i - b.i);
  return order.map(({ e }) => `${e.replicas}@-${e.ageSeconds}s`).join(' ');
}

describe('windowText', () => {
  it('writes replicas@-age, youngest first', () => {
    const window = new StabilizationWindow([rec(3, 45), rec(5, 15), rec(4, 30)], NOW, 300, true);
    expect(windowText(window)).toBe('5@-15s 4@-30s 3@-45s');
  });

  it('keeps list order for equal ages (a stable sort)', () => {
    const window = new StabilizationWindow([rec(7, 30), rec(2, 15), rec(9, 30), rec(1, 15)], NOW, 300, true);
    expect(windowText(window)).toBe('2@-15s 1@-15s 7@-30s 9@-30s');
  });

  it('leaves out the records outside the bound: inclusive (legacy) or strict (behavior)', () => {
    const records = [rec(1, 300), rec(2, 301), rec(3, 0)];
    expect(windowText(new StabilizationWindow(records, NOW, 300, true))).toBe('3@-0s 1@-300s');
    expect(windowText(new StabilizationWindow(records, NOW, 300, false))).toBe('3@-0s');
  });

  it('is empty for an empty window, and the same text on a second write', () => {
    expect(windowText(StabilizationWindow.EMPTY)).toBe('');
    const window = new StabilizationWindow(Array.from({ length: 30 }, (_, i) => rec(i, 15 * ((i * 7) % 30))), NOW, 1e9, true);
    const first = windowText(window);
    expect(windowText(window)).toBe(first);
    expect(first.split(' ')).toHaveLength(30);
    expect(first.startsWith('0@-0s ')).toBe(true);
  });

  it('matches the entries sorted by age', () => {
    const window = new StabilizationWindow([rec(4, 90), rec(6, 15), rec(5, 60), rec(8, 400)], NOW, 300, false);
    const entries = window.entries().sort((a, b) => a.ageSeconds - b.ageSeconds);
    expect(windowText(window)).toBe(entries.map((e) => `${e.replicas}@-${e.ageSeconds}s`).join(' '));
  });

  it('prints numbers that are not small whole numbers as String() does, between whole-number entries', () => {
    const window = new StabilizationWindow([rec(3, 15), rec(2.5, 30), rec(4, 45.125), rec(1e10, 60), rec(5, 75)], NOW, 300, true);
    expect(windowText(window)).toBe('3@-15s 2.5@-30s 4@-45.125s 10000000000@-60s 5@-75s');
    expect(writtenCell(window, 64)).toBe(windowText(window));
  });

  it('writes a window longer than its scratch chunk whole, through any buffer size', () => {
    // 700 entries of up to 12 bytes: more than one 4 KiB chunk, and many 64-byte flushes.
    const window = new StabilizationWindow(Array.from({ length: 700 }, (_, i) => rec(100 + (i % 900), 3 * i)), NOW, 1e9, true);
    const text = windowText(window);
    expect(text.length).toBeGreaterThan(4096);
    expect(text).toBe(expectedText(window));
    expect(writtenCell(window, 64)).toBe(text);
    expect(writtenCell(window, 1 << 16)).toBe(text);
  });

  it('gives the text of a stable sort by age for any records, in the string and byte paths', () => {
    const number = fc.oneof(
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 2_000_000_000 }),
      fc.double({ min: -1e6, max: 1e12, noNaN: true, noDefaultInfinity: true }),
    );
    const records = fc.array(fc.record({ replicas: number, timestampSeconds: fc.oneof(fc.integer({ min: -500, max: NOW }), number) }), { maxLength: 60 });
    fc.assert(
      fc.property(records, fc.integer({ min: 0, max: 1000 }), fc.boolean(), (list, boundSeconds, inclusive) => {
        const window = new StabilizationWindow(list, NOW, boundSeconds, inclusive);
        const text = windowText(window);
        expect(text).toBe(expectedText(window));
        expect(writtenCell(window, 64)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
