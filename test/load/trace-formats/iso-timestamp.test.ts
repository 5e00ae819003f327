import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValueFormatError } from '../../../src/errors/value-format-error.js';
import { formatIsoTimestamp, parseIsoTimestampSeconds } from '../../../src/load/trace-formats/iso-timestamp.js';

describe('parseIsoTimestampSeconds', () => {
  it.each([
    ['1970-01-01T00:00:00Z', 0],
    ['1995-07-01T00:00:00-04:00', 804571200],
    ['2014-04-10T00:04:00Z', 1397088240],
    ['2000-02-29T12:00:00+01:00', 951822000],
    ['2024-03-01T12:00Z', 1709294400],
    ['2024-03-01T12:00:00.250Z', 1709294400.25],
    ['2024-03-01 12:00:00+0000', 1709294400],
    ['2024-03-01T12:00:00+05', 1709276400],
    ['1969-12-31T23:59:59Z', -1],
  ])('%s → %d', (text, expected) => {
    expect(parseIsoTimestampSeconds(text)).toBeCloseTo(expected, 6);
  });

  it.each([
    ['2024-03-01T12:00:00', 'add the UTC offset'],
    ['2024-02-30T00:00:00Z', undefined],
    ['2023-02-29T00:00:00Z', undefined],
    ['2024-13-01T00:00:00Z', undefined],
    ['2024-03-01T24:00:00Z', undefined],
    ['2024-03-01T12:60:00Z', undefined],
    ['yesterday', 'write e.g.'],
    ['2024-03-01', 'write e.g.'],
    ['2024-03-01T1a:00:00Z', 'write e.g.'],
  ])('%s is rejected', (text, hint) => {
    let caught: unknown;
    try {
      parseIsoTimestampSeconds(text);
    } catch (e) {
      caught = e;
    }
    expect(isValueFormatError(caught)).toBe(true);
    if (hint) expect((caught as { hint?: string }).hint).toContain(hint);
  });

  it('agrees with Date.parse on random instants and offsets (both layouts)', () => {
    const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: -2_000_000_000, max: 4_000_000_000 }),
        fc.integer({ min: -14 * 4, max: 14 * 4 }),
        fc.boolean(),
        (epochSeconds, quarterHours, zulu) => {
          const offsetMinutes = zulu ? 0 : quarterHours * 15;
          const local = new Date((epochSeconds + offsetMinutes * 60) * 1000);
          const offset = zulu ? 'Z' : `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
          const text = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${offset}`;
          expect(parseIsoTimestampSeconds(text)).toBe(Date.parse(text) / 1000);
          expect(parseIsoTimestampSeconds(text)).toBe(epochSeconds);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('formatIsoTimestamp', () => {
  it('writes what Date.toISOString writes (whole seconds without .000), and parses back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (millis) => {
        const expected = new Date(millis).toISOString().replace('.000Z', 'Z');
        expect(formatIsoTimestamp(millis / 1000)).toBe(expected);
        if (millis % 1000 === 0) expect(parseIsoTimestampSeconds(expected)).toBe(millis / 1000);
      }),
      { numRuns: 2000, seed: 20261123 },
    );
  });

  it.each([
    [0, '1970-01-01T00:00:00Z'],
    [1704067200, '2024-01-01T00:00:00Z'],
    [951782400, '2000-02-29T00:00:00Z'],
    [1704067200.5, '2024-01-01T00:00:00.500Z'],
  ])('%s → %s', (seconds, text) => {
    expect(formatIsoTimestamp(seconds)).toBe(text);
  });

  it('gives nothing outside the years 0000–9999 or for a non-finite number', () => {
    expect(formatIsoTimestamp(-1e17)).toBeUndefined();
    expect(formatIsoTimestamp(253_402_300_800)).toBeUndefined();
    expect(formatIsoTimestamp(Number.NaN)).toBeUndefined();
  });
});
