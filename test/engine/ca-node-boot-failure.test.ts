/**
 * A new node that registers and never becomes Ready (a nodeBootFailure), through a whole run with
 * the cluster-autoscaler. The Node carries Ready=False and the not-ready NoSchedule taint from its
 * registration, so the pod it was added for is not bound there; the cluster-autoscaler takes it for
 * an upcoming node while it is NotStarted (younger than 15 min), so the group's scale-up request
 * times out 15 min after the scale-up (clusterstate.go updateScaleRequests) and backs the group off
 * for 5 min; it scales up again after that, and removes the node once it has been unneeded for
 * --scale-down-unready-time (20 min).
 */
import { describe, expect, it } from 'vitest';
import { runRecordingCa, type CaRecordedRun } from '../helpers/ca-recorded-run.js';
import { fixedAndWorkersFiles } from '../helpers/fixed-and-workers-scenario.js';
import { loadFolder } from '../scenario/helpers/scenario-folder.js';

// (fixed-and-workers-scenario.ts) workers-0 registers at 67.5 s for the pending pod, and the fault
// keeps it NotReady; nodes registering after 10 min boot normally.
async function run(faults = ['nodeBootFailure: {pool: workers, probability: 1, to: 10m}']): Promise<CaRecordedRun> {
  return runRecordingCa(await loadFolder(fixedAndWorkersFiles(faults)));
}

describe('nodeBootFailure: a new node that never becomes Ready', () => {
  it('registers NotReady with the not-ready taints, and the pod it was added for waits for the next node', async () => {
    const { built, records, pods, nodes } = await run();
    const broken = nodes.get('workers-0')!;
    expect(broken.createdSeconds).toBeCloseTo(67.5, 1);
    expect(broken.ready).toBe(false);
    expect(built.cluster.health.notReadySinceSeconds(broken)).toBe(broken.createdSeconds);
    // NoSchedule from the registration, NoExecute from the node lifecycle controller's next pass (70 s).
    expect(broken.taints).toEqual(expect.arrayContaining([
      { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' },
    ]));
    const waiting = pods.find((p) => p.owner.name === 'app' && p.node?.name !== 'fixed-0')!;
    // Never bound to workers-0; bound to workers-1, which the scale-up at 15 min brought and which booted normally.
    expect(waiting.node?.name).toBe('workers-1');
    const ups = records.filter((r) => r.action === 'scale-up');
    expect(ups).toHaveLength(2);
    // The request's ExpectedAddTime is the scale-up + 900 s; the first loop strictly after it (every
    // 10 s from the scale-up) finds workers-0 still NotStarted: timed out, backed off for 300 s.
    const timedOutAt = ups[0]!.timeSeconds + 910;
    const timeout = records.find((r) => r.detail.startsWith('scale-up timed out'))!;
    expect(timeout.timeSeconds).toBeCloseTo(timedOutAt, 6);
    expect(timeout.detail).toMatch(/^scale-up timed out: workers after 910s(;|$)/);
    expect(records.filter((r) => r.detail.includes('timed out'))).toHaveLength(1);
    // Backed off until the timeout + 300 s (BackoffStatus: backoffUntil.After(now)): that loop scales up.
    expect(ups[1]!.timeSeconds).toBeCloseTo(timedOutAt + 300, 6);
    expect(waiting.boundSeconds).toBeGreaterThanOrEqual(ups[1]!.timeSeconds + 60);
    // While workers-0 is NotStarted every loop found the pod a place on the template node standing in for it.
    const notStarted = records.filter((r) => r.timeSeconds > broken.createdSeconds + 5 && r.timeSeconds < broken.createdSeconds + 900);
    expect(notStarted.length).toBeGreaterThan(80);
    for (const r of notStarted) expect(r).toMatchObject({ action: 'no-op', unschedulablePods: 1, reason: 'PodsFitUpcomingNodes' });
    // Once it is Unready (15 min after registering, at exactly 900 s) the pod needs a node, and the group is backed off.
    const backedOff = records.filter((r) => r.timeSeconds >= broken.createdSeconds + 900 && r.timeSeconds < ups[1]!.timeSeconds);
    expect(backedOff.length).toBe(25);
    for (const r of backedOff) {
      expect(r).toMatchObject({ action: 'no-op', unschedulablePods: 1, reason: 'AllGroupsBackedOff' });
      expect(r.detail).toMatch(/^skipped workers: BackedOff;/);
    }
    expect(built.faultCounts.get('nodeBootFailure')).toBe(1);
  });

  it('is removed once unneeded for the unready time, 15 min after its registration at the earliest', async () => {
    const { records, nodes } = await run();
    const broken = nodes.get('workers-0')!;
    const removals = records.filter((r) => r.removedNodes.some((n) => n.node === 'workers-0'));
    expect(removals).toHaveLength(1);
    expect(removals[0]!.timeSeconds).toBeGreaterThan(broken.createdSeconds + 900 + 1200);
    expect(removals[0]!.timeSeconds).toBeLessThan(broken.createdSeconds + 900 + 1200 + 30);
    expect(broken.instanceGoneSeconds).toBeGreaterThanOrEqual(removals[0]!.timeSeconds);
    // workers-1 registered after the window: Ready, and kept (it runs the pod).
    const healthy = nodes.get('workers-1')!;
    expect([healthy.ready, healthy.instanceGoneSeconds]).toEqual([true, undefined]);
  });

  it('hits only the nodes that register inside its window, one seeded draw each', async () => {
    // The window closed before workers-0 registers: the run is the run without the fault.
    const late = await run(['nodeBootFailure: {pool: workers, probability: 1, from: 30m}']);
    const none = await run([]);
    expect(late.nodes.get('workers-0')!.ready).toBe(true);
    expect(late.records).toEqual(none.records);
    expect(late.built.faultCounts.get('nodeBootFailure')).toBeUndefined();
  });
});
