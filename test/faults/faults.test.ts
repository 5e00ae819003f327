/**
 * Faults injected into a running simulation (time-stamped logs, SimPy style): node failure marked
 * NotReady after node-monitor-grace-period, taint-based eviction 300 s later, and recovery
 * (node-failure-timing.test.ts has the grace window in detail), a metrics-server outage during which the HPA holds
 * its replicas, readiness flapping that moves traffic between pods, liveness kills and crash loops.
 */
import { describe, expect, it } from 'vitest';
import { NODE_UNREACHABLE_TAINT } from '../../src/cluster/cluster.js';
import { buildSimulation, type BuiltSimulation } from '../../src/engine/build-simulation.js';
import type { HpaDecisionRecord } from '../../src/observe/records.js';
import { Phase } from '../../src/core/phases.js';
import { BASE_DEPLOYMENT, hpaV2 } from '../scenario/helpers/base-scenario.js';
import { loadWithFaults } from '../scenario/helpers/fault-scenario.js';
import { lines } from '../scenario/helpers/scenario-folder.js';

/** Deployment web with `replicas` pods (100m CPU each), a readiness probe and a liveness probe. */
function webDeployment(replicas: number): string {
  return BASE_DEPLOYMENT.replace('spec:\n  selector:', `spec:\n  replicas: ${replicas}\n  selector:`).replace(
    '          resources:',
    '          readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}\n          livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10, failureThreshold: 3}\n          resources:',
  );
}

/** A trace of `perMinute` requests in every minute for `minutes` minutes. */
function flatTrace(perMinute: number, minutes: number, firstMinute = perMinute): string {
  const rows = Array.from({ length: minutes }, (_, m) => `2024-01-01T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00Z,${m === 0 ? firstMinute : perMinute}`);
  return lines('timestamp,value', ...rows);
}

async function build(faults: string[], manifests: string, trace = flatTrace(600, 60), observers: Parameters<typeof buildSimulation>[1] = []): Promise<BuiltSimulation> {
  const scenario = await loadWithFaults(faults, { 'manifests/web.yaml': manifests, 'traces/web.csv': trace }, { durationSeconds: 3600 });
  return buildSimulation(scenario, observers);
}

/** Logs every change of a pod's usage state as "t pod from→to node". */
function podLog(built: BuiltSimulation): string[] {
  const log: string[] = [];
  built.cluster.addListener({ usageStateChanging: (p, from, to) => log.push(`${built.sim.nowSeconds} ${p.name} ${from}→${to} ${p.node?.name ?? '-'}`) });
  return log;
}

