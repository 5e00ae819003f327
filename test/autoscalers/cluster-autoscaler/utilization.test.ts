import { describe, expect, it } from 'vitest';
import { calculateUtilization, caNodeUtilization, isUnderutilized } from '../../../src/autoscalers/cluster-autoscaler/scale-down/utilization.js';
import { checkScaleDownEligibility } from '../../../src/autoscalers/cluster-autoscaler/scale-down/eligibility.js';
import { SCALE_DOWN_DISABLED_ANNOTATION } from '../../../src/autoscalers/cluster-autoscaler/config.js';
import { GIB, group, node, pod, template } from './builders.js';

const ds = (cpu: number) => pod('ds', cpu, 0, { ownerKind: 'DaemonSet', daemonSet: true });

describe('calculateUtilization (simulator/utilization/info.go)', () => {
  it.each([
    ['empty node', [], false, 0],
    ['cpu requests over allocatable', [pod('a', 600)], false, 0.6],
    ['DaemonSet pods count by default', [pod('a', 100), ds(500)], false, 0.6],
    ['ignored DaemonSet pods come off the allocatable too', [pod('a', 100), ds(500)], true, 0.2],
    ['mirror pods count like any pod unless ignored', [pod('m', 300, 0, { mirror: true })], false, 0.3],
  ] as const)('%s', (_name, pods, ignoreDs, expected) => {
    expect(calculateUtilization({ cpuAllocatableMillicores: 1000, memoryAllocatableBytes: 10, pods }, { ignoreDaemonSetsUtilization: ignoreDs }).utilizationRatio).toBe(expected);
  });

  it('takes the larger of cpu and memory', () => {
    const u = calculateUtilization({ cpuAllocatableMillicores: 1000, memoryAllocatableBytes: 4 * GIB, pods: [pod('a', 100, 3 * GIB)] }, { ignoreDaemonSetsUtilization: false });
    expect(u).toEqual({ cpuRatio: 0.1, memoryRatio: 0.75, utilizationRatio: 0.75, resourceName: 'memory' });
  });

  it('ignores mirror pods with ignoreMirrorPodsUtilization, and long-terminating pods', () => {
    const mirror = pod('m', 300, 0, { mirror: true });
    const leaving = pod('t', 400, 0, { deletionSeconds: 0, terminationGracePeriodSeconds: 30 });
    const u = calculateUtilization({ cpuAllocatableMillicores: 1000, memoryAllocatableBytes: 10, pods: [mirror, leaving] }, { ignoreDaemonSetsUtilization: false, ignoreMirrorPodsUtilization: true, nowSeconds: 61 });
    expect(u.cpuRatio).toBeCloseTo(0 / 700, 12);
    const stillGraceful = calculateUtilization({ cpuAllocatableMillicores: 1000, memoryAllocatableBytes: 10, pods: [leaving] }, { ignoreDaemonSetsUtilization: false, nowSeconds: 60 });
    expect(stillGraceful.cpuRatio).toBe(0.4);
  });

  it('a node with zero allocatable has utilization 0', () => {
    expect(calculateUtilization({ cpuAllocatableMillicores: 0, memoryAllocatableBytes: 0, pods: [pod('a', 1)] }, { ignoreDaemonSetsUtilization: false }).utilizationRatio).toBe(0);
  });

  it.each([
    [0.49, true],
    [0.5, false],
    [0.51, false],
    [Number.POSITIVE_INFINITY, false],
    [Number.NaN, true],
  ])('underutilized is strictly below the threshold: %s → %s', (ratio, expected) => {
    expect(isUnderutilized(ratio, 0.5)).toBe(expected);
  });

  it('ignored DaemonSet pods requesting all of a resource: 0 / 0 is NaN, which isNodeBelowUtilizationThreshold takes for below (`Utilization >= threshold` is false)', () => {
    const ds = pod('ds', 100, GIB, { ownerKind: 'DaemonSet' });
    const busy = calculateUtilization({ cpuAllocatableMillicores: 1000, memoryAllocatableBytes: GIB, pods: [pod('app', 800), ds] }, { ignoreDaemonSetsUtilization: true });
    // cpu 800 / 900; memory 0 / 0: NaN. `cpu > mem` is false against NaN, so memory's NaN is the node's.
    expect(busy.cpuRatio).toBeCloseTo(0.889, 3);
    expect(busy.resourceName).toBe('memory');
    expect(busy.utilizationRatio).toBeNaN();
    expect(isUnderutilized(busy.utilizationRatio, 0.5)).toBe(true);
  });
});

