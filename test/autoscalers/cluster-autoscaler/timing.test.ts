import { describe, expect, it } from 'vitest';
import { cropToBudgets } from '../../../src/autoscalers/cluster-autoscaler/scale-down/budgets.js';
import { minSizeReason, scaleDownCooldown, scaleDownTiming, unneededTimeReason, type ScaleDownTimingInput } from '../../../src/autoscalers/cluster-autoscaler/scale-down/timing.js';

const NOW = 5000;
const delays = { scaleDownDelayAfterAddSeconds: 600, scaleDownDelayAfterFailureSeconds: 180, scaleDownDelayAfterDeleteSeconds: 0 };

describe('scale-down timers (nodes.go, static_autoscaler.go)', () => {
  it.each([
    [true, 600, 'NotUnneededLongEnough'],
    [true, 601, undefined],
    [false, 1200, 'NotUnreadyLongEnough'],
    [false, 1201, undefined],
  ] as const)('ready=%s unneeded for %s s → %s', (ready, age, reason) => {
    expect(unneededTimeReason({ ready, unneededSinceSeconds: NOW - age, nowSeconds: NOW, unneededTimeSeconds: 600, unreadyTimeSeconds: 1200 })).toBe(reason);
  });

  // nodes.go unremovableReason checks the timer only when removalThreshold > 0: a time of 0 lets a
  // node go in the loop that found it unneeded (since == now), where `since + 0 < now` would not.
  it.each([
    [true, 0, 1200, undefined],
    [false, 600, 0, undefined],
    [false, 0, 1200, 'NotUnreadyLongEnough'],
  ] as const)('ready=%s, unneeded time %s s, unready time %s s, unneeded since now → %s', (ready, unneededTimeSeconds, unreadyTimeSeconds, reason) => {
    expect(unneededTimeReason({ ready, unneededSinceSeconds: NOW, nowSeconds: NOW, unneededTimeSeconds, unreadyTimeSeconds })).toBe(reason);
  });

  it.each([
    [3, 0, 3, 'NodeGroupMinSizeReached'],
    [4, 1, 3, 'NodeGroupMinSizeReached'],
    [4, 0, 3, undefined],
  ] as const)('size %s − %s deletions vs min %s → %s', (size, deletions, min, reason) => {
    expect(minSizeReason(size, deletions, min)).toBe(reason);
  });

  it.each([
    [{ lastScaleUpSeconds: NOW - 599 }, 'ScaleDownDelayAfterAdd'],
    [{ lastScaleUpSeconds: NOW - 600 }, undefined],
    [{ lastScaleDownFailureSeconds: NOW - 179 }, 'ScaleDownDelayAfterFailure'],
    [{ lastScaleDownFailureSeconds: NOW - 180 }, undefined],
    [{ lastDeleteSeconds: NOW }, undefined],
    [{ disabledForLoop: true }, 'ScaleDownDisabledForLoop'],
    [{ disabledForLoop: true, lastScaleUpSeconds: NOW - 10 }, 'ScaleDownDisabledForLoop'],
    [{ disabledForLoop: false }, undefined],
    [{}, undefined],
  ] as const)('cooldown %j → %s', (events, reason) => {
    expect(scaleDownCooldown({ nowSeconds: NOW, ...delays, ...events })).toEqual({ inCooldown: reason !== undefined, reason });
  });

  const base: ScaleDownTimingInput = {
    nowSeconds: NOW,
    ready: true,
    unneededForSeconds: 700,
    unneededTimeSeconds: 600,
    unreadyTimeSeconds: 1200,
    scaleDownDisabled: false,
    groupSize: 4,
    groupMinSize: 3,
    deletionsInProgress: 0,
    cooldown: delays,
  };
  it.each([
    ['all checks pass', {}, true, undefined],
    ['cooldown first: no removal at all', { cooldown: { ...delays, lastScaleUpSeconds: NOW - 10 }, scaleDownDisabled: true }, false, 'ScaleDownInCooldown'],
    ['the annotation', { scaleDownDisabled: true }, false, 'ScaleDownDisabledAnnotation'],
    ['the timer before the min size', { unneededForSeconds: 10, groupSize: 3 }, false, 'NotUnneededLongEnough'],
    ['the min size', { groupSize: 3 }, false, 'NodeGroupMinSizeReached'],
  ] as const)('scaleDownTiming: %s', (_name, extra, removable, reason) => {
    expect(scaleDownTiming({ ...base, ...extra })).toMatchObject({ removable, reason });
  });
});

describe('cropToBudgets (budgets.go)', () => {
  const n = (name: string, group: string) => ({ name, group });
  it('takes nodes group by group, empty first, drains within the drain budget', () => {
    const r = cropToBudgets({
      empty: [n('a1', 'a'), n('b1', 'b'), n('a2', 'a')],
      drain: [n('d1', 'a'), n('d2', 'a')],
      maxScaleDownParallelism: 3,
      maxDrainParallelism: 5,
      deletionsInProgress: 0,
      drainsInProgress: 0,
    });
    expect(r.empty.map((x) => x.name)).toEqual(['a1', 'a2', 'b1']);
    expect(r.drain).toEqual([]);
    expect(r.deferred.map((x) => x.name)).toEqual(['d1', 'd2']);
  });

  it('deletions in flight use the budgets first', () => {
    const r = cropToBudgets({ empty: [n('e', 'a')], drain: [n('d', 'a')], maxScaleDownParallelism: 10, maxDrainParallelism: 1, deletionsInProgress: 9, drainsInProgress: 0 });
    expect([r.empty.length, r.drain.length]).toEqual([1, 0]);
  });
});
