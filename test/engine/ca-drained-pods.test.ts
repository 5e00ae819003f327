/**
 * A drain that a PodDisruptionBudget slows down, through a whole run: the pod still waiting for its
 * eviction on the node being drained counts as pending in each cluster-autoscaler loop
 * (currentlyDrainedNodesPodListProcessor), takes free room elsewhere in the loop's snapshot
 * (filterOutSchedulable), and scale-down's planner, later in the same loop, sees that room taken.
 *
 * Three one-CPU nodes, one per pool (px-0, py-0, pz-0; py at its min size, so never a candidate),
 * scale-down threshold 0.7 and a 10 s unremovable recheck so that every loop simulates pz-0 again.
 * `app` (2 × 300m, PDB maxUnavailable 1, Ready 60 s after start) prefers px-0, `zpod` (350m) pz-0,
 * `ypod` (100m) py-0. px-0's pods fit py-0, pz-0's do not fit beside them: px-0 is removed after
 * 10 min. Its first pod is evicted 5 s after the taint; the second waits for the first one's
 * replacement (on py-0) to be Ready, about a minute. Meanwhile py-0 has 600m free: without the
 * waiting pod counted there, zpod would fit and pz-0 would be unneeded; with it, 300m are left and
 * pz-0 stays needed, as upstream.
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
  '  duration: 20m',
  '  nodePools:',
  '    - {name: px, count: 1, minSize: 0, maxSize: 1, cpu: "1", memory: 4Gi, labels: {role: x}}',
  '    - {name: py, count: 1, minSize: 1, maxSize: 1, cpu: "1", memory: 4Gi, labels: {role: y}}',
  '    - {name: pz, count: 1, minSize: 0, maxSize: 1, cpu: "1", memory: 4Gi, labels: {role: z}}',
  '  clusterAutoscaler: {expander: least-waste, scaleDownUtilizationThreshold: 0.7, unremovableNodeRecheckTimeout: 10s}',
  '',
].join('\n');

/** A Deployment preferring the nodes of `role`. */
function deployment(name: string, replicas: number, cpu: string, role: string, ...container: string[]): string {
  return deploymentYaml(
    name,
    replicas,
    `      affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 100, preference: {matchExpressions: [{key: role, operator: In, values: [${role}]}]}}]}}`,
    '      containers:',
    `        - {name: c, image: x, resources: {requests: {cpu: ${cpu}, memory: 100Mi}}${container.join('')}}`,
  );
}

const MANIFESTS = [
  deployment('app', 2, '300m', 'x', ', readinessProbe: {httpGet: {path: /, port: 80}, initialDelaySeconds: 60}'),
  deployment('zpod', 1, '350m', 'z'),
  deployment('ypod', 1, '100m', 'y'),
  ['apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: app}', 'spec: {maxUnavailable: 1, selector: {matchLabels: {app: app}}}', ''].join('\n'),
].join('---\n');

describe('the pods of a node being drained in the cluster-autoscaler loop', () => {
  it('take their room elsewhere in the snapshot, so scale-down does not count that room free while they wait for eviction', async () => {
    const scenario = await loadFolder({ 'scenario.yaml': SCENARIO, 'manifests/app.yaml': MANIFESTS });
    const { records, pods } = runRecordingCa(scenario);
    const removal = records.find((r) => r.removedNodes.length > 0)!;
    expect(removal.detail).toMatch(/^removing px-0 \(drain\)/);
    const onPx = pods.filter((p) => p.owner.name === 'app' && p.node?.name === 'px-0');
    expect(onPx).toHaveLength(2);
    const evictions = onPx.map((p) => p.deletionSeconds!).sort((a, b) => a - b);
    // The first eviction 5 s after the taint; the budget holds the second back until the first one's replacement is Ready.
    expect(evictions[0]).toBeCloseTo(removal.timeSeconds + 5, 6);
    expect(evictions[1]! - evictions[0]!).toBeGreaterThan(60);
    // The replacement runs on py-0, leaving it 600m free.
    const replacement = pods.find((p) => p.owner.name === 'app' && p.node?.name === 'py-0')!;
    expect(replacement.createdSeconds).toBeCloseTo(evictions[0]!, 6);

    const waiting = records.filter((r) => r.timeSeconds > removal.timeSeconds && r.timeSeconds < evictions[1]!);
    expect(waiting.length).toBeGreaterThanOrEqual(6);
    for (const r of waiting) {
      // The waiting pod is no pending pod of the cluster, and it found room: no scale-up, and pz-0 not unneeded.
      expect(r).toMatchObject({ action: 'no-op', unschedulablePods: 0, reason: 'NoRemovableNodes', detail: '' });
    }
    expect(records.filter((r) => r.action === 'scale-up')).toEqual([]);
  });
});
