/**
 * TaintToleration scoring (taint_toleration.go Score/NormalizeScore, weight 3): intolerable
 * PreferNoSchedule taints counted per node, normalized in reverse over the feasible nodes.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { placePod } from '../../src/cluster/place-pod.js';
import { intolerablePreferNoScheduleCount, normalizeReverse } from '../../src/cluster/taint-toleration-score.js';
import type { Taint, Toleration } from '../../src/scenario/types.js';
import { makeNode, makePod } from '../helpers/builders.js';

const GiB = 2 ** 30;
const prefer = (key: string, value?: string): Taint => ({ key, ...(value !== undefined ? { value } : {}), effect: 'PreferNoSchedule' });

describe('intolerablePreferNoScheduleCount', () => {
  it.each<[string, Taint[], Toleration[], number]>([
    ['no taints', [], [], 0],
    ['one PreferNoSchedule taint, no tolerations', [prefer('dedicated', 'batch')], [], 1],
    ['NoSchedule taints are not counted', [{ key: 'x', effect: 'NoSchedule' }, prefer('y')], [], 1],
    ['a matching Equal toleration', [prefer('dedicated', 'batch')], [{ key: 'dedicated', operator: 'Equal', value: 'batch' }], 0],
    ['a toleration of another value', [prefer('dedicated', 'batch')], [{ key: 'dedicated', operator: 'Equal', value: 'web' }], 1],
    ['a toleration with another effect', [prefer('dedicated', 'batch')], [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }], 1],
    ['an empty-key Exists tolerates everything', [prefer('a'), prefer('b')], [{ operator: 'Exists' }], 0],
    ['two taints, one tolerated', [prefer('a'), prefer('b')], [{ key: 'a', operator: 'Exists', effect: 'PreferNoSchedule' }], 1],
  ])('%s → %i', (_name, taints, tolerations, expected) => {
    expect(intolerablePreferNoScheduleCount(taints, tolerations)).toBe(expected);
  });
});

describe('normalizeReverse (DefaultNormalizeScore, reverse)', () => {
  it.each<[string, number[], number[]]>([
    ['no intolerable taints anywhere: 100 each', [0, 0, 0], [100, 100, 100]],
    ['one tainted node of two', [1, 0], [0, 100]],
    ['integer scaling by the largest count', [1, 2, 3, 0], [67, 34, 0, 100]],
  ])('%s', (_name, counts, expected) => {
    expect(normalizeReverse(counts)).toEqual(expected);
  });
});

describe('placePod with a PreferNoSchedule taint', () => {
  it('prefers the smaller untainted node to the larger tainted one (upstream picks b)', () => {
    // Resource plugins alone favour a (more room): 187 against 175. TaintToleration adds 3 × 100 to b.
    const a = makeNode({ name: 'a', cpuAllocatableMillicores: 4000, memoryAllocatableBytes: 8 * GiB, taints: [prefer('dedicated', 'batch')] });
    const b = makeNode({ name: 'b', cpuAllocatableMillicores: 2000, memoryAllocatableBytes: 4 * GiB });
    const pod = makePod({ cpuRequestMillicores: 500, memoryRequestBytes: 1 * GiB });
    const placement = placePod(pod, [a, b], 'LeastAllocated', new Rng(1).stream('scheduler'));
    expect(placement.node?.name).toBe('b');
    expect(placement.reason === 'Scheduled' && placement.score).toBe(175 + 300);
  });

  it('a pod that tolerates the taint still gets the larger node', () => {
    const a = makeNode({ name: 'a', cpuAllocatableMillicores: 4000, memoryAllocatableBytes: 8 * GiB, taints: [prefer('dedicated', 'batch')] });
    const b = makeNode({ name: 'b', cpuAllocatableMillicores: 2000, memoryAllocatableBytes: 4 * GiB });
    const pod = makePod({ cpuRequestMillicores: 500, memoryRequestBytes: 1 * GiB, tolerations: [{ key: 'dedicated', operator: 'Exists' }] });
    expect(placePod(pod, [a, b], 'LeastAllocated', new Rng(1).stream('scheduler')).node?.name).toBe('a');
  });

  it('a tainted node is still used when it is the only one that fits', () => {
    const a = makeNode({ name: 'a', taints: [prefer('dedicated', 'batch')] });
    const b = makeNode({ name: 'b', cpuRequestedMillicores: 4000 });
    expect(placePod(makePod(), [a, b], 'LeastAllocated', new Rng(1).stream('scheduler')).node?.name).toBe('a');
  });
});
