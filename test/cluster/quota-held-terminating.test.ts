/**
 * A pod stuck Terminating on a node whose kubelet is down, against its namespace's ResourceQuota
 * (time-stamped, SimPy style): deleted at 100 s with a 30 s grace period it is charged until
 * 160 s (deletionTimestamp 130 s + 30 s, QuotaV1Pod), and status.used drops it at the quota's next
 * recalculation after that: the controller's full resync on its grid (first 120 s, then every
 * 300 s: 420 s), or a replenishment for another pod of its namespace (its delete event), whichever
 * comes first. Its removal later (the kubelet back) releases nothing more; a pod whose kubelet
 * confirms the deletion in time is released when gone and schedules no resync.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import type { PodOwner, SimNode, SimPod } from '../../src/cluster/model.js';
import { podRequests } from '../../src/cluster/pod-requests.js';
import { QuotaLedger } from '../../src/cluster/quota-ledger.js';
import { ResourceQuotaResync } from '../../src/cluster/resource-quota-resync.js';
import { Rng, type RandomStream } from '../../src/core/rng.js';
import { Simulation, type EventTally } from '../../src/core/simulation.js';
import type { ResourceQuotaSpec } from '../../src/scenario/types.js';
import { makePool, makeTemplate } from '../helpers/builders.js';

const DELAYS = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };
/** Four 250m pods fill it. */
const QUOTA: ResourceQuotaSpec = { name: 'compute', namespace: 'default', hard: { 'requests.cpu': 1000, pods: 10 }, scopes: [] };
/** The grid's phase: 0.4 × 300 s = 120 s. */
const PHASE: RandomStream = { next: () => 0.4, int: () => 0, jitter: (v) => v };

function setUp(periodSeconds = 300, quotas: ResourceQuotaSpec[] = [QUOTA]) {
  const tallies = new Map<string, EventTally>();
  const sim = new Simulation({ nowMs: () => 0, tally: (c) => tallies.get(c) ?? (tallies.set(c, { wallMs: 0, events: 0 }), tallies.get(c)!) });
  const cluster = new Cluster(sim, new Rng(1), DELAYS, 'LeastAllocated');
  const pool = makePool({ cpuMillicores: 4000 });
  const [failing, healthy] = [cluster.addNode(pool, 0), cluster.addNode(pool, 1)];
  const ledger = new QuotaLedger(quotas);
  cluster.quotas = ledger;
  const resync = new ResourceQuotaResync(sim, ledger, periodSeconds, PHASE);
  const template = makeTemplate();
  let n = 0;
  /** A Running pod of `namespace` bound to `node` (created at the current instant, charged). */
  const podOn = (node: SimNode, namespace = 'default'): SimPod => {
    const owner: PodOwner = { name: `w${n}`, namespace, index: n };
    const pod = cluster.createRunningPod(owner, { ...template, nodeSelector: { 'kubernetes.io/hostname': node.name } }, podRequests(template), `p${n++}`, sim.nowSeconds - 1)!;
    expect(pod.node).toBe(node);
    return pod;
  };
  const used = (i = 0) => ledger.statuses()[i]!.used['requests.cpu'];
  const resyncEvents = () => tallies.get('resourcequota-controller')?.events ?? 0;
  return { sim, cluster, failing, healthy, ledger, resync, podOn, used, resyncEvents };
}

/** The kubelet of `node` dies (nodeFailure's first step): terminations on it wait for its return. */
function killKubelet(cluster: Cluster, node: SimNode): void {
  cluster.health.setKubeletRunning(node, false);
}