describe('checkScaleDownEligibility (eligibility.go)', () => {
  const g = group('g', template(1000, GIB));
  const options = { utilizationThresholdRatio: 0.5, ignoreDaemonSetsUtilization: false, nowSeconds: 0 };
  it.each([
    ['an underutilized node is a candidate', node('n', 'g', 1000, GIB, [pod('a', 100)]), g, 'Underutilized'],
    ['a node being deleted is not', node('n', 'g', 1000, GIB, [], { beingDeleted: true }), g, 'CurrentlyBeingDeleted'],
    ['the scale-down-disabled annotation keeps the node', node('n', 'g', 1000, GIB, [], { annotations: { [SCALE_DOWN_DISABLED_ANNOTATION]: 'true' } }), g, 'ScaleDownDisabledAnnotation'],
    ['a node of no node group is not autoscaled', node('n', 'g', 1000, GIB), undefined, 'NotAutoscaled'],
    ['a busy node is not underutilized', node('n', 'g', 1000, GIB, [pod('a', 500)]), g, 'NotUnderutilized'],
  ] as const)('%s', (_name, n, grp, reason) => {
    expect(checkScaleDownEligibility(n, grp, options).reason).toBe(reason);
  });

  it('--scale-down-unready-enabled=false keeps an unready node (ScaleDownUnreadyDisabled), a ready one is judged as before', () => {
    const unready = node('n', 'g', 1000, GIB, [pod('a', 100)], { ready: false });
    expect(checkScaleDownEligibility(unready, g, options).reason).toBe('Underutilized');
    expect(checkScaleDownEligibility(unready, g, { ...options, scaleDownUnreadyEnabled: false })).toMatchObject({ eligible: false, reason: 'ScaleDownUnreadyDisabled' });
    expect(checkScaleDownEligibility(node('n', 'g', 1000, GIB, [pod('a', 100)]), g, { ...options, scaleDownUnreadyEnabled: false }).reason).toBe('Underutilized');
    // The annotation is checked first, as upstream orders the checks.
    const annotated = node('n', 'g', 1000, GIB, [], { ready: false, annotations: { [SCALE_DOWN_DISABLED_ANNOTATION]: 'true' } });
    expect(checkScaleDownEligibility(annotated, g, { ...options, scaleDownUnreadyEnabled: false }).reason).toBe('ScaleDownDisabledAnnotation');
  });
});

describe('calculateUtilization: terminal pods', () => {
  it('Succeeded/Failed pods hold no requests', () => {
    const u = calculateUtilization({ cpuAllocatableMillicores: 1000, memoryAllocatableBytes: 10, pods: [pod('done', 800, 0, { terminal: true }), pod('a', 100)] }, { ignoreDaemonSetsUtilization: false });
    expect(u.cpuRatio).toBe(0.1);
  });
});

describe('caNodeUtilization: kept with the CaNode while it does not depend on the time', () => {
  it('hands out the same figure for the same node and options, and works it out for other options', () => {
    const n = node('n1', 'g', 1000, 10, [pod('a', 100), ds(500)]);
    const counted = caNodeUtilization(n, { ignoreDaemonSetsUtilization: false, nowSeconds: 10 });
    expect(counted.utilizationRatio).toBe(0.6);
    expect(caNodeUtilization(n, { ignoreDaemonSetsUtilization: false, nowSeconds: 99_999 })).toBe(counted);
    const ignored = caNodeUtilization(n, { ignoreDaemonSetsUtilization: true, nowSeconds: 10 });
    expect(ignored.utilizationRatio).toBe(0.2);
    expect(caNodeUtilization(n, { ignoreDaemonSetsUtilization: true, nowSeconds: 10 })).toBe(ignored);
  });

  it('works out a node with a terminating pod afresh: the pod stops counting once it is long-terminating', () => {
    const n = node('n1', 'g', 1000, 10, [pod('a', 100), pod('t', 400, 0, { deletionSeconds: 0, terminationGracePeriodSeconds: 30 })]);
    expect(caNodeUtilization(n, { ignoreDaemonSetsUtilization: false, nowSeconds: 60 }).utilizationRatio).toBe(0.5);
    expect(caNodeUtilization(n, { ignoreDaemonSetsUtilization: false, nowSeconds: 61 }).utilizationRatio).toBe(0.1);
  });
});
