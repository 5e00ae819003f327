/**
 * nodeFailure with upstream's timing (time-stamped, small synthetic scenario): the kubelet of a node
 * registered at 0 dies at 60 s, just after its Lease renewal at 60 s (every 10 s); the node lifecycle
 * controller's health pass at 65 s (every 5 s) sees that renewal, and its pass at 65 + 50 = 115 s
 * (node-monitor-grace-period, kube-controller-manager's default since v1.32) marks the node NotReady,
 * taints it node.kubernetes.io/unreachable NoSchedule and marks the pod Ready=False. Until then the
 * API keeps the node Ready and its pods Ready=True, so the endpoints still send the dead pod half of
 * the requests, which are lost. The next pass, 120 s, taints it NoExecute; the taint manager evicts
 * at 120 + 300 = 420 s. A recovery before the marking pass leaves no NotReady.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_UNREACHABLE_NO_EXECUTE_TAINT, NODE_UNREACHABLE_TAINT } from '../../src/cluster/cluster.js';
import { Phase } from '../../src/core/phases.js';
import { buildSimulation, type BuiltSimulation } from '../../src/engine/build-simulation.js';
import { nodeNotReadyTime } from '../../src/cluster/node-not-ready-time.js';
import { NODE_FAILURE_DEFAULTS } from '../../src/faults/node-failure.js';
import { BASE_DEPLOYMENT } from '../scenario/helpers/base-scenario.js';
import { faultProblems, loadWithFaults, withFaults } from '../scenario/helpers/fault-scenario.js';
import { baseFiles } from '../scenario/helpers/base-scenario.js';
import { folderProblems, lines } from '../scenario/helpers/scenario-folder.js';

const FAILURE_SECONDS = 60;
/** The health pass at 65 s saw the renewal at 60 s; the first pass at or after 65 + 50 s. */
const NOT_READY_SECONDS = 115;
/** The next pass (5 s later) puts the NoExecute taint on; the taint manager waits 300 s from it. */
const NO_EXECUTE_SECONDS = 120;
const EVICTION_SECONDS = NO_EXECUTE_SECONDS + NODE_FAILURE_DEFAULTS.evictionTimeoutSeconds;
/** 600 requests a minute: 10 req/s, which one pod serves alone. */
const OFFERED_RPS = 10;

function webDeployment(replicas: number): string {
  return BASE_DEPLOYMENT.replace('spec:\n  selector:', `spec:\n  replicas: ${replicas}\n  selector:`).replace(
    '          resources:',
    '          readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}\n          resources:',
  );
}

function flatTrace(perMinute: number, minutes: number): string {
  const rows = Array.from({ length: minutes }, (_, m) => `2024-01-01T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00Z,${perMinute}`);
  return lines('timestamp,value', ...rows);
}

async function build(fault: string, replicas = 2, perMinute = OFFERED_RPS * 60): Promise<BuiltSimulation> {
  const scenario = await loadWithFaults([fault], { 'manifests/web.yaml': webDeployment(replicas), 'traces/web.csv': flatTrace(perMinute, 60) }, { durationSeconds: 3600 });
  return buildSimulation(scenario, []);
}

/** Every second from 1 s to `untilSeconds`: "t node:<Ready|NotReady> pod:<R|-><up|down> serving=<n> unreachable=<n>". */
function sampleEverySecond(built: BuiltSimulation, untilSeconds: number): string[] {
  const node = built.cluster.nodes[0]!;
  const pod = built.cluster.podsOn(node)[0]!;
  const w = built.workloads[0]!;
  const samples: string[] = [];
  built.sim.every(1, 1, Phase.OBSERVE, 'probe', () => {
    const podState = `${pod.ready ? 'R' : '-'}${pod.containerStartSeconds === undefined ? 'down' : 'up'}`;
    samples.push(`${built.sim.nowSeconds} node:${node.ready ? 'Ready' : 'NotReady'} pod:${podState} serving=${w.servingPods} unreachable=${w.unreachablePods}`);
  }, untilSeconds);
  return samples;
}

/** The samples with consecutive duplicates (ignoring the time) collapsed: when each state began. */
function changes(samples: string[]): string[] {
  return samples.filter((s, i) => i === 0 || s.slice(s.indexOf(' ')) !== samples[i - 1]!.slice(samples[i - 1]!.indexOf(' ')));
}

