/**
 * The taint manager's eviction time for a pod (pkg/controller/tainteviction processPodOnNode,
 * getMinTolerationTime, v1helper.GetMatchingTolerations) after the DefaultTolerationSeconds
 * admission plugin: table tests, and a property that the default never shortens a pod's own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admittedTolerations, DEFAULT_TOLERATION_SECONDS, taintEviction } from '../../src/cluster/taint-eviction.js';
import type { Taint, Toleration } from '../../src/scenario/types.js';

const UNREACHABLE_NO_EXECUTE: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const UNREACHABLE_NO_SCHEDULE: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' };
const DEDICATED_NO_EXECUTE: Taint = { key: 'dedicated', value: 'batch', effect: 'NoExecute' };

const unreachableFor = (tolerationSeconds?: number): Toleration => ({
  key: 'node.kubernetes.io/unreachable',
  operator: 'Exists',
  effect: 'NoExecute',
  ...(tolerationSeconds !== undefined ? { tolerationSeconds } : {}),
});

describe('admittedTolerations (DefaultTolerationSeconds admission plugin)', () => {
  it('appends not-ready and unreachable NoExecute for 300 s to a pod with neither', () => {
    expect(admittedTolerations([])).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    expect(DEFAULT_TOLERATION_SECONDS).toBe(300);
  });

  it.each<[string, Toleration[], string[]]>([
    ['its own unreachable toleration: only not-ready is added', [unreachableFor(30)], ['node.kubernetes.io/not-ready']],
    ['a blanket toleration (empty key, empty effect) covers both', [{ operator: 'Exists' }], []],
    ['an empty key with effect NoExecute covers both', [{ operator: 'Exists', effect: 'NoExecute' }], []],
    ['an unreachable toleration of effect NoSchedule covers neither (the effect is read)', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }], ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']],
    ['an Equal toleration of the key counts too (the operator is not read)', [{ key: 'node.kubernetes.io/unreachable', operator: 'Equal', effect: 'NoExecute' }], ['node.kubernetes.io/not-ready']],
    ['another key covers neither', [{ key: 'dedicated', operator: 'Exists' }], ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']],
  ])('%s', (_name, tolerations, added) => {
    const result = admittedTolerations(tolerations);
    expect(result.slice(0, tolerations.length)).toEqual(tolerations);
    expect(result.slice(tolerations.length).map((t) => [t.key, t.tolerationSeconds])).toEqual(added.map((k) => [k, 300]));
  });
});

describe('taintEviction (processPodOnNode)', () => {
  it.each<[string, Toleration[], Taint[], string, number | undefined]>([
    ['no NoExecute taint: nothing scheduled', [], [UNREACHABLE_NO_SCHEDULE], 'none', undefined],
    ['the admission default: 300 s', admittedTolerations([]), [UNREACHABLE_NO_SCHEDULE, UNREACHABLE_NO_EXECUTE], 'after', 300],
    ['its own 30 s', admittedTolerations([unreachableFor(30)]), [UNREACHABLE_NO_EXECUTE], 'after', 30],
    ['its own toleration without seconds: never', admittedTolerations([unreachableFor()]), [UNREACHABLE_NO_EXECUTE], 'never', undefined],
    ['a blanket Exists: never', admittedTolerations([{ operator: 'Exists' }]), [UNREACHABLE_NO_EXECUTE], 'never', undefined],
    ['0 s: after no time (getMinTolerationTime 0)', admittedTolerations([unreachableFor(0)]), [UNREACHABLE_NO_EXECUTE], 'after', 0],
    ['negative seconds: after no time', admittedTolerations([unreachableFor(-5)]), [UNREACHABLE_NO_EXECUTE], 'after', 0],
    ['an untolerated NoExecute taint: at once', admittedTolerations([]), [UNREACHABLE_NO_EXECUTE, DEDICATED_NO_EXECUTE], 'now', undefined],
    ['the smallest seconds over the taints', admittedTolerations([{ key: 'dedicated', operator: 'Equal', value: 'batch', effect: 'NoExecute', tolerationSeconds: 600 }, unreachableFor(120)]), [UNREACHABLE_NO_EXECUTE, DEDICATED_NO_EXECUTE], 'after', 120],
    ['one taint tolerated forever, the other for 45 s: 45 s', admittedTolerations([{ key: 'dedicated', operator: 'Exists' }, unreachableFor(45)]), [UNREACHABLE_NO_EXECUTE, DEDICATED_NO_EXECUTE], 'after', 45],
    ['the first matching toleration per taint counts (blanket first): never', admittedTolerations([{ operator: 'Exists' }, unreachableFor(30)]), [UNREACHABLE_NO_EXECUTE], 'never', undefined],
    ['the first matching toleration per taint counts (30 s first): 30 s', admittedTolerations([unreachableFor(30), { operator: 'Exists' }]), [UNREACHABLE_NO_EXECUTE], 'after', 30],
  ])('%s', (_name, tolerations, taints, kind, delaySeconds) => {
    const eviction = taintEviction(tolerations, taints);
    expect(eviction.kind).toBe(kind);
    expect(eviction.kind === 'after' ? eviction.delaySeconds : undefined).toBe(delaySeconds);
    expect(eviction.reason.length).toBeGreaterThan(0);
  });

  it('property: a pod that sets no unreachable toleration waits exactly the default; one that does gets its own seconds (or never), whatever the default', () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: -10, max: 100_000 }), { nil: undefined }), fc.integer({ min: 1, max: 100_000 }), fc.boolean(), (own, defaultSeconds, setsOwn) => {
        const tolerations = setsOwn ? [unreachableFor(own)] : [];
        const eviction = taintEviction(admittedTolerations(tolerations, defaultSeconds), [UNREACHABLE_NO_SCHEDULE, UNREACHABLE_NO_EXECUTE]);
        if (!setsOwn) return eviction.kind === 'after' && eviction.delaySeconds === defaultSeconds;
        if (own === undefined) return eviction.kind === 'never';
        if (own <= 0) return eviction.kind === 'after' && eviction.delaySeconds === 0;
        return eviction.kind === 'after' && eviction.delaySeconds === own;
      }),
    );
  });
});
