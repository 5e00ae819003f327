/**
 * A node the cluster-autoscaler is deleting stays in its scale-up simulations, through a whole run.
 * RunOnce's snapshot is built from allNodes (static_autoscaler.go initializeClusterSnapshot) and
 * nothing before the pod list processors drops a node being deleted (filterOutSchedulable runs with
 * ScheduleAnywhere; the CurrentlyDrainedNodes processor reads such a node's pods from the same
 * snapshot), so it keeps its labels there, and with them its topology domain, until it is gone, as it
 * does for the scheduler (PodTopologySpread counts tainted nodes under nodeTaintsPolicy Ignore).
 *
 * `web` may run in zone b only (nodeSelector) but counts zone a too (nodeAffinityPolicy: Ignore),
 * with maxSkew 1: while zone a's one node za-0 exists, zone b may hold one web pod, so the second
 * web pod waits (NoGroupFits: a zone b template node would make zone b 2 against zone a's 0). za-0
 * holds only `slow` (100m, 5%), which fits zb-0: za-0 is unneeded from the first loop, tainted and
 * drained at 617.5 s, and gone once `slow` has terminated (300 s: spec.startup.termination, within
 * its 600 s grace period). Upstream's CA sees zone a until then, as the scheduler does, and scales zb
 * up only once za-0 is gone; the model used to drop za-0 from the snapshot at its taint, scale up at
 * 627.5 s, and leave the new node idle for five minutes while the scheduler still counted zone a.
 */
import { describe, expect, it } from 'vitest';
import { runRecordingCa } from '../helpers/ca-recorded-run.js';
import { deploymentYaml } from '../scenario/helpers/base-scenario.js';
import { loadFolder } from '../scenario/helpers/scenario-folder.js';

const SCENARIO = [
  'apiVersion: scalesim.dev/v1alpha1',
  'kind: Scenario',
  'spec:',
  '  seed: 1',
  '  duration: 30m',
  '  startup: {termination: 300s}',
  '  nodePools:',
  '    - {name: za, count: 1, minSize: 0, maxSize: 2, cpu: "2", memory: 4Gi, labels: {topology.kubernetes.io/zone: a}, bootTime: 60s}',
  '    - {name: zb, count: 1, minSize: 1, maxSize: 3, cpu: "2", memory: 4Gi, labels: {topology.kubernetes.io/zone: b}, bootTime: 60s}',
  '  clusterAutoscaler: {expander: least-waste}',
  '',
].join('\n');

const MANIFESTS = [
  deploymentYaml(
    'web',
    2,
    '      nodeSelector: {topology.kubernetes.io/zone: b}',
    '      topologySpreadConstraints:',
    '        - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, nodeAffinityPolicy: Ignore, labelSelector: {matchLabels: {app: web}}}',
    '      containers:',
    '        - {name: c, image: x, resources: {requests: {cpu: 1500m, memory: 100Mi}}}',
  ),
  deploymentYaml(
    'slow',
    1,
    '      affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 100, preference: {matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [a]}]}}]}}',
    '      terminationGracePeriodSeconds: 600',
    '      containers:',
    '        - {name: c, image: x, resources: {requests: {cpu: 100m, memory: 100Mi}}}',
  ),
].join('---\n');

describe('a node being deleted keeps its topology domain in the scale-up simulation until it is gone', () => {
  it('scales zone b up only once za-0 is gone, and the waiting web pod binds to the new node as it registers', async () => {
    const scenario = await loadFolder({ 'scenario.yaml': SCENARIO, 'manifests/app.yaml': MANIFESTS });
    const { records, pods } = runRecordingCa(scenario);
    const removal = records.find((r) => r.removedNodes.length > 0)!;
    expect(removal.removedNodes).toEqual([{ node: 'za-0', unneededForSeconds: 610 }]);
    const slow = [...pods].find((p) => p.owner.name === 'slow' && p.node?.name === 'za-0')!;
    // Drained 5 s after the taint; its pod keeps za-0 until it has terminated, 300 s later.
    expect(slow.deletionSeconds).toBeCloseTo(removal.timeSeconds + 5, 6);
    const goneSeconds = slow.deletionSeconds! + 300;

    // Every loop while za-0 is being deleted: no group fits the waiting web pod, zone a still counting.
    const draining = records.filter((r) => r.timeSeconds > removal.timeSeconds && r.timeSeconds < goneSeconds);
    expect(draining.length).toBeGreaterThan(25);
    for (const r of draining) {
      expect(r).toMatchObject({ action: 'no-op', unschedulablePods: 1, reason: 'NoGroupFits' });
      expect(r.detail).toContain('zb: NoPodFitsTemplate: TopologySpreadConstraintsNotMatch');
    }
    const ups = records.filter((r) => r.action === 'scale-up');
    expect(ups).toHaveLength(1);
    expect(ups[0]!.group).toBe('zb');
    expect(ups[0]!.timeSeconds).toBeGreaterThan(goneSeconds);
    expect(ups[0]!.timeSeconds).toBeLessThan(goneSeconds + 10);
    // The web pod waited from t = 0 and binds to zb-1 when it registers (boot 60 s): no idle node meanwhile.
    const waiting = [...pods].find((p) => p.owner.name === 'web' && p.node?.name === 'zb-1')!;
    expect(waiting.createdSeconds).toBe(0);
    expect(waiting.boundSeconds).toBeCloseTo(ups[0]!.timeSeconds + 60, 6);
  });
});