describe('a pod stuck Terminating and its quota charge', () => {
  it('stays charged past 2 × grace until the full resync after it (420 s), not at 160 s', () => {
    const { sim, cluster, failing, podOn, used, resync, resyncEvents } = setUp();
    sim.runUntil(10);
    const stuck = podOn(failing);
    podOn(failing);
    expect(used()).toBe(500);
    killKubelet(cluster, failing);
    sim.runUntil(100);
    cluster.deletePod(stuck, 30);
    expect(stuck).toMatchObject({ deletionSeconds: 100, deletionGracePeriodSeconds: 30 });
    expect(resync.firstSeconds).toBe(120);
    sim.runUntil(160.5);
    expect(stuck.removed).toBe(false);
    expect(used()).toBe(500);
    sim.runUntil(420);
    expect(used()).toBe(500);
    sim.runUntil(420.001);
    expect(used()).toBe(250);
    expect(stuck.removed).toBe(false);
    // One resync was scheduled: the grid's instant after the charge ended.
    expect(resyncEvents()).toBe(1);
    // The kubelet comes back: the pod is gone, and its charge is not released twice.
    sim.runUntil(500);
    cluster.health.setKubeletRunning(failing, true);
    expect(stuck.removed).toBe(true);
    expect(used()).toBe(250);
  });

  it('a charge that ends exactly on a resync instant waits for the next one (QuotaV1Pod is strict)', () => {
    const { sim, cluster, failing, podOn, used } = setUp();
    sim.runUntil(10);
    const stuck = podOn(failing);
    killKubelet(cluster, failing);
    // Deleted at 60 s, grace 30 s: the charge ends at 120 s, the first resync instant.
    sim.runUntil(60);
    cluster.deletePod(stuck, 30);
    sim.runUntil(120.001);
    expect(used()).toBe(250);
    sim.runUntil(420.001);
    expect(used()).toBe(0);
  });

  it('another pod of the namespace gone after 160 s recalculates the quota at that instant (replenishment)', () => {
    const { sim, cluster, failing, healthy, podOn, used } = setUp();
    sim.runUntil(10);
    const stuck = podOn(failing);
    const other = podOn(healthy);
    const early = podOn(healthy);
    killKubelet(cluster, failing);
    sim.runUntil(100);
    cluster.deletePod(stuck, 30);
    // Gone at 152 s (2 s termination), before the stuck pod's charge ends: only its own charge goes.
    sim.runUntil(150);
    cluster.deletePod(early, 30);
    sim.runUntil(153);
    expect(early.removed).toBe(true);
    expect(used()).toBe(500);
    sim.runUntil(200);
    cluster.deletePod(other, 30);
    sim.runUntil(201);
    expect(used()).toBe(500);
    sim.runUntil(202.001);
    // `other` gone at 202 s: its delete event's recalculation also drops the stuck pod.
    expect(other.removed).toBe(true);
    expect(used()).toBe(0);
  });

  it('a pod gone in another namespace does not recalculate this one’s quotas', () => {
    const quotas = [QUOTA, { ...QUOTA, namespace: 'batch' }];
    const { sim, cluster, failing, healthy, podOn, used } = setUp(300, quotas);
    sim.runUntil(10);
    const stuck = podOn(failing);
    const elsewhere = podOn(healthy, 'batch');
    killKubelet(cluster, failing);
    sim.runUntil(100);
    cluster.deletePod(stuck, 30);
    sim.runUntil(200);
    cluster.deletePod(elsewhere, 30);
    sim.runUntil(203);
    expect(elsewhere.removed).toBe(true);
    expect([used(0), used(1)]).toEqual([250, 0]);
    sim.runUntil(420.001);
    expect(used(0)).toBe(0);
  });

  it('with the periodic resync off (period 0) only a replenishment drops it', () => {
    const { sim, cluster, failing, healthy, podOn, used, resyncEvents } = setUp(0);
    sim.runUntil(10);
    const stuck = podOn(failing);
    const other = podOn(healthy);
    killKubelet(cluster, failing);
    sim.runUntil(100);
    cluster.deletePod(stuck, 30);
    sim.runUntil(3000);
    expect(used()).toBe(500);
    expect(resyncEvents()).toBe(0);
    cluster.deletePod(other, 30);
    sim.runUntil(3003);
    expect(used()).toBe(0);
  });

  it('the kubelet back before the resync: released when gone; the resync then changes nothing', () => {
    const { sim, cluster, failing, podOn, used } = setUp();
    sim.runUntil(10);
    const stuck = podOn(failing);
    podOn(failing);
    killKubelet(cluster, failing);
    sim.runUntil(100);
    cluster.deletePod(stuck, 30);
    sim.runUntil(300);
    expect(used()).toBe(500);
    cluster.health.setKubeletRunning(failing, true);
    expect(stuck.removed).toBe(true);
    expect(used()).toBe(250);
    sim.runUntil(1000);
    expect(used()).toBe(250);
  });

  it('a pod whose kubelet confirms the deletion is released when gone and schedules no resync', () => {
    const { sim, cluster, healthy, podOn, used, resyncEvents } = setUp();
    sim.runUntil(10);
    const pod = podOn(healthy);
    sim.runUntil(100);
    cluster.deletePod(pod, 30);
    sim.runUntil(101.999);
    expect(used()).toBe(250);
    sim.runUntil(102.001);
    expect(pod.removed).toBe(true);
    expect(used()).toBe(0);
    sim.runUntil(3000);
    expect(resyncEvents()).toBe(0);
  });
});