function droppedAt(built: BuiltSimulation, seconds: number): number {
  built.sim.runUntil(seconds);
  const w = built.workloads[0]!;
  w.settle(seconds);
  return w.totals.droppedRequests;
}

describe('nodeFailure: node-monitor-grace-period, then NotReady, then eviction', () => {
  it('the grace default is 50 s (kube-controller-manager --node-monitor-grace-period since v1.32) and eviction 300 s after the NoExecute taint', () => {
    expect(NODE_FAILURE_DEFAULTS).toEqual({ evictionTimeoutSeconds: 300, nodeMonitorGracePeriodSeconds: 50 });
    expect(nodeNotReadyTime({ kubeletStartedSeconds: 0, kubeletStoppedSeconds: FAILURE_SECONDS, gracePeriodSeconds: 50 })).toMatchObject({ notReadySeconds: NOT_READY_SECONDS, noExecuteSeconds: NO_EXECUTE_SECONDS });
    expect(EVICTION_SECONDS).toBe(420);
  });

  it('pods stay Ready=True (containers down) until the marking pass, NotReady after; the node is tainted NoSchedule then, NoExecute a pass later', async () => {
    const built = await build(`{nodeFailure: {node: default-0, at: ${FAILURE_SECONDS}}}`);
    const node = built.cluster.nodes[0]!;
    const pod = built.cluster.podsOn(node)[0]!;
    const samples = sampleEverySecond(built, 200);
    built.sim.runUntil(FAILURE_SECONDS + 1);
    expect(node.taints).toEqual([]);
    expect(built.cluster.health.notReadySinceSeconds(node)).toBeUndefined();
    built.sim.runUntil(NO_EXECUTE_SECONDS - 1);
    expect(node.taints).toEqual([NODE_UNREACHABLE_TAINT]);
    built.sim.runUntil(200);
    expect(changes(samples)).toEqual([
      '1 node:Ready pod:Rup serving=2 unreachable=0',
      '60 node:Ready pod:Rdown serving=1 unreachable=1',
      '115 node:NotReady pod:-down serving=1 unreachable=0',
    ]);
    expect(samples.find((s) => s.startsWith('114 '))).toBe('114 node:Ready pod:Rdown serving=1 unreachable=1');
    expect(built.cluster.health.notReadySinceSeconds(node)).toBe(NOT_READY_SECONDS);
    expect(pod.readyConditionSeconds).toBe(NOT_READY_SECONDS);
    expect(node.taints).toEqual([NODE_UNREACHABLE_TAINT, NODE_UNREACHABLE_NO_EXECUTE_TAINT]);
  });

  it('loses the dead endpoint’s share of the requests until the marking pass only, and keeps offered = served + dropped + backlog', async () => {
    const built = await build(`{nodeFailure: {node: default-0, at: ${FAILURE_SECONDS}}}`);
    const w = built.workloads[0]!;
    const before = droppedAt(built, FAILURE_SECONDS);
    expect(before).toBe(0);
    const atMark = droppedAt(built, NOT_READY_SECONDS);
    // Two endpoints, one dead: half of 10 req/s for 55 s.
    expect(atMark).toBeCloseTo((OFFERED_RPS / 2) * (NOT_READY_SECONDS - FAILURE_SECONDS), 6);
    expect(droppedAt(built, 400)).toBeCloseTo(atMark, 6);
    const t = w.totals;
    expect(t.offeredRequests).toBeCloseTo(OFFERED_RPS * 400, 6);
    expect(t.offeredRequests).toBeCloseTo(t.servedRequests + t.droppedRequests + w.backlogRequests, 6);
    // The served share: 100% before the failure, 50% until the marking.
    expect(t.servedRequests).toBeCloseTo(OFFERED_RPS * 400 - atMark - w.backlogRequests, 6);
  });

  it('evicts the pods 300 s after the NoExecute taint, not before, and their replacements run elsewhere', async () => {
    const built = await build(`{nodeFailure: {node: default-0, at: ${FAILURE_SECONDS}}}`);
    const node = built.cluster.nodes[0]!;
    const pod = built.cluster.podsOn(node)[0]!;
    built.sim.runUntil(EVICTION_SECONDS - 1);
    expect(pod.deletionSeconds).toBeUndefined();
    built.sim.runUntil(EVICTION_SECONDS + 1);
    expect(pod.deletionSeconds).toBe(EVICTION_SECONDS);
    built.sim.runUntil(600);
    const live = built.workloads[0]!.controller.pods.filter((p) => p.deletionSeconds === undefined);
    expect(live.map((p) => p.node?.name)).toEqual(['default-1', 'default-1']);
    expect(built.workloads[0]!.servingPods).toBe(2);
  });

  it('an evicted pod stays Terminating while its kubelet is down (only the kubelet confirms a deletion), and is gone once it recovers', async () => {
    const built = await build(`{nodeFailure: {node: default-0, at: ${FAILURE_SECONDS}, recoverAfter: 1000s}}`);
    const node = built.cluster.nodes[0]!;
    const pod = built.cluster.podsOn(node)[0]!;
    built.sim.runUntil(900);
    expect(pod.deletionSeconds).toBe(EVICTION_SECONDS);
    expect(pod.removed).toBe(false);
    expect(built.cluster.podsOn(node)).toContain(pod);
    // The ReplicaSet does not count it (terminating): its replacement runs elsewhere meanwhile.
    expect(built.workloads[0]!.servingPods).toBe(2);
    built.sim.runUntil(FAILURE_SECONDS + 1000 + 1);
    expect(pod.removed).toBe(true);
  });

  it('a pod with terminationGracePeriodSeconds 0 is gone at its eviction, kubelet or not (grace 0 is no graceful deletion: the API server removes it at once)', async () => {
    const fault = `{nodeFailure: {node: default-0, at: ${FAILURE_SECONDS}, recoverAfter: 1000s}}`;
    const deployment = webDeployment(2).replace('      containers:', '      terminationGracePeriodSeconds: 0\n      containers:');
    const scenario = await loadWithFaults([fault], { 'manifests/web.yaml': deployment, 'traces/web.csv': flatTrace(OFFERED_RPS * 60, 60) }, { durationSeconds: 3600 });
    const built = buildSimulation(scenario, []);
    const node = built.cluster.nodes[0]!;
    const pod = built.cluster.podsOn(node)[0]!;
    expect(pod.template.terminationGracePeriodSeconds).toBe(0);
    built.sim.runUntil(EVICTION_SECONDS + 1);
    expect(pod.deletionSeconds).toBe(EVICTION_SECONDS);
    expect(pod.removed).toBe(true);
    expect(built.cluster.podsOn(node)).not.toContain(pod);
  });

  it("a StatefulSet's ordinal on the failed node is not created again while the old pod is Terminating", async () => {
    const statefulSet = webDeployment(2).replace('kind: Deployment', 'kind: StatefulSet').replace('spec:\n', 'spec:\n  serviceName: web\n  podManagementPolicy: Parallel\n');
    const scenario = await loadWithFaults([`{nodeFailure: {node: default-0, at: ${FAILURE_SECONDS}, recoverAfter: 1000s}}`], { 'manifests/web.yaml': statefulSet, 'traces/web.csv': flatTrace(OFFERED_RPS * 60, 60) }, { durationSeconds: 3600 });
    const built = buildSimulation(scenario, []);
    const [lost] = built.cluster.podsOn(built.cluster.nodes[0]!);
    built.sim.runUntil(900);
    const pods = () => built.workloads[0]!.controller.pods.map((p) => `${p.name}${p.deletionSeconds !== undefined ? ' terminating' : ''}`);
    expect(pods()).toContain(`${lost!.name} terminating`);
    expect(built.workloads[0]!.controller.pods.filter((p) => p.name === lost!.name)).toHaveLength(1);
    expect(built.workloads[0]!.servingPods).toBe(1);
    built.sim.runUntil(FAILURE_SECONDS + 1000 + 60);
    // Gone with the kubelet's return; the StatefulSet creates the ordinal again.
    expect(built.workloads[0]!.controller.pods.filter((p) => p.name === lost!.name && !p.removed && p.deletionSeconds === undefined)).toHaveLength(1);
  });

  it('the scheduler still binds to the node during the grace window (the pod never starts, and is evicted with the rest); not after', async () => {
    const built = await build(`{nodeFailure: {node: default-0, at: ${FAILURE_SECONDS}}}`);
    const node = built.cluster.nodes[0]!;
    const controller = built.workloads[0]!.controller;
    built.sim.runUntil(70);
    controller.scale(4);
    built.sim.runUntil(110);
    // Bound after the scheduling latency, while the API still shows the node Ready and untainted.
    const boundInGrace = built.cluster.podsOn(node).filter((p) => p.boundSeconds !== undefined && p.boundSeconds >= 70);
    expect(boundInGrace).toHaveLength(1);
    expect(boundInGrace[0]!.containerStartSeconds).toBeUndefined();
    expect(boundInGrace[0]!.phase).toBe('Pending');
    built.sim.runUntil(NOT_READY_SECONDS + 5);
    controller.scale(6);
    built.sim.runUntil(NOT_READY_SECONDS + 15);
    expect(built.cluster.podsOn(node).filter((p) => p.boundSeconds !== undefined && p.boundSeconds >= NOT_READY_SECONDS)).toEqual([]);
    expect(controller.pods.filter((p) => p.boundSeconds !== undefined && p.boundSeconds >= NOT_READY_SECONDS).map((p) => p.node?.name)).toEqual(['default-1', 'default-1']);
    built.sim.runUntil(EVICTION_SECONDS + 1);
    expect(boundInGrace[0]!.deletionSeconds).toBe(EVICTION_SECONDS);
  });

  it('recovery within the grace period: the API never shows the node NotReady, nothing is evicted, the pod restarts in place', async () => {
    const built = await build(`{nodeFailure: {node: default-0, at: ${FAILURE_SECONDS}, recoverAfter: 30s}}`);
    const node = built.cluster.nodes[0]!;
    const pod = built.cluster.podsOn(node)[0]!;
    const samples = sampleEverySecond(built, 600);
    built.sim.runUntil(600);
    expect(samples.some((s) => s.includes('NotReady'))).toBe(false);
    expect(node.taints).toEqual([]);
    expect(changes(samples)).toEqual([
      '1 node:Ready pod:Rup serving=2 unreachable=0',
      '60 node:Ready pod:Rdown serving=1 unreachable=1',
      // The kubelet restarts the container at 90 s (Ready=False until its first probe, at once).
      '90 node:Ready pod:Rup serving=2 unreachable=0',
    ]);
    expect(pod.containerStartSeconds).toBe(90);
    expect(pod.restartCount).toBe(1);
    expect(pod.deletionSeconds).toBeUndefined();
    // Lost only while the dead pod was an endpoint: 5 req/s for 30 s.
    built.workloads[0]!.settle(600);
    expect(built.workloads[0]!.totals.droppedRequests).toBeCloseTo((OFFERED_RPS / 2) * 30, 6);
  });

  it('recovery after the marking: NotReady from the marking pass until the recovery, then Ready and untainted', async () => {
    const built = await build(`{nodeFailure: {node: default-0, at: ${FAILURE_SECONDS}, recoverAfter: 2m}}`);
    const node = built.cluster.nodes[0]!;
    const samples = sampleEverySecond(built, 400);
    built.sim.runUntil(600);
    expect(changes(samples).map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual(['1 node:Ready', '60 node:Ready', '115 node:NotReady', '180 node:Ready']);
    expect(node.taints).toEqual([]);
    expect(built.cluster.podsOn(node)[0]!.deletionSeconds).toBeUndefined();
  });

  it('the scenario may set nodeMonitorGracePeriod: 40s (pre-v1.32) moves NotReady to 65 + 40 = 105 s and eviction to 410 s; 0 marks it at the pass that saw the last renewal', async () => {
    for (const [grace, notReadyAt] of [
      ['40s', 105],
      ['0', 65],
    ] as const) {
      const built = await build(`{nodeFailure: {node: default-0, at: ${FAILURE_SECONDS}, nodeMonitorGracePeriod: ${grace}}}`);
      const node = built.cluster.nodes[0]!;
      const pod = built.cluster.podsOn(node)[0]!;
      const evictionAt = notReadyAt + 5 + 300;
      built.sim.runUntil(evictionAt + 1);
      expect(built.cluster.health.notReadySinceSeconds(node)).toBe(notReadyAt);
      expect(pod.deletionSeconds).toBe(evictionAt);
      built.workloads[0]!.settle(evictionAt);
      expect(built.workloads[0]!.totals.droppedRequests).toBeCloseTo((OFFERED_RPS / 2) * (notReadyAt - FAILURE_SECONDS), 6);
    }
  });

  it('a kubelet that recovered renews its Lease from its return: a second failure is timed from that grid', async () => {
    // Recovered at 60 + 203 = 263 s: renewals at 263, 273, … 323, 333 s. Failing again at 331 s: the
    // last renewal is 323 s, seen at 325 s, NotReady at 375 s. On the registration's grid (330 s,
    // seen at 335 s) it would be 385 s.
    const scenario = await loadWithFaults(
      [`{nodeFailure: {node: default-0, at: ${FAILURE_SECONDS}, recoverAfter: 203s}}`, '{nodeFailure: {node: default-0, at: 331}}'],
      { 'manifests/web.yaml': webDeployment(2), 'traces/web.csv': flatTrace(OFFERED_RPS * 60, 60) },
      { durationSeconds: 3600 },
    );
    const built = buildSimulation(scenario, []);
    const node = built.cluster.nodes[0]!;
    built.sim.runUntil(300);
    expect(built.cluster.health.kubeletStartedSeconds(node)).toBe(263);
    expect(node.ready).toBe(true);
    built.sim.runUntil(600);
    expect(built.cluster.health.notReadySinceSeconds(node)).toBe(375);
  });
});

describe('nodeFailure over random timings (fast-check, fixed seed)', () => {
  it('conserves load, shows NotReady first at the instant node-not-ready-time.ts gives, and never when the kubelet recovers before it', async () => {
    const arb = fc.record({
      failAtSeconds: fc.integer({ min: 10, max: 600 }),
      graceSeconds: fc.integer({ min: 0, max: 120 }),
      recoverAfterSeconds: fc.option(fc.integer({ min: 1, max: 900 }), { nil: undefined }),
      replicas: fc.integer({ min: 1, max: 3 }),
      perMinute: fc.integer({ min: 0, max: 3000 }),
    });
    await fc.assert(
      fc.asyncProperty(arb, async (p) => {
        const recover = p.recoverAfterSeconds === undefined ? '' : `, recoverAfter: ${p.recoverAfterSeconds}`;
        const built = await build(`{nodeFailure: {node: default-0, at: ${p.failAtSeconds}, nodeMonitorGracePeriod: ${p.graceSeconds}${recover}}}`, p.replicas, p.perMinute);
        const node = built.cluster.nodes[0]!;
        const w = built.workloads[0]!;
        const notReadyAt: number[] = [];
        built.sim.every(1, 1, Phase.OBSERVE, 'probe', () => {
          if (!node.ready) notReadyAt.push(built.sim.nowSeconds);
          expect(w.unreachablePods).toBeGreaterThanOrEqual(0);
          if (built.sim.nowSeconds < p.failAtSeconds) expect(w.unreachablePods).toBe(0);
        }, 1800);
        built.sim.runUntil(1800);
        w.settle(1800);
        const t = w.totals;
        expect(t.offeredRequests).toBeCloseTo(t.servedRequests + t.droppedRequests + w.backlogRequests, 4);
        // The warm node registered at 0; the fault and the grace are whole seconds, so every instant is.
        const expected = nodeNotReadyTime({ kubeletStartedSeconds: 0, kubeletStoppedSeconds: p.failAtSeconds, gracePeriodSeconds: p.graceSeconds }).notReadySeconds;
        const delay = expected - p.failAtSeconds;
        expect(delay).toBeGreaterThan(p.graceSeconds - 10);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(p.graceSeconds + 10);
        if (p.graceSeconds % 5 === 0) expect(delay).toBeLessThanOrEqual(p.graceSeconds + 5);
        // A recovery at the marking pass's very instant leaves no NotReady sample either (marked and Ready again within it).
        const recoveredFirst = p.recoverAfterSeconds !== undefined && p.recoverAfterSeconds <= delay;
        if (recoveredFirst) expect(notReadyAt).toEqual([]);
        else if (expected < 1800) expect(notReadyAt[0]).toBe(expected);
      }),
      { seed: 20241123, numRuns: 25 },
    );
  });
});

describe('nodeFailure.nodeMonitorGracePeriod validation', () => {
  it('resolves a duration to nodeMonitorGracePeriodSeconds and leaves it unset by default', async () => {
    const scenario = await loadWithFaults(['{nodeFailure: {pool: default, at: 1h, nodeMonitorGracePeriod: 1m}}', '{nodeFailure: {pool: default, at: 2h}}']);
    expect(scenario.faults).toEqual([
      { kind: 'nodeFailure', target: { pool: 'default' }, timing: { kind: 'at', atSeconds: 3600 }, nodeMonitorGracePeriodSeconds: 60 },
      { kind: 'nodeFailure', target: { pool: 'default' }, timing: { kind: 'at', atSeconds: 7200 } },
    ]);
  });

  it.each([
    ['a negative duration', '-10s', { message: expect.stringContaining('must not be negative') }],
    ['not a duration', 'soon', { message: expect.stringContaining('is not a duration'), hint: expect.stringContaining('units: ms, s, m') }],
  ])('rejects %s at its file, line and field', async (_name, value, expected) => {
    const problems = await faultProblems([`{nodeFailure: {pool: default, at: 5m, nodeMonitorGracePeriod: ${value}}}`]);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'scenario.yaml', line: 18, field: 'spec.faults[0].nodeFailure.nodeMonitorGracePeriod', ...expected }),
    );
  });
});

