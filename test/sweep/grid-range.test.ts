/**
 * Range items of a --grid value (`first..last..step`): the values they expand to (decimals kept
 * exact, unit suffixes kept), items that are no range and stay YAML scalars, the ranges refused
 * with the flag named, and a property: every expansion starts at first, steps by step, stays
 * within last and stops less than one step short of it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/errors/user-input-error.js';
import { expandGridRange, GridRangeProblem, MAX_RANGE_VALUES } from '../../src/sweep/grid-range.js';
import { parseGridSpec } from '../../src/sweep/grid-spec.js';

describe('expandGridRange', () => {
  it.each([
    ['40..80..10', [40, 50, 60, 70, 80]],
    ['40..45', [40, 41, 42, 43, 44, 45]],
    ['40..75..10', [40, 50, 60, 70]],
    ['5..5', [5]],
    ['-10..10..10', [-10, 0, 10]],
    ['0.1..0.5..0.1', [0.1, 0.2, 0.3, 0.4, 0.5]],
    ['0.05..0.2..0.05', [0.05, 0.1, 0.15, 0.2]],
    ['1..2..0.25', [1, 1.25, 1.5, 1.75, 2]],
  ])('expands %s to numbers', (item, numbers) => {
    expect(expandGridRange(item)!.map((v) => v.value)).toEqual(numbers);
  });

  it('shows each value with the decimals of the finest number given', () => {
    expect(expandGridRange('0.05..0.2..0.05')!.map((v) => v.text)).toEqual(['0.05', '0.10', '0.15', '0.20']);
    expect(expandGridRange('40..60..10')!.map((v) => v.text)).toEqual(['40', '50', '60']);
  });

  it('keeps a unit suffix the three numbers share, as text the field parses', () => {
    expect(expandGridRange('30s..120s..30s')).toEqual([
      { text: '30s', value: '30s' },
      { text: '60s', value: '60s' },
      { text: '90s', value: '90s' },
      { text: '120s', value: '120s' },
    ]);
    expect(expandGridRange('250m..1000m..250m')!.map((v) => v.value)).toEqual(['250m', '500m', '750m', '1000m']);
  });

  it.each(['fast', '40', '1.5', 'a..b', '1...5', '40..80..10..2', '..5', '5..', '3k'])('leaves %s alone: no range', (item) => {
    expect(expandGridRange(item)).toBeUndefined();
  });

  it.each([
    ['80..40', /runs backwards/],
    ['40..80..0', /step of 0: expected a step above 0/],
    ['40..80..-5', /step of -5/],
    ['30s..5m..30s', /mixes units \("s" and "m"\)/],
    ['1..100000', /holds 100000 values; one range gives at most 1000 \(a larger step, e.g. 1..100000..1000\)/],
  ])('refuses %s', (item, message) => {
    expect(() => expandGridRange(item)).toThrow(GridRangeProblem);
    expect(() => expandGridRange(item)).toThrow(message);
  });

  it('steps from first by step, never past last, and stops less than a step short of it', () => {
    fc.assert(
      fc.property(fc.integer({ min: -500, max: 500 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 3 }), (firstUnits, spanUnits, stepUnits, decimals) => {
        const scale = 10 ** decimals;
        const text = (units: number): string => (units / scale).toFixed(decimals);
        const values = expandGridRange(`${text(firstUnits)}..${text(firstUnits + spanUnits)}..${text(stepUnits)}`)!.map((v) => v.value as number);
        expect(values.length).toBe(Math.floor(spanUnits / stepUnits) + 1);
        values.forEach((v, i) => expect(v).toBe(Number(text(firstUnits + i * stepUnits))));
        const lastUnits = Math.round(values[values.length - 1]! * scale);
        expect(firstUnits + spanUnits - lastUnits).toBeGreaterThanOrEqual(0);
        expect(firstUnits + spanUnits - lastUnits).toBeLessThan(stepUnits);
      }),
    );
  });

  it('gives at most MAX_RANGE_VALUES values', () => {
    expect(expandGridRange(`1..${MAX_RANGE_VALUES}`)).toHaveLength(MAX_RANGE_VALUES);
    expect(() => expandGridRange(`1..${MAX_RANGE_VALUES + 1}`)).toThrow(GridRangeProblem);
  });
});

describe('parseGridSpec with ranges', () => {
  it('mixes ranges and single values in one axis, in the order written', () => {
    const spec = parseGridSpec('hpa.targetCPU=30,40..60..10,95');
    expect(spec.values).toEqual([
      { text: '30', value: 30 },
      { text: '40', value: 40 },
      { text: '50', value: 50 },
      { text: '60', value: 60 },
      { text: '95', value: 95 },
    ]);
  });

  it('refuses a value a range repeats, and a bad range, naming the flag', () => {
    for (const [flag, message] of [
      ['hpa.targetCPU=50,40..60..10', /value "50" repeats "50"/],
      ['hpa.targetCPU=60..40', /the range 60..40 runs backwards/],
    ] as const) {
      try {
        parseGridSpec(flag);
        expect.unreachable(`${flag} was taken`);
      } catch (error) {
        expect(error).toBeInstanceOf(UserInputError);
        const problem = (error as UserInputError).problems[0]!;
        expect(problem.field).toBe('--grid hpa.targetCPU');
        expect(problem.message).toMatch(message);
      }
    }
  });
});
