import { describe, expect, it } from 'vitest';
import { CA_VECTOR_ADAPTERS } from '../../src/conformance/ca-adapters.js';
import { adaptCaBinpacking } from '../../src/conformance/ca-binpacking-adapter.js';
import { adaptCaScaleDownEligibility } from '../../src/conformance/ca-eligibility-adapter.js';
import { adaptCaScaleDownTiming } from '../../src/conformance/ca-timing-adapter.js';
import { runVectors } from '../../src/conformance/run-vectors.js';

describe('ca.binpacking adapter', () => {
  it.each([
    ['pods-per-node bound (upstream "pods-per-node bound binpacking")', { nodeTemplate: { cpuMilli: 10000, memMiB: 20000, maxPods: 10 }, podGroups: [{ cpuMilli: 10, memBytes: 100, count: 20 }], maxNodes: 0 }, { nodeCount: 2, scheduledPodCount: 20 }],
    ['limiter cuts binpacking', { nodeTemplate: { cpuMilli: 1000, memMiB: 5000, maxPods: 10 }, podGroups: [{ cpuMilli: 500, memBytes: 1000, count: 20 }], maxNodes: 5 }, { nodeCount: 5, scheduledPodCount: 10 }],
    ['upstream benchmark: 50 000 + 1 000 pods on 100-pod nodes', { nodeTemplate: { cpuMilli: 1000, memMiB: 5000, maxPods: 100 }, podGroups: [{ cpuMilli: 50, memBytes: 100, count: 50000 }, { cpuMilli: 95, memBytes: 190, count: 1000 }], maxNodes: 3000 }, { nodeCount: 2595, scheduledPodCount: 51000 }],
    ['template memory in bytes, host ports as a list, maxPods defaulted', { nodeTemplate: { cpuMilli: 1000, memBytes: 1e9 }, podGroups: [{ cpuMilli: 100, memMiB: 1, count: 3, hostPorts: [80] }] }, { nodeCount: 3, scheduledPodCount: 3 }],
  ])('%s', (_name, input, expected) => {
    expect(adaptCaBinpacking(input)).toMatchObject(expected);
  });

  it('reports per-group counts and why pods were left', () => {
    const out = adaptCaBinpacking({ nodeTemplate: { cpuMilli: 1000, memMiB: 5000, maxPods: 10 }, podGroups: [{ cpuMilli: 50, memBytes: 1000, count: 10 }, { cpuMilli: 500, memBytes: 1000, count: 10 }], maxNodes: 5 });
    expect(out).toMatchObject({ scheduledPodsPerGroup: [0, 10], unschedulablePodCount: 10, reason: 'NodeLimitReached' });
  });

  it('a malformed input names the field', () => {
    expect(() => adaptCaBinpacking({ nodeTemplate: { cpuMilli: 1000 }, podGroups: [] })).toThrow(/input.nodeTemplate: expected memBytes, memMiB or memGiB/);
    expect(() => adaptCaBinpacking({ nodeTemplate: { cpuMilli: 1000, memMiB: 1 }, podGroups: [{ cpuMilli: 1 }] })).toThrow(/input.podGroups\[0\].count: expected a number/);
  });
});

describe('ca.scaleDownEligibility adapter', () => {
  const node = { cpuMilli: 1000, memBytes: 10 };
  it.each([
    ['underutilized node stays', [{ cpuMilli: 100, memBytes: 0 }], false, { utilization: 0.1, underutilized: true }],
    ['ignored DaemonSet pods come off the allocatable', [{ cpuMilli: 100, memBytes: 0 }, { cpuMilli: 500, memBytes: 0, daemonSet: true }], true, { utilization: 0.2, underutilized: true }],
  ])('%s', (_name, pods, ignore, expected) => {
    expect(adaptCaScaleDownEligibility({ node, pods, ignoreDaemonSetsUtilization: ignore, scaleDownUtilizationThreshold: 0.5 })).toMatchObject(expected);
  });

  it('defaults the threshold and reports the annotation as the reason', () => {
    expect(adaptCaScaleDownEligibility({ node: { ...node, scaleDownDisabled: true }, pods: [] })).toMatchObject({ utilization: 0, underutilized: true, eligible: false, reason: 'ScaleDownDisabledAnnotation' });
  });
});

describe('ca.scaleDownTiming adapter', () => {
  it.each([
    ['exactly the unneeded time is not enough', { nodeReady: true, unneededForSeconds: 600, scaleDownUnneededTimeSeconds: 600 }, { removable: false, reason: 'NotUnneededLongEnough' }],
    ['deletions in progress count against min size', { nodeGroupSize: 4, deletionsInProgress: 1, nodeGroupMinSize: 3, unneededForSeconds: 1000 }, { removable: false, reason: 'NodeGroupMinSizeReached' }],
    ['delay-after-add still running at 599 s', { secondsSinceLastScaleUp: 599, scaleDownDelayAfterAddSeconds: 600 }, { scaleDownInCooldown: true, cooldownReason: 'ScaleDownDelayAfterAdd' }],
    ['delay-after-failure defaults to 3 min', { secondsSinceLastScaleDownFailure: 100 }, { scaleDownInCooldown: true, cooldownReason: 'ScaleDownDelayAfterFailure' }],
    ['an unready node past the unready time', { nodeReady: false, unneededForSeconds: 1201, scaleDownUnreadyTimeSeconds: 1200 }, { removable: true }],
  ])('%s', (_name, input, expected) => {
    expect(adaptCaScaleDownTiming(input)).toMatchObject(expected);
  });

  it('answers only the cooldown when the vector describes no node', () => {
    expect(adaptCaScaleDownTiming({ secondsSinceLastScaleUp: 600, scaleDownDelayAfterAddSeconds: 600 })).toEqual({ scaleDownInCooldown: false });
  });
});

describe('ca adapters in the runner', () => {
  it('registers the three §8 ca kinds', () => {
    expect(Object.keys(CA_VECTOR_ADAPTERS).sort()).toEqual(['ca.binpacking', 'ca.scaleDownEligibility', 'ca.scaleDownTiming']);
  });

  it('a malformed ca vector fails with the field path instead of crashing the run', () => {
    const [r] = runVectors([{ id: 'bad', kind: 'ca.scaleDownTiming', input: { unneededForSeconds: 'long' }, expected: {} }]);
    expect(r).toMatchObject({ pass: false, error: 'input.unneededForSeconds: expected a number, got string "long"' });
  });
});
