/**
 * A node group too many of whose nodes are not Ready is not safe to scale up
 * (clusterstate.go IsNodeGroupHealthy, read by IsNodeGroupSafeToScaleUp), through a whole run:
 * five new workers all fail to become Ready (a nodeBootFailure), their scale-up request times out
 * and backs the group off; the group is unhealthy too (0 Ready of the 5 its target counts, no request
 * open to excuse them), which outlasts the backoff, so the pending pods wait until the
 * cluster-autoscaler has removed the Unready nodes.
 */
import { describe, expect, it } from 'vitest';
import { runRecordingCa } from '../helpers/ca-recorded-run.js';
import { deploymentYaml } from '../scenario/helpers/base-scenario.js';
import { loadFolder } from '../scenario/helpers/scenario-folder.js';

async function run() {
  const scenario = [
    'apiVersion: scalesim.dev/v1alpha1',
    'kind: Scenario',
    'spec:',
    '  seed: 1',
    '  duration: 90m',
    '  nodePools:',
    '    - {name: fixed, count: 10, cpu: "2", memory: 4Gi}',
    '    - {name: workers, count: 0, minSize: 0, maxSize: 8, cpu: "2", memory: 4Gi, bootTime: 60s}',
    '  clusterAutoscaler: {expander: least-waste}',
    '  faults:',
    '    - nodeBootFailure: {pool: workers, probability: 1, to: 10m}',
    '',
  ].join('\n');
  // 15 pods of 1500m: one per fixed node, five pending at t = 0.
  const app = deploymentYaml('app', 15, '      containers:', '        - {name: c, image: x, resources: {requests: {cpu: 1500m, memory: 100Mi}}}');
  return runRecordingCa(await loadFolder({ 'scenario.yaml': scenario, 'manifests/app.yaml': app }));
}

describe('a node group whose nodes never become Ready', () => {
  it('is skipped as NodeGroupUnhealthy after its backoff, until its Unready nodes are gone', async () => {
    const { records } = await run();
    const ups = records.filter((r) => r.action === 'scale-up');
    expect(ups[0]).toMatchObject({ group: 'workers', nodesBefore: 0, nodesAfter: 5 });
    const timeout = records.find((r) => r.detail.startsWith('scale-up timed out: workers'))!;
    expect(timeout.timeSeconds).toBeCloseTo(ups[0]!.timeSeconds + 910, 6);
    // The pending pods need a node again once the workers are Unready (15 min after registering, 60 s
    // after the scale-up): the group is then both unhealthy (5 short of 5, more than 3 and than 45% of
    // 5) and backed off (until the timeout + 300 s), and IsNodeGroupReadyToScaleUp names unhealthy first.
    const unhealthy = records.filter((r) => r.reason === 'AllGroupsNotSafeToScaleUp');
    expect(unhealthy.length).toBeGreaterThan(50);
    expect(unhealthy[0]!.timeSeconds).toBeCloseTo(ups[0]!.timeSeconds + 960, 6);
    expect(unhealthy[0]!.timeSeconds).toBeLessThan(timeout.timeSeconds + 300);
    expect(records.some((r) => r.detail.includes('BackedOff'))).toBe(false);
    for (const r of unhealthy) expect(r.detail).toMatch(/^skipped workers: NodeGroupUnhealthy(;|$)/);
    // The next scale-up comes only once scale-down has removed the Unready nodes (the group's target is 0 again).
    const removals = records.filter((r) => r.removedNodes.some((n) => n.node.startsWith('workers-')));
    expect(removals.length).toBeGreaterThan(0);
    expect(ups[1]!.timeSeconds).toBeGreaterThan(removals[0]!.timeSeconds);
    expect(ups[1]!.timeSeconds).toBeGreaterThan(unhealthy.at(-1)!.timeSeconds);
  });
});
