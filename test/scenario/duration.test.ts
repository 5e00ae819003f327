import { describe, expect, it } from 'vitest';
import { isValueFormatError } from '../../src/errors/value-format-error.js';
import { parseDuration } from '../../src/scenario/duration.js';

describe('parseDuration', () => {
  it.each([
    ['27d', 27 * 86400],
    ['2h30m', 9000],
    ['90s', 90],
    ['1d12h', 129_600],
    ['15m', 900],
    ['500ms', 0.5],
    ['1.5h', 5400],
    ['1h0m0s', 3600],
    ['250us', 0.00025],
    ['0', 0],
    ['0s', 0],
    ['42', 42],
    [42, 42],
    [0.25, 0.25],
    [' 5m ', 300],
  ])('%j → %d s', (input, expected) => {
    expect(parseDuration(input)).toBeCloseTo(expected, 9);
  });

  it.each([
    ['-30s', -30],
    ['-1h30m', -5400],
    [-5, -5],
  ])('%j → %d s where negatives are allowed', (input, expected) => {
    expect(parseDuration(input, { allowNegative: true })).toBe(expected);
  });

  it.each([
    ['-30s', 'must not be negative'],
    [-1, 'must not be negative'],
    ['5 m', 'not a duration'],
    ['5min', 'not a duration'],
    ['1h 30m', 'not a duration'],
    ['h', 'not a duration'],
    ['', 'expected a duration'],
    [Number.NaN, 'not a duration'],
    [null, 'expected a duration'],
    [[1], 'expected a duration'],
  ])('%j is rejected', (input, fragment) => {
    let caught: unknown;
    try {
      parseDuration(input);
    } catch (e) {
      caught = e;
    }
    expect(isValueFormatError(caught)).toBe(true);
    expect((caught as Error).message).toContain(fragment);
  });
});
