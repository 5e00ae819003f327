/**
 * Settings: the cartesian product in nested-loop order (first grid slowest), ids that depend on the
 * assignments only, shards that partition the indexes, and a covering set using every value.
 */
import { describe, expect, it } from 'vitest';
import type { GridAxis } from '../../src/sweep/grid.js';
import { allSettings, coveringSettings, settingAt, settingCount, shardIndexes } from '../../src/sweep/settings.js';

function axis(name: string, values: (number | string)[], target = 'HorizontalPodAutoscaler/web'): GridAxis {
  return { name, flag: `${name}=${values.join(',')}`, target, fieldPath: ['spec', name], values: values.map((v) => ({ text: String(v), value: v })) };
}

const a = axis('a', [1, 2, 3]);
const b = axis('b', ['x', 'y']);

describe('settings', () => {
  it('enumerates the product with the first axis varying slowest', () => {
    expect(settingCount([a, b])).toBe(6);
    expect(allSettings([a, b]).map((s) => s.values.join(''))).toEqual(['1x', '1y', '2x', '2y', '3x', '3y']);
    const s = settingAt([a, b], 3);
    expect(s.index).toBe(3);
    expect(s.label).toBe('a=2 b=y');
    expect(s.patches).toEqual([
      { target: 'HorizontalPodAutoscaler/web', path: ['spec', 'a'], value: 2, text: 'a=2', source: '--grid a' },
      { target: 'HorizontalPodAutoscaler/web', path: ['spec', 'b'], value: 'y', text: 'b=y', source: '--grid b' },
    ]);
  });

  it('gives ids that depend on the assignments, not on the order of the grid', () => {
    const ids = allSettings([a, b]).map((s) => s.id);
    expect(new Set(ids).size).toBe(6);
    expect(ids.every((id) => /^[0-9a-f]{12}$/.test(id))).toBe(true);
    const swapped = allSettings([b, a]);
    const byValues = new Map(swapped.map((s) => [`${s.values[1]}${s.values[0]}`, s.id]));
    expect(allSettings([a, b]).map((s) => byValues.get(s.values.join('')))).toEqual(ids);
    // Another value gives another id.
    expect(settingAt([axis('a', [9]), b], 0).id).not.toBe(settingAt([a, b], 0).id);
  });

  it('splits the indexes into shards that cover each exactly once', () => {
    const parts = [0, 1, 2].map((i) => shardIndexes(7, 3, i));
    expect(parts).toEqual([[0, 3, 6], [1, 4], [2, 5]]);
    expect(shardIndexes(2, 4, 3)).toEqual([]);
  });

  it('picks a covering set that uses every value of every axis', () => {
    const c = axis('c', [10, 20, 30, 40]);
    const cover = coveringSettings([a, b, c]);
    expect(cover.length).toBe(4);
    for (const [i, ax] of [a, b, c].entries()) {
      expect(new Set(cover.map((s) => s.values[i]))).toEqual(new Set(ax.values.map((v) => v.text)));
    }
  });
});
