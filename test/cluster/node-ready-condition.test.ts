/**
 * Cluster.setNodeReady: a NotReady node gets the NoSchedule taint of its condition
 * (node.kubernetes.io/unreachable for Unknown, node.kubernetes.io/not-ready for False), and a node
 * Ready again loses every condition taint, the NoExecute ones the node lifecycle controller added too.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import { NODE_NOT_READY_NO_EXECUTE_TAINT, NODE_UNREACHABLE_NO_EXECUTE_TAINT } from '../../src/cluster/node-health.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import { makePool } from '../helpers/builders.js';

const DELAYS = { schedulingSeconds: 0, imagePullSeconds: 0, containerStartSeconds: 0, terminationSeconds: 0, jitterRatio: 0 };
const OWN = { key: 'dedicated', value: 'batch', effect: 'NoSchedule' as const };

function clusterWithNode() {
  const cluster = new Cluster(new Simulation(), new Rng(1), DELAYS, 'LeastAllocated');
  const node = cluster.addNode(makePool({ taints: [OWN] }), 0);
  return { cluster, node };
}

describe('Cluster.setNodeReady', () => {
  it.each([
    ['Unknown', 'node.kubernetes.io/unreachable', NODE_UNREACHABLE_NO_EXECUTE_TAINT],
    ['False', 'node.kubernetes.io/not-ready', NODE_NOT_READY_NO_EXECUTE_TAINT],
  ] as const)('NotReady (%s) taints the node %s:NoSchedule; Ready again removes it and its NoExecute twin, and keeps the pool\'s own', (condition, key, noExecute) => {
    const { cluster, node } = clusterWithNode();
    cluster.setNodeReady(node, false, condition);
    expect([node.ready, node.taints]).toEqual([false, [OWN, { key, effect: 'NoSchedule' }]]);
    expect(cluster.health.notReadySinceSeconds(node)).toBe(0);
    cluster.setTaint(node, noExecute, true);
    cluster.setNodeReady(node, true);
    expect([node.ready, node.taints]).toEqual([true, [OWN]]);
    expect(cluster.health.notReadySinceSeconds(node)).toBeUndefined();
  });

  it('defaults to the Unknown condition (a kubelet that stopped posting)', () => {
    const { cluster, node } = clusterWithNode();
    cluster.setNodeReady(node, false);
    expect(node.taints).toContainEqual({ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' });
  });
});
