/**
 * The check of a stored sweep row's figures: every field of compare's row with its type and range,
 * the first problem named with what was expected (units included).
 */
import { describe, expect, it } from 'vitest';
import { CHECKED_FIELDS, rowFiguresProblem } from '../../src/sweep/row-figures-check.js';
import { figures } from '../helpers/comparison-rows.js';

describe('rowFiguresProblem', () => {
  it('checks every field of a comparison row, and passes a whole one', () => {
    expect([...CHECKED_FIELDS].sort()).toEqual(Object.keys(figures({ rolloutP95Ms: 210, longestRolloutSeconds: 75, unfinishedRollouts: 0 })).sort());
    expect(rowFiguresProblem(figures({ rolloutP95Ms: 210, longestRolloutSeconds: 75, unfinishedRollouts: 1 }))).toBeUndefined();
    expect(rowFiguresProblem(figures({ rolloutP95Ms: null, longestRolloutSeconds: 75, unfinishedRollouts: 0 }))).toBeUndefined();
    expect(rowFiguresProblem(figures({ longestRolloutSeconds: 75, unfinishedRollouts: 0 }))).toBeUndefined();
    expect(rowFiguresProblem(figures())).toBeUndefined();
    expect(rowFiguresProblem(figures({ costTotal: null, costCurrency: null, servedPercent: null, droppedPercent: null, p50Ms: null, p95Ms: null, p99Ms: null }))).toBeUndefined();
    expect(rowFiguresProblem(figures({ costByClass: { reserved: 1.5, virtual: 0 } }))).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a string for a number', { p95Ms: '12' }, 'row.p95Ms: expected milliseconds (0 or more), or null, got "12"'],
    ['a negative time', { underProvisionedSeconds: -1 }, 'row.underProvisionedSeconds: expected seconds (0 or more), got -1'],
    ['a share above 100', { servedPercent: 100.5 }, 'row.servedPercent: expected a percentage from 0 to 100, or null, got 100.5'],
    ['a fractional count', { coldStarts: 1.5 }, 'row.coldStarts: expected a whole count (0 or more), got 1.5'],
    ['a missing field', { meanNodes: undefined }, 'row.meanNodes: expected nodes (0 or more), got nothing'],
    ['a cost class that is not a number', { costByClass: { reserved: 'x' } }, 'row.costByClass: expected an object of numbers in the cost currency, by capacity class, got {"reserved":"x"}'],
    ['null where a number must be', { meanReplicas: null }, 'row.meanReplicas: expected replicas (0 or more), got null'],
    ['a negative rollout p95', { rolloutP95Ms: -3 }, 'row.rolloutP95Ms: expected milliseconds (0 or more), null, or nothing (no rollout), got -3'],
    ['a rollout length that is not a number', { longestRolloutSeconds: '75' }, 'row.longestRolloutSeconds: expected seconds (0 or more), null, or nothing (no rollout), got "75"'],
    ['a fractional count of unfinished rollouts', { unfinishedRollouts: 0.5 }, 'row.unfinishedRollouts: expected a whole count (0 or more), or nothing (no rollout), got 0.5'],
    ['a rollout p95 without the other rollout figures', { rolloutP95Ms: 200 }, 'row.longestRolloutSeconds: expected seconds (0 or more) beside the other rollout figures, got nothing'],
    ['a longest rollout without the count', { longestRolloutSeconds: 60 }, 'row.unfinishedRollouts: expected a whole count (0 or more) beside the other rollout figures, got nothing'],
  ])('%s', (_what, over, problem) => {
    expect(rowFiguresProblem({ ...figures(), ...over })).toBe(problem);
  });

  it('refuses what is not an object, and shortens a long value', () => {
    expect(rowFiguresProblem(null)).toBe('row: expected an object of figures, got null');
    expect(rowFiguresProblem([1])).toBe('row: expected an object of figures, got [1]');
    expect(rowFiguresProblem({ ...figures(), variant: 7, description: 'x'.repeat(100) })).toBe('row.variant: expected a string, got 7');
    expect(rowFiguresProblem({ ...figures(), p50Ms: 'x'.repeat(100) })).toBe(`row.p50Ms: expected milliseconds (0 or more), or null, got "${'x'.repeat(36)}...`);
  });
});
