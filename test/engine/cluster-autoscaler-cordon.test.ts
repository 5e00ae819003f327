/**
 * A cordoned node and the cluster-autoscaler, on a small run: the node group's only node is cordoned
 * and drained by the spot interruption handler's drain (src/cloud/spot-drain.ts drainOnNotice), its
 * pod's replacement is Unschedulable. Upstream RunOnce lists the ready nodes with ReadyNodeLister,
 * whose filter IsNodeReadyAndSchedulable (utils/kubernetes/ready.go) leaves out a node with
 * spec.unschedulable: under --max-nodes-total 1 there are 0 ready nodes, so the scale-up goes ahead
 * (len(readyNodes) >= MaxNodesTotal is false; GetCappedNewNodeCount allows 1 - 0), while clusterstate
 * still counts the node Ready (GetNodeReadiness) and scale-down still takes it as a candidate.
 */
import { describe, expect, it } from 'vitest';
import { drainOnNotice } from '../../src/cloud/spot-drain.js';
import { NODE_UNSCHEDULABLE_TAINT } from '../../src/cluster/node-health.js';
import type { SimNode } from '../../src/cluster/model.js';
import { caPod } from '../../src/controllers/cluster-autoscaler/snapshot.js';
import { Phase } from '../../src/core/phases.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { CaDecisionRecord } from '../../src/observe/records.js';
import { deploymentYaml } from '../scenario/helpers/base-scenario.js';
import { lines, loadFolder } from '../scenario/helpers/scenario-folder.js';

const CORDON_SECONDS = 30;

async function run(maxNodesTotal: number): Promise<{ records: CaDecisionRecord[]; cordoned: SimNode; nodes: () => SimNode[] }> {
  const scenario = await loadFolder(
    {
      'scenario.yaml': lines(
        'apiVersion: scalesim.dev/v1alpha1',
        'kind: Scenario',
        'spec:',
        '  seed: 1',
        '  duration: 30m',
        '  nodePools:',
        '    - {name: workers, count: 1, minSize: 1, maxSize: 10, cpu: 940m, memory: 1600Mi, maxPods: 11, bootTime: 60s}',
        `  clusterAutoscaler: {expander: least-waste, maxNodesTotal: ${maxNodesTotal}}`,
      ),
      'manifests/app.yaml': deploymentYaml('app', 1, '      containers:', '        - {name: c, image: x, resources: {requests: {cpu: 500m, memory: 100Mi}}}'),
    },
    { durationSeconds: 1800 },
  );
  const records: CaDecisionRecord[] = [];
  let cordoned: SimNode | undefined;
  let listNodes: (() => SimNode[]) | undefined;
  runScenario(scenario, {
    observers: [{ caDecision: (r) => records.push(r) }],
    onBuilt: (b) => {
      listNodes = () => [...b.cluster.nodes];
      b.sim.scheduleAt(CORDON_SECONDS, Phase.LIFECYCLE, 'test/cordon', () => {
        cordoned = b.cluster.nodes.find((n) => n.pool.name === 'workers')!;
        // The handler's drain with no budget; the instance is never terminated in this run.
        drainOnNotice(b.sim, b.cluster, { pdbs: () => [], view: (p) => caPod(p, () => 'ReplicaSet') }, cordoned, Number.POSITIVE_INFINITY);
      });
    },
  });
  return { records, cordoned: cordoned!, nodes: listNodes! };
}

describe('a cordoned node is not a ready node (ReadyNodeLister: IsNodeReadyAndSchedulable)', () => {
  it('scales up for the drained pod although the cordoned node is the only one and max-nodes-total is 1', async () => {
    const { records, cordoned, nodes } = await run(1);
    expect(cordoned.taints).toContainEqual(NODE_UNSCHEDULABLE_TAINT);
    const up = records.find((r) => r.action === 'scale-up');
    expect(up, records.filter((r) => r.unschedulablePods > 0).map((r) => `${r.timeSeconds} ${r.reason} ${r.detail}`).slice(0, 3).join('\n')).toBeDefined();
    // The replacement is Unschedulable about a second after the drain; the next 10 s loop that sees it 2 s old scales up.
    expect(up!.timeSeconds).toBeGreaterThan(CORDON_SECONDS);
    expect(up!.timeSeconds).toBeLessThanOrEqual(CORDON_SECONDS + 20);
    expect([up!.group, up!.nodesBefore, up!.nodesAfter]).toEqual(['workers', 1, 2]);
    // Scale-down reads allNodes: the cordoned, empty node is a candidate and goes once unneeded for 10 min after the cooldown.
    const removal = records.find((r) => r.removedNodes.length > 0);
    expect(removal?.removedNodes.map((n) => n.node)).toEqual([cordoned.name]);
    expect(nodes().filter((n) => n.pool.name === 'workers').map((n) => n.name)).not.toContain(cordoned.name);
  });
});
