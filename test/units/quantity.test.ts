import { describe, expect, it } from 'vitest';
import { isValueFormatError } from '../../src/errors/value-format-error.js';
import { parseCpuMillicores, parseMemoryBytes, parseMilliValue, parseQuantity } from '../../src/units/quantity.js';

describe('parseCpuMillicores', () => {
  it.each([
    ['200m', 200],
    ['0.5', 500],
    [0.5, 500],
    ['2', 2000],
    [4, 4000],
    ['1e3', 1_000_000],
    ['1E3', 1_000_000],
    ['100k', 100_000_000],
    ['.5', 500],
    ['5.', 5000],
    ['0', 0],
    ['+1', 1000],
    ['0.0001', 1], // MilliValue rounds up
    ['1.0001m', 2],
    ['0.1', 100], // exact decimal arithmetic: no 100.00000000000001 → 101
    ['0.3', 300],
    ['150000000n', 150], // n (nano) and u (micro) as kubectl prints small values: suffix.go's decimal table
    ['500u', 1], // 0.0005 → MilliValue rounds 0.5 up
    ['2500000u', 2500],
  ])('%s → %d millicores', (input, expected) => {
    expect(parseCpuMillicores(input)).toBe(expected);
  });
});

describe('parseMemoryBytes', () => {
  it.each([
    ['512Mi', 512 * 1024 ** 2],
    ['1.5Gi', 1.5 * 1024 ** 3],
    ['16Gi', 16 * 1024 ** 3],
    ['1G', 1e9],
    ['128M', 128e6],
    ['1Ki', 1024],
    ['100k', 100_000],
    ['1e3', 1000],
    [1048576, 1048576],
    ['1500m', 2], // Value() rounds 1.5 bytes up
    ['1Ei', 2 ** 60],
  ])('%s → %d bytes', (input, expected) => {
    expect(parseMemoryBytes(input)).toBe(expected);
  });
});

describe('parseMilliValue (generic quantities, MilliValue rounding up)', () => {
  it.each([
    ['15', 15_000],
    ['500m', 500],
    ['1k', 1_000_000],
    ['0.0005', 1],
    ['-1', -1000],
    ['-0.0005', -1],
    ['2.5', 2500],
  ])('%s → %d', (input, expected) => {
    expect(parseMilliValue(input)).toBe(expected);
  });
});

describe('parseQuantity value', () => {
  it.each([
    ['0.05', 0.05],
    ['50m', 0.05],
    ['1Ki', 1024],
    ['-2', -2],
  ])('%s → %d', (input, expected) => {
    expect(parseQuantity(input).value).toBeCloseTo(expected, 12);
  });
});

describe('malformed quantities are rejected with a ValueFormatError', () => {
  it.each([
    ['200x', parseCpuMillicores, 'not a Kubernetes quantity'],
    ['-1', parseCpuMillicores, 'greater than or equal to 0'],
    ['-1Gi', parseMemoryBytes, 'greater than or equal to 0'],
    ['', parseCpuMillicores, 'empty string'],
    ['   ', parseMemoryBytes, 'empty string'],
    [Number.NaN, parseCpuMillicores, 'finite'],
    [Number.POSITIVE_INFINITY, parseMemoryBytes, 'finite'],
    ['NaN', parseCpuMillicores, 'not a Kubernetes quantity'],
    ['1.5 Gi', parseMemoryBytes, 'not a Kubernetes quantity'],
    ['1gi', parseMemoryBytes, 'not a Kubernetes quantity'],
    ['1e', parseMilliValue, 'not a Kubernetes quantity'],
    ['1..2', parseMilliValue, 'not a Kubernetes quantity'],
    ['m', parseMilliValue, 'not a Kubernetes quantity'],
    [null, parseCpuMillicores, 'expected a Kubernetes quantity'],
    [true, parseCpuMillicores, 'expected a Kubernetes quantity'],
    ['1e999', parseMilliValue, 'out of range'],
  ] as const)('%j', (input, parse, fragment) => {
    let caught: unknown;
    try {
      parse(input);
    } catch (e) {
      caught = e;
    }
    expect(isValueFormatError(caught)).toBe(true);
    expect((caught as Error).message).toContain(fragment);
  });

  it('hints at case-sensitive suffixes', () => {
    expect(() => parseMemoryBytes('1gi')).toThrow(expect.objectContaining({ hint: expect.stringContaining('case-sensitive') }));
  });
});
