/** Picking each autoscaler's decision nearest a time: ties go earlier; before the first and after the last. */
import { describe, expect, it } from 'vitest';
import { isNearer, NearestDecisionPicker, type PickableRow } from '../../src/explain/nearest-decision.js';
import { isUserInputError } from '../../src/errors/user-input-error.js';

const row = (controller: string, name: string, timeSeconds: number, line = 0): PickableRow => ({ controller, name, timeSeconds, line });

function pick(atSeconds: number, rows: PickableRow[]) {
  const picker = new NearestDecisionPicker<PickableRow>(atSeconds, 'decisions.csv');
  for (const r of rows) picker.add(r);
  return picker.picks().map((p) => ({ key: p.key, at: p.decision.timeSeconds, previous: p.previous?.timeSeconds }));
}

describe('isNearer', () => {
  it.each([
    ['strictly nearer wins', 12, 20, 10, true],
    ['farther loses', 20, 12, 10, false],
    ['a tie goes to the earlier one', 5, 15, 10, true],
    ['a tie never replaces an earlier incumbent', 15, 5, 10, false],
    ['float noise is not a difference (0.3 − 0.2 vs 0.2 − 0.1)', 0.1, 0.3, 0.2, true],
  ])('%s', (_name, candidate, incumbent, at, expected) => {
    expect(isNearer(candidate, incumbent, at)).toBe(expected);
  });
});

describe('NearestDecisionPicker', () => {
  const hpa = [0, 15, 30, 45].map((t) => row('hpa', 'web', t));

  it('picks the nearest sync and the one before it', () => {
    expect(pick(32, hpa)).toEqual([{ key: 'hpa/web', at: 30, previous: 15 }]);
  });

  it('on a tie picks the earlier sync', () => {
    expect(pick(22.5, hpa)).toEqual([{ key: 'hpa/web', at: 15, previous: 0 }]);
  });

  it('before the first decision picks the first, with no previous', () => {
    expect(pick(0, [row('hpa', 'web', 11), row('hpa', 'web', 26)])).toEqual([{ key: 'hpa/web', at: 11, previous: undefined }]);
  });

  it('after the last decision picks the last', () => {
    expect(pick(1000, hpa)).toEqual([{ key: 'hpa/web', at: 45, previous: 30 }]);
  });

  it('picks per autoscaler, ordered keda, hpa, ca, then by name', () => {
    const rows = [row('ca', 'cluster-autoscaler', 10), row('hpa', 'b', 12), row('keda', 'web', 14), row('hpa', 'a', 16), row('hpa', 'b', 27)];
    expect(pick(25, rows)).toEqual([
      { key: 'keda/web', at: 14, previous: undefined },
      { key: 'hpa/a', at: 16, previous: undefined },
      { key: 'hpa/b', at: 27, previous: 12 },
      { key: 'ca/cluster-autoscaler', at: 10, previous: undefined },
    ]);
  });

  it('an HPA and a ScaledObject with the same name stay apart', () => {
    expect(pick(5, [row('hpa', 'web', 4), row('keda', 'web', 6)]).map((p) => p.key)).toEqual(['keda/web', 'hpa/web']);
  });

  it('for rows in force until the next, keeps the row after the pick: the next change', () => {
    const picker = new NearestDecisionPicker<PickableRow>(86, 'decisions.csv', (r) => r.controller === 'hpa');
    for (const r of [row('hpa', 'web', 11), row('hpa', 'web', 86.001), row('hpa', 'web', 1001), row('ca', 'cluster-autoscaler', 80), row('ca', 'cluster-autoscaler', 90)]) picker.add(r);
    expect(picker.picks().map((p) => [p.key, p.decision.timeSeconds, p.previous?.timeSeconds, p.next?.timeSeconds])).toEqual([
      ['hpa/web', 11, undefined, 86.001],
      // Rows picked by nearness keep no next.
      ['ca/cluster-autoscaler', 90, 80, undefined],
    ]);
    const last = new NearestDecisionPicker<PickableRow>(2000, 'decisions.csv', () => true);
    for (const t of [11, 86.001, 1001]) last.add(row('hpa', 'web', t));
    expect(last.picks()[0]?.next).toBeUndefined();
  });

  it('rejects one autoscaler going back in time, naming the line', () => {
    const picker = new NearestDecisionPicker<PickableRow>(10, 'x/decisions.csv');
    picker.add(row('hpa', 'web', 15, 2));
    let error: unknown;
    try {
      picker.add(row('hpa', 'web', 5, 3));
    } catch (e) {
      error = e;
    }
    expect(isUserInputError(error)).toBe(true);
    expect(String((error as Error).message)).toContain('x/decisions.csv:3: time_s: expected the rows of hpa/web in time order');
  });
});