describe("nodeFailure: the pods' own unreachable tolerations (the taint manager reads them; the admission default only fills in)", () => {
  async function buildTolerating(toleration: string): Promise<BuiltSimulation> {
    const deployment = webDeployment(2).replace('      containers:', `      tolerations:\n        - ${toleration}\n      containers:`);
    const scenario = await loadWithFaults([`{nodeFailure: {node: default-0, at: ${FAILURE_SECONDS}}}`], { 'manifests/web.yaml': deployment, 'traces/web.csv': flatTrace(OFFERED_RPS * 60, 60) }, { durationSeconds: 3600 });
    return buildSimulation(scenario, []);
  }

  it('tolerationSeconds 30: evicted 30 s after the NoExecute taint, and replaced elsewhere', async () => {
    const built = await buildTolerating('{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 30}');
    const pod = built.cluster.podsOn(built.cluster.nodes[0]!)[0]!;
    expect(pod.tolerations.map((t) => t.tolerationSeconds)).toEqual([30]);
    built.sim.runUntil(NO_EXECUTE_SECONDS + 29);
    expect(pod.deletionSeconds).toBeUndefined();
    built.sim.runUntil(NO_EXECUTE_SECONDS + 31);
    expect(pod.deletionSeconds).toBe(NO_EXECUTE_SECONDS + 30);
    built.sim.runUntil(300);
    expect(built.workloads[0]!.servingPods).toBe(2);
  });

  it('tolerationSeconds 0: evicted at the NoExecute taint itself', async () => {
    const built = await buildTolerating('{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 0}');
    const pod = built.cluster.podsOn(built.cluster.nodes[0]!)[0]!;
    built.sim.runUntil(NO_EXECUTE_SECONDS + 1);
    expect(pod.deletionSeconds).toBe(NO_EXECUTE_SECONDS);
  });

  it('a toleration with no tolerationSeconds: never evicted; the pod stays bound to the dead node and its Deployment keeps one pod short of serving', async () => {
    const built = await buildTolerating('{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute}');
    const pod = built.cluster.podsOn(built.cluster.nodes[0]!)[0]!;
    built.sim.runUntil(3000);
    expect(pod.deletionSeconds).toBeUndefined();
    expect(pod.node?.name).toBe('default-0');
    expect(built.workloads[0]!.servingPods).toBe(1);
  });

  it('a toleration of the unreachable NoSchedule taint only: the admission default still applies (300 s)', async () => {
    const built = await buildTolerating('{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoSchedule}');
    const pod = built.cluster.podsOn(built.cluster.nodes[0]!)[0]!;
    built.sim.runUntil(EVICTION_SECONDS + 1);
    expect(pod.deletionSeconds).toBe(EVICTION_SECONDS);
  });
});

describe('tolerations are validated as the API server does (ValidateTolerations)', () => {
  it.each([
    ['{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoSchedule, tolerationSeconds: 30}', "effect must be 'NoExecute' when `tolerationSeconds` is set"],
    ['{operator: Equal, value: x}', 'operator must be Exists when `key` is empty'],
    ['{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 2.5}', 'expected whole seconds'],
  ])('%s is refused', async (toleration, message) => {
    const deployment = webDeployment(2).replace('      containers:', `      tolerations:\n        - ${toleration}\n      containers:`);
    const problems = await folderProblems({ ...baseFiles(), 'scenario.yaml': withFaults(`{nodeFailure: {node: default-0, at: ${FAILURE_SECONDS}}}`), 'manifests/web.yaml': deployment });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe('manifests/web.yaml');
    expect(problems[0]!.line).toBe(14);
    expect(problems[0]!.field).toMatch(/^spec\.template\.spec\.tolerations\[0\]/);
    expect(problems[0]!.message).toContain(message);
  });
});
