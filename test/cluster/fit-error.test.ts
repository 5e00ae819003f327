/**
 * kube-scheduler's FailedScheduling: the FitError message (schedule_one.go FitError.Error: per
 * reason "<count> <reason>", sorted as strings, after "0/N nodes are available: "; a node counted
 * under every resource it lacks), and its rows in
 * decisions.csv, once per pod and message, read back by `scalesim explain`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitErrorMessage } from '../../src/cluster/fit-error.js';
import { placePod } from '../../src/cluster/place-pod.js';
import { Rng } from '../../src/core/rng.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { FailedSchedulingRecord } from '../../src/observe/records.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { MemoryTables } from '../helpers/memory-tables.js';
import { ROOT } from '../helpers/run-cli.js';
import { makeNode, makePod } from '../helpers/builders.js';

describe('fitErrorMessage', () => {
  it.each<[string, number, Parameters<typeof fitErrorMessage>[1], string]>([
    ['one reason', 3, { InsufficientCpu: 3 }, '0/3 nodes are available: 3 Insufficient cpu.'],
    [
      'reasons sorted as strings, as sort.Strings orders them',
      6,
      { NodeSelectorMismatch: 2, InsufficientMemory: 1, InsufficientCpu: 3 },
      "0/6 nodes are available: 1 Insufficient memory, 2 node(s) didn't match Pod's node affinity/selector, 3 Insufficient cpu.",
    ],
    [
      'spread and inter-pod affinity reasons',
      4,
      { TopologySpreadConstraintsNotMatch: 1, AntiAffinityRulesNotMatch: 2, UntoleratedTaint: 1 },
      "0/4 nodes are available: 1 node(s) didn't match pod topology spread constraints, 1 node(s) had untolerated taint, 2 node(s) didn't match pod anti-affinity rules.",
    ],
    ['no node at all: ErrNoNodesAvailable', 0, {}, 'no nodes available to schedule pods'],
    ['a zero count is left out', 2, { TooManyPods: 2, InsufficientCpu: 0 }, '0/2 nodes are available: 2 Too many pods.'],
  ])('%s', (_name, nodes, counts, expected) => {
    expect(fitErrorMessage(nodes, counts)).toBe(expected);
  });
});

describe("a failed cycle's counts: every resource a node lacks (fit.go: \"We will keep all failure reasons\")", () => {
  const GIB = 2 ** 30;
  // The pod asks 1000m and 4 GiB; each node is short of what its name says.
  const nodes = [
    makeNode({ name: 'cpu', cpuAllocatableMillicores: 2000, cpuRequestedMillicores: 1500 }),
    makeNode({ name: 'cpu-memory', cpuAllocatableMillicores: 2000, cpuRequestedMillicores: 1500, memoryAllocatableBytes: 8 * GIB, memoryRequestedBytes: 6 * GIB }),
    makeNode({ name: 'pods-cpu-memory', maxPods: 3, podCount: 3, cpuAllocatableMillicores: 2000, cpuRequestedMillicores: 1500, memoryAllocatableBytes: 8 * GIB, memoryRequestedBytes: 6 * GIB }),
    makeNode({ name: 'pods', maxPods: 3, podCount: 3 }),
    makeNode({ name: 'tainted-and-full', cpuAllocatableMillicores: 2000, cpuRequestedMillicores: 1500, taints: [{ key: 'maintenance', effect: 'NoSchedule' }] }),
  ];
  const pod = makePod({ cpuRequestMillicores: 1000, memoryRequestBytes: 4 * GIB, phase: 'Pending' });

  it('counts a node under each resource NodeResourcesFit finds short, and a node an earlier filter refused under that filter alone', () => {
    const placement = placePod(pod, nodes, 'LeastAllocated', new Rng(1).stream('scheduler'));
    expect(placement.node).toBeUndefined();
    expect(placement.reason === 'Unschedulable' && placement.filterCounts).toEqual({ InsufficientCpu: 3, InsufficientMemory: 2, TooManyPods: 2, UntoleratedTaint: 1 });
    expect(placement.reason === 'Unschedulable' && fitErrorMessage(nodes.length, placement.filterCounts)).toBe(
      '0/5 nodes are available: 1 node(s) had untolerated taint, 2 Insufficient memory, 2 Too many pods, 3 Insufficient cpu.',
    );
  });
});

describe('FailedScheduling records in a run (test/fixtures/node-affinity-ca)', () => {
  it('names each pending pod with the filters that refused it, once per pod and message', async () => {
    const scenario = await loadScenario(join(ROOT, 'test', 'fixtures', 'node-affinity-ca'));
    const records: FailedSchedulingRecord[] = [];
    const tables = new MemoryTables();
    runScenario(scenario, { observers: [{ failedScheduling: (r) => records.push(r) }], tables: tables.factory });
    expect(records.length).toBeGreaterThan(0);
    const api = records.filter((r) => r.owner === 'api');
    expect(api[0]!.message).toBe("0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector.");
    // One record per pod and message: no pod repeats the message it had last.
    const last = new Map<string, string>();
    for (const r of records) {
      expect(last.get(r.pod)).not.toBe(r.message);
      last.set(r.pod, r.message);
    }
    const decisions = tables.get('decisions.csv');
    const reason = decisions.header.indexOf('reason');
    const rows = decisions.rows.filter((row) => row[1] === 'scheduler' && row[reason] === 'FailedScheduling');
    expect(rows).toHaveLength(records.length);
    expect(String(rows[0]![decisions.header.indexOf('ca_detail')])).toBe(`${records[0]!.pod}: ${records[0]!.message}`);
  });
});
