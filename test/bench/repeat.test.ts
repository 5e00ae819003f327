/** `npm run bench -- --repeat N`: the median run and the spread, and the flag's checks. */
import { describe, expect, it } from 'vitest';
import { medianBy, parseRepeat } from '../../src/bench/repeat.js';

describe('medianBy', () => {
  const run = (name: string, wall: number) => ({ name, wall });

  it.each([
    ['one run', [run('a', 2)], 'a', 2, 2],
    ['odd: the middle', [run('a', 3), run('b', 1), run('c', 2)], 'c', 1, 3],
    ['even: the lower middle (a run that happened, not an average)', [run('a', 4), run('b', 1), run('c', 3), run('d', 2)], 'd', 1, 4],
    ['ties in input order (a stable sort)', [run('a', 5), run('b', 5), run('c', 9)], 'b', 5, 9],
  ])('%s', (_name, runs, median, min, max) => {
    const pick = medianBy(runs, (r) => r.wall);
    expect(pick.median.name).toBe(median);
    expect([pick.minKey, pick.maxKey, pick.runs]).toEqual([min, max, runs.length]);
  });

  it('does not reorder its input', () => {
    const runs = [run('a', 3), run('b', 1)];
    medianBy(runs, (r) => r.wall);
    expect(runs.map((r) => r.name)).toEqual(['a', 'b']);
  });
});

describe('parseRepeat', () => {
  it.each([
    ['1', 1],
    ['3', 3],
    ['20', 20],
  ])('accepts %s', (text, n) => expect(parseRepeat(text)).toBe(n));

  it.each([[undefined], ['0'], ['21'], ['2.5'], ['three'], ['']])('refuses %s', (text) => {
    expect(parseRepeat(text)).toMatch(/^--repeat: expected a whole number from 1 to 20, got "/);
  });
});
