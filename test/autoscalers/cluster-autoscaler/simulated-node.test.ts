/**
 * Snapshot forks: a pod added to a cloned node (its requests, pods and host ports) leaves the original
 * as it was; the simulated node of a CaNode is made once and shared, and nothing changes it.
 */
import { describe, expect, it } from 'vitest';
import { addPodToNode, checkPredicates, cloneNode, nodeFromCaNode, nodeFromTemplate } from '../../../src/autoscalers/cluster-autoscaler/simulated-node.js';
import { absorbPendingPods, snapshotNodes } from '../../../src/autoscalers/cluster-autoscaler/scale-up/absorb.js';
import { simulateNodeRemovals } from '../../../src/autoscalers/cluster-autoscaler/scale-down/removal-simulation.js';
import { node, pod, template } from './builders.js';

describe('cloneNode', () => {
  it('forks host ports: a port taken on the clone is free on the original and on a sibling clone', () => {
    const original = nodeFromCaNode(node('n1', 'g', 4000, 8e9, [pod('a', 100, 0, { hostPorts: [80] })]));
    const fork = cloneNode(original);
    const sibling = cloneNode(original);
    addPodToNode(fork, pod('b', 100, 0, { hostPorts: [443] }));
    expect(checkPredicates(pod('c', 100, 0, { hostPorts: [443] }), fork)).toBe('HostPortConflict');
    expect(checkPredicates(pod('c', 100, 0, { hostPorts: [443] }), original)).toBe('Fits');
    expect(checkPredicates(pod('c', 100, 0, { hostPorts: [443] }), sibling)).toBe('Fits');
    expect(checkPredicates(pod('d', 100, 0, { hostPorts: [80] }), sibling)).toBe('HostPortConflict');
    expect([original.podCount, fork.podCount, original.pods.length, fork.pods.length]).toEqual([1, 2, 1, 2]);
  });

  it('keeps empty template nodes apart once a pod with host ports lands on one', () => {
    const a = nodeFromTemplate(template(4000, 8e9), 'new-1');
    const b = nodeFromTemplate(template(4000, 8e9), 'new-2');
    addPodToNode(a, pod('p', 100, 0, { hostPorts: [9000] }));
    expect(checkPredicates(pod('q', 100, 0, { hostPorts: [9000] }), a)).toBe('HostPortConflict');
    expect(checkPredicates(pod('q', 100, 0, { hostPorts: [9000] }), b)).toBe('Fits');
  });
});

describe('nodeFromCaNode', () => {
  it('makes one simulated node per CaNode, which the removal simulation and the scale-up leave as it was', () => {
    const n = node('n1', 'g', 1000, 8e9, [pod('a', 300), pod('done', 500, 0, { terminal: true })]);
    const made = nodeFromCaNode(n);
    expect(nodeFromCaNode(n)).toBe(made);
    expect([made.cpuRequestedMillicores, made.podCount, made.pods.map((p) => p.name)]).toEqual([300, 1, ['a']]);
    // An equal CaNode (another scan's copy after a change) gets its own.
    expect(nodeFromCaNode({ ...n })).not.toBe(made);
    const other = node('n2', 'g', 1000, 8e9, [pod('b', 200)]);
    simulateNodeRemovals({ candidates: [other], nodes: [n, other], drain: { skipNodesWithSystemPods: true, skipNodesWithLocalStorage: true, nowSeconds: 0 }, pdbs: [] });
    absorbPendingPods([pod('p', 100)], snapshotNodes([n], [], new Map()));
    expect([made.cpuRequestedMillicores, made.podCount, made.pods.map((p) => p.name)]).toEqual([300, 1, ['a']]);
  });
});