describe('nodeFailure', () => {
  it('NotReady + unreachable taint at the health pass node-monitor-grace-period (50 s) after the one that saw the last Lease renewal, pods evicted 300 s after the NoExecute taint and recreated on another node', async () => {
    const built = await build(['{nodeFailure: {node: default-0, at: 60}}'], webDeployment(2));
    const log = podLog(built);
    const [node0, node1] = built.cluster.nodes;
    const onNode0 = built.cluster.podsOn(node0!).map((p) => p.name);
    expect(onNode0).toHaveLength(1);
    built.sim.runUntil(61);
    // The kubelet is gone (the pod serves nothing) but the API has not noticed yet.
    expect(node0!.ready).toBe(true);
    expect(node0!.taints).not.toContainEqual(NODE_UNREACHABLE_TAINT);
    expect(built.workloads[0]!.servingPods).toBe(1);
    // Renewed at 60 s, seen by the pass at 65 s, marked by the pass at 115 s.
    built.sim.runUntil(114);
    expect(node0!.ready).toBe(true);
    built.sim.runUntil(116);
    expect(node0!.ready).toBe(false);
    expect(node0!.taints).toContainEqual(NODE_UNREACHABLE_TAINT);
    // NoExecute at the next pass (120 s): evicted at 420 s.
    built.sim.runUntil(419);
    expect(built.cluster.podsOn(node0!).every((p) => p.deletionSeconds === undefined)).toBe(true);
    built.sim.runUntil(450);
    const pods = built.workloads[0]!.controller.pods;
    expect(pods.filter((p) => p.deletionSeconds === undefined).map((p) => p.node?.name)).toEqual(['default-1', 'default-1']);
    expect(built.workloads[0]!.servingPods).toBe(2);
    // The evicted pod stopped serving at 60 s; its replacement was created at 420 s and runs on default-1.
    expect(log[0]).toBe(`60 ${onNode0[0]} serving→none default-0`);
    expect(log.filter((l) => l.includes('→serving')).map((l) => l.split(' ')[0])).toHaveLength(1);
    expect(Number(log.find((l) => l.endsWith('none→base default-1'))?.split(' ')[0])).toBeGreaterThan(420);
    expect(node1!.ready).toBe(true);
    expect(Object.fromEntries(built.faultCounts)).toEqual({ nodeFailure: 1 });
  });

  it("metrics-server serves the failed node's pod its last sample until its next scrape, which finds no kubelet and drops it", async () => {
    const built = await build(['{nodeFailure: {node: default-0, at: 60}}'], webDeployment(2));
    const pod = built.cluster.podsOn(built.cluster.nodes[0]!)[0]!;
    const scrapes: number[] = [];
    built.sim.every(0, 1, Phase.OBSERVE, 'test/scrape-watch', () => {
      const sample = built.metricsServer.sample(pod);
      if (sample !== undefined && scrapes.at(-1) !== sample.timestampSeconds) scrapes.push(sample.timestampSeconds);
    });
    built.sim.runUntil(60);
    const last = built.metricsServer.sample(pod)!.timestampSeconds;
    expect(last).toBeLessThanOrEqual(60);
    // Stopped at 60 s: still served up to the next scrape (one resolution after the last).
    built.sim.runUntil(last + 14.5);
    expect(built.metricsServer.sample(pod)?.timestampSeconds).toBe(last);
    built.sim.runUntil(last + 15.5);
    expect(built.metricsServer.sample(pod)).toBeUndefined();
    expect(scrapes.at(-1)).toBe(last);
  });

  it('recoverAfter brings the node back Ready and untainted before the eviction; its pods restart in place', async () => {
    const built = await build(['{nodeFailure: {node: default-0, at: 60, recoverAfter: 2m}}'], webDeployment(2));
    const pod = built.cluster.podsOn(built.cluster.nodes[0]!)[0]!;
    built.sim.runUntil(181);
    expect(built.cluster.nodes[0]!.ready).toBe(true);
    expect(built.cluster.nodes[0]!.taints).not.toContainEqual(NODE_UNREACHABLE_TAINT);
    expect(pod.containerStartSeconds).toBe(180);
    built.sim.runUntil(600);
    expect(pod.deletionSeconds).toBeUndefined();
    expect(pod.ready).toBe(true);
    expect(pod.restartCount).toBe(1);
  });
});

describe('metricsServerOutage', () => {
  it('the HPA reports FailedGetResourceMetric and keeps its replicas; it scales once metrics return', async () => {
    const decisions: HpaDecisionRecord[] = [];
    // 15 req/s × 20 m·s = 300m per pod: 300% of the 100m request from the first minute on.
    const built = await build(['{metricsServerOutage: {from: 30, to: 10m}}'], `${webDeployment(1)}---\n${hpaV2('web', '  maxReplicas: 10')}`, flatTrace(900, 60, 60), [
      { hpaDecision: (r) => decisions.push(r) },
    ]);
    built.sim.runUntil(900);
    const during = decisions.filter((d) => d.timeSeconds >= 30 && d.timeSeconds < 600);
    expect(during.length).toBeGreaterThan(30);
    for (const d of during) {
      expect(d.scalingActive).toBe('FailedGetResourceMetric');
      expect(d.metrics[0]?.message).toContain('unable to fetch metrics from resource metrics API');
      expect(d.rescale).toBe(false);
      expect(d.desiredReplicas).toBe(d.specReplicas);
    }
    expect(new Set(during.map((d) => d.specReplicas)).size).toBe(1);
    const after = decisions.filter((d) => d.timeSeconds >= 600);
    expect(after.some((d) => d.rescale && d.desiredReplicas > d.specReplicas)).toBe(true);
    expect(Object.fromEntries(built.faultCounts)).toEqual({ metricsServerOutage: 1 });
  });
});

