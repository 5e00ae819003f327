/**
 * A node of a node group that fails within 15 minutes of its registration, seen by the
 * cluster-autoscaler through a whole run. Upstream counts a node that is not Ready and younger than
 * MaxNodeStartupTime (15 min) NotStarted (clusterstate.go updateReadinessStats), and RunOnce takes it
 * for an upcoming node: GetUpcomingNodes counts it, a template node stands in for it in the
 * snapshot (addUpcomingNodesToClusterSnapshot), and the node itself, with its pods, leaves allNodes
 * and the snapshot (subtractNodesByName, ClusterSnapshot.RemoveNode), so that scale-down does not
 * consider it. So:
 * - a pod evicted from it fits the template node: no scale-up for it until the node is 15 min old
 *   (then Unready, in the snapshot as itself with its unreachable taint, which the pod does not
 *   tolerate);
 * - it is no scale-down candidate while NotStarted: its unneeded timer starts once it is 15 min old,
 *   and it goes after --scale-down-unready-time (20 min) more.
 * Before, the model kept it in the simulations as itself from its first NotReady loop: a scale-up at
 * the eviction (537.5 s here) and the removal 20 min after its pod stopped counting (1807.5 s).
 */
import { describe, expect, it } from 'vitest';
import { runRecordingCa, type CaRecordedRun } from '../helpers/ca-recorded-run.js';
import { fixedAndWorkersFiles } from '../helpers/fixed-and-workers-scenario.js';
import { loadFolder } from '../scenario/helpers/scenario-folder.js';

// (fixed-and-workers-scenario.ts) workers-0 registers at 67.5 s for the pending pod. Its kubelet
// stops at 180 s for good: NotReady about 50 s later, the pod evicted 305 s after that (535 s). Its
// replacement fits neither fixed-0 nor the NotReady workers-0.
async function run(): Promise<CaRecordedRun> {
  return runRecordingCa(await loadFolder(fixedAndWorkersFiles(['nodeFailure: {pool: workers, at: 180s}'])));
}

describe('a NotReady node younger than 15 min is an upcoming node (clusterstate.go NotStarted, RunOnce GetUpcomingNodes)', () => {
  it('absorbs the evicted pod into its template node until it is 15 min old, then scales up', async () => {
    const { records, pods } = await run();
    const [first, replacement] = pods.filter((p) => p.owner.name === 'app' && p.node?.name !== 'fixed-0');
    const created = first!.boundSeconds!; // workers-0 registered, and the pod bound, at its loop + 60 s
    expect(first!.node?.name).toBe('workers-0');
    expect(created).toBeCloseTo(67.5, 0);
    // Evicted 300 s after the NoExecute taint; the replacement is Pending from then.
    expect(first!.deletionSeconds).toBe(535);
    expect(replacement!.createdSeconds).toBe(535);

    const ups = records.filter((r) => r.action === 'scale-up');
    expect(ups).toHaveLength(2);
    // The second scale-up comes in the first loop at which workers-0 is 900 s old (Unready), not at the eviction.
    expect(ups[1]!.timeSeconds).toBeGreaterThanOrEqual(created + 900);
    expect(ups[1]!.timeSeconds).toBeLessThan(created + 910);
    expect([ups[1]!.nodesBefore, ups[1]!.nodesAfter]).toEqual([1, 2]);
    // Meanwhile every loop found the pending pod a place on the template node standing in for workers-0.
    const waiting = records.filter((r) => r.timeSeconds > 535 && r.timeSeconds < ups[1]!.timeSeconds);
    expect(waiting.length).toBeGreaterThan(40);
    for (const r of waiting) expect(r).toMatchObject({ action: 'no-op', unschedulablePods: 1, reason: 'PodsFitUpcomingNodes' });
    // The replacement runs on the node that scale-up brought.
    expect(replacement!.node?.name).toBe('workers-1');
    expect(replacement!.boundSeconds).toBeGreaterThan(ups[1]!.timeSeconds);
  });

  it('keeps it out of scale-down while NotStarted: unneeded from 15 min on, removed after 20 min unneeded', async () => {
    const { records, pods } = await run();
    const created = pods.find((p) => p.owner.name === 'app' && p.node?.name === 'workers-0')!.boundSeconds!;
    // Not a candidate while NotStarted: no loop before it is 900 s old finds it unneeded.
    for (const r of records.filter((x) => x.timeSeconds < created + 900)) expect(r.detail).not.toContain('workers-0 for');
    const removals = records.filter((r) => r.removedNodes.some((n) => n.node === 'workers-0'));
    expect(removals).toHaveLength(1);
    const [removal] = removals;
    // Unneeded from the first scale-down after 900 s (the 900 s loop scaled up and returned), removed once unneeded for more than 1200 s.
    expect(removal!.removedNodes).toEqual([{ node: 'workers-0', unneededForSeconds: 1210 }]);
    expect(removal!.timeSeconds).toBeGreaterThan(created + 900 + 1200);
    expect(removal!.timeSeconds).toBeLessThan(created + 900 + 1200 + 30);
  });
});