describe('readinessFlap', () => {
  it('pods alternate Ready/NotReady each period and the load is served only through the ready pods', async () => {
    const built = await build(['{readinessFlap: {workload: web, from: 60, to: 180, periodSeconds: 20}}'], webDeployment(2));
    const w = built.workloads[0]!;
    const samples: string[] = [];
    built.sim.every(50, 20, Phase.OBSERVE, 'probe', () => {
      const ready = w.controller.pods.map((p) => (p.ready ? 'R' : '-')).join('');
      samples.push(`${built.sim.nowSeconds} ${ready} serving=${w.servingPods}`);
    }, 230);
    built.sim.runUntil(240);
    expect(samples).toEqual([
      '50 RR serving=2',
      '70 -R serving=1',
      '90 R- serving=1',
      '110 -R serving=1',
      '130 R- serving=1',
      '150 -R serving=1',
      '170 R- serving=1',
      '190 RR serving=2',
      '210 RR serving=2',
    ]);
    // 10 req/s offered, within one pod's capacity: everything is served by the one ready pod.
    w.settle(240);
    expect(w.totals.servedRequests).toBeCloseTo(w.totals.offeredRequests - w.backlogRequests, 6);
    expect(w.totals.droppedRequests).toBe(0);
    expect(built.faultCounts.get('readinessFlap')).toBe(6);
  });
});

describe('livenessFailure and crashLoop', () => {
  it('the kubelet kills the container after failureThreshold × periodSeconds (3 × 10 s) and restarts it at once, its first exit (Ready at its first probe)', async () => {
    const built = await build(['{livenessFailure: {workload: web, at: 60, pod: 0}}'], webDeployment(2));
    const log = podLog(built);
    const pod = built.workloads[0]!.controller.pods[0]!;
    built.sim.runUntil(200);
    expect(log).toEqual([`90 ${pod.name} serving→none default-0`, `90 ${pod.name} none→base default-0`, `90 ${pod.name} base→serving default-0`]);
    expect(pod.restartCount).toBe(1);
  });

  it('a crash loop grows the back-off (0, 10, 20, 40, 80 s) and the first restart after the window runs', async () => {
    const built = await build(['{crashLoop: {workload: web, from: 60, to: 200}}'], webDeployment(1));
    const log = podLog(built);
    built.sim.runUntil(600);
    const pod = built.workloads[0]!.controller.pods[0]!;
    expect(log.map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([
      `60 ${pod.name} serving→none`,
      // The first exit restarts at once, and exits again.
      `60 ${pod.name} none→base`,
      `60 ${pod.name} base→none`,
      `70 ${pod.name} none→base`,
      `70 ${pod.name} base→none`,
      `90 ${pod.name} none→base`,
      `90 ${pod.name} base→none`,
      `130 ${pod.name} none→base`,
      `130 ${pod.name} base→none`,
      // 130 + 80 = 210 s is after the window: the container stays up and its first readiness probe
      // (initialDelaySeconds 0) passes at once.
      `210 ${pod.name} none→base`,
      `210 ${pod.name} base→serving`,
    ]);
    expect(pod.restartCount).toBe(5);
    expect(built.faultCounts.get('crashLoop')).toBe(5);
  });
});

describe('containerCrash at a seeded rate', () => {
  it('is deterministic for a seed and hits running containers only', async () => {
    const run = async () => {
      const built = await build(['{containerCrash: {workload: web, ratePerHour: 30, count: 2}}'], webDeployment(3));
      built.sim.runUntil(3600);
      return [built.faultCounts.get('containerCrash'), built.cluster.restartsByOwner[0]];
    };
    const first = await run();
    expect(first[0]).toBeGreaterThan(10);
    expect(first[1]).toBeGreaterThanOrEqual(first[0]!);
    expect(await run()).toEqual(first);
  });
});
