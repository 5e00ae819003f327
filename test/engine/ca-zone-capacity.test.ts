/**
 * A zone outage with its cloud capacity lost (nodeFailure `{ zone, capacityLost }`), through
 * whole runs with the cluster-autoscaler. Pools `a` (zone za, expanderPriority 10) and `b` (zb, 5),
 * one 2-CPU node each, 60 s boot, on-demand; `app` has two 1500m pods, one per node. The zone fails
 * at 300 s: a-0 is NotReady at 355 s, tainted NoExecute at 360 s, its pod evicted at 660 s, and the
 * replacement is Pending. The priority expander picks group a at the loop of 667.5 s. With the
 * capacity lost, a-1 is never launched. Unreported, the cluster-autoscaler takes it for an upcoming
 * node until the group's scale-up request times out 910 s later (clusterstate.go
 * updateScaleRequests), backs a off and scales up b in the same loop, deleting the unlaunched
 * instance (removeOldUnregisteredNodes). Reported, the next loop finds it with an OutOfResource
 * creation error (handleInstanceCreationErrors), backs a off, deletes it
 * (deleteCreatedNodesWithErrors) and goes on to scale up b in the same loop.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaDecisionRecord } from '../../src/observe/records.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { parseOverrides } from '../../src/compare/overrides.js';
import { ROOT } from '../helpers/run-cli.js';
import { runRecordingCa, type CaRecordedRun } from '../helpers/ca-recorded-run.js';
import { deploymentYaml } from '../scenario/helpers/base-scenario.js';
import { loadFolder } from '../scenario/helpers/scenario-folder.js';

const POOL = 'minSize: 0, maxSize: 4, cpu: "2", memory: 4Gi, bootTime: 60s, billing: {kind: onDemand, pricePerHour: 0.1, currency: USD}';

async function run(fault: string, aCount = 1, moreFaults: string[] = [], replicas = 2): Promise<CaRecordedRun> {
  const scenario = [
    'apiVersion: scalesim.dev/v1alpha1',
    'kind: Scenario',
    'spec:',
    '  seed: 1',
    '  duration: 3h',
    '  nodePools:',
    `    - {name: a, count: ${aCount}, ${POOL}, expanderPriority: 10, labels: {topology.kubernetes.io/zone: za}}`,
    `    - {name: b, count: 1, ${POOL}, expanderPriority: 5, labels: {topology.kubernetes.io/zone: zb}}`,
    '  clusterAutoscaler: {expander: priority}',
    '  faults:',
    ...(fault === '' ? [] : [`    - nodeFailure: ${fault}`]),
    ...moreFaults,
    '',
  ].join('\n');
  const app = deploymentYaml('app', replicas, '      containers:', '        - {name: c, image: x, resources: {requests: {cpu: 1500m, memory: 100Mi}}}');
  return runRecordingCa(await loadFolder({ 'scenario.yaml': scenario, 'manifests/app.yaml': app }));
}

/** Each scale-up as "t group", with the timeout the loop found first when there was one. */
function scaleUps(r: CaRecordedRun): string[] {
  return r.records.filter((x) => x.action === 'scale-up').map((x) => `${x.timeSeconds.toFixed(1)} ${x.group}${x.detail.startsWith('scale-up timed out') ? ` (${x.detail.split(';')[0]})` : ''}`);
}

/** Each node's billing as "node start joined end", rounded to 0.1 s. */
function billing(r: CaRecordedRun): string[] {
  const t = (s: number | undefined) => (s === undefined ? '-' : s.toFixed(1));
  return r.built.ledger.nodes.map((n) => `${n.node} ${t(n.startSeconds)} ${t(n.joinedSeconds)} ${t(n.endSeconds)}`);
}

const replacement = (r: CaRecordedRun) => r.pods.find((p) => p.name === 'app-00002')!;

describe('nodeFailure of a zone with capacityLost: reported, the cluster-autoscaler backs the group off at its next loop', () => {
  it('the next loop backs the group off, deletes the failed instance and grows the next group in the same loop', async () => {
    const r = await run('{zone: za, at: 5m, recoverAfter: 90m, capacityLost: reported}');
    expect(scaleUps(r)).toEqual(['667.5 a', '677.5 b']);
    const second = r.records.filter((x) => x.action === 'scale-up')[1]!;
    // Handled at the loop's start (handleInstanceCreationErrors), deleted after the health check
    // (deleteCreatedNodesWithErrors); the pods no longer fit an upcoming node and a is backed off.
    expect(second.detail).toBe('scale-up failed: a 1 node(s) OutOfResource/placeholder-cannot-be-fulfilled; 1 node(s) that failed to create deleted; +1 node(s) for 1 pod(s); skipped a: BackedOff');
    // Nodes before count the target after the deletion (Recalculate), so the scale-up shows as one.
    expect([second.nodesBefore, second.nodesAfter]).toEqual([2, 3]);
    // Never launched, never billed; the pod waits for b-1 only. a-0 (unready) goes after the unready
    // time as in the run whose capacity stays: no unlaunched instance holds group a above its minimum.
    expect(billing(r)).toEqual(['a-0 0.0 0.0 1942.5', 'b-0 0.0 0.0 -', 'b-1 677.5 737.5 -']);
    expect([replacement(r).node?.name, replacement(r).boundSeconds?.toFixed(1)]).toEqual(['b-1', '737.5']);
    expect(r.records.some((x) => x.detail.includes('timed out'))).toBe(false);
  });

  it('each failed instance counts once: the loops after the deletion see no failure and back nothing off again', async () => {
    const r = await run('{zone: za, at: 5m, recoverAfter: 90m, capacityLost: reported}');
    expect(r.records.filter((x) => x.detail.includes('scale-up failed')).map((x) => x.timeSeconds.toFixed(1))).toEqual(['677.5']);
    expect(r.records.filter((x) => x.detail.includes('failed to create deleted'))).toHaveLength(1);
  });

  it('a reported loss that begins while an instance waits through an unreported one fails that instance too (every placeholder of the group)', async () => {
    // Unreported from 5 min; a reported loss of the same zone from 12 min, while a-1 (asked for at 667.5 s) waits.
    const r = await run('{zone: za, at: 5m, recoverAfter: 90m, capacityLost: unreported}', 1, ['    - nodeFailure: {zone: za, at: 12m, recoverAfter: 80m, capacityLost: reported}']);
    expect(scaleUps(r)).toEqual(['667.5 a', '727.5 b']);
    expect(r.records.filter((x) => x.detail.includes('scale-up failed')).map((x) => x.timeSeconds.toFixed(1))).toEqual(['727.5']);
  });
});

describe('nodeFailure of a zone with capacityLost: unreported, the zone launches no instance until it recovers', () => {
  it('the scale-up into the lost zone times out after --max-node-provision-time, backs the group off, and the next group takes the pod', async () => {
    const r = await run('{zone: za, at: 5m, recoverAfter: 90m, capacityLost: unreported}');
    expect(scaleUps(r)).toEqual(['667.5 a', '1577.5 b (scale-up timed out: a after 910s)']);
    // Every loop in between waited for the upcoming node standing in for a-1.
    const [first, second] = r.records.filter((x) => x.action === 'scale-up');
    const waiting = r.records.filter((x) => x.timeSeconds > first!.timeSeconds && x.timeSeconds < second!.timeSeconds);
    expect(waiting).toHaveLength(90);
    for (const x of waiting) expect(x).toMatchObject({ action: 'no-op', unschedulablePods: 1, reason: 'PodsFitUpcomingNodes' });
    expect(second!.detail).toContain('skipped a: BackedOff');
    // a-1 never launched: never registered, never billed; a-0 is billed until the autoscaler removes it (unready, unneeded).
    expect([...r.nodes.keys()]).toEqual(['b-1']);
    expect(billing(r)).toEqual(['a-0 0.0 0.0 2182.5', 'b-0 0.0 0.0 -', 'b-1 1577.5 1637.5 -']);
    expect([replacement(r).node?.name, replacement(r).boundSeconds?.toFixed(1)]).toEqual(['b-1', '1637.5']);
    expect(r.built.faultCounts.get('nodeFailure')).toBe(1);
  });

  it('an instance asked for during the outage launches when the zone is back, before the request times out', async () => {
    const r = await run('{zone: za, at: 5m, recoverAfter: 15m, capacityLost: unreported}');
    expect(scaleUps(r)).toEqual(['667.5 a']);
    expect(r.records.some((x) => x.detail.includes('timed out'))).toBe(false);
    // Launched (billed) at the recovery, 1,200 s, registered after its 60 s boot; a-0 came back at the
    // same instant and took the pod, so a-1 was unneeded and removed.
    expect(billing(r)).toEqual(['a-0 0.0 0.0 -', 'b-0 0.0 0.0 -', 'a-1 1200.0 1260.0 1882.5']);
    expect([replacement(r).node?.name, replacement(r).boundSeconds]).toEqual(['a-0', 1200]);
  });

  it('without capacityLost the zone’s new nodes start as usual (the same run otherwise)', async () => {
    const r = await run('{zone: za, at: 5m, recoverAfter: 90m}');
    expect(scaleUps(r)).toEqual(['667.5 a']);
    expect(billing(r)).toEqual(['a-0 0.0 0.0 1942.5', 'b-0 0.0 0.0 -', 'a-1 667.5 727.5 -']);
    expect([replacement(r).node?.name, replacement(r).boundSeconds?.toFixed(1)]).toEqual(['a-1', '727.5']);
  });

  it('fires for a zone with no live node: its pools at zero lose their capacity all the same', async () => {
    // a starts empty, so app's second pod is Pending from t = 0 and the first loop (7.5 s) asks a for a node.
    const r = await run('{zone: za, at: 0s, capacityLost: unreported}', 0);
    expect(scaleUps(r)).toEqual(['7.5 a', '917.5 b (scale-up timed out: a after 910s)']);
    expect(billing(r)).toEqual(['b-0 0.0 0.0 -', 'b-1 917.5 977.5 -']);
    expect(r.built.faultCounts.get('nodeFailure')).toBe(1);
  });
});

describe('capacityLoss: a pool or zone that cannot launch, its running nodes left up', () => {
  // A third app pod is Pending at t = 0: the first loop (7.5 s) asks the preferred group a for a node.
  const third = (loss: string) => run('', 1, [`    - capacityLoss: ${loss}`], 3);

  it('reported (the default): the next loop backs a off, deletes the instance and grows b; a-0 keeps running', async () => {
    const r = await third('{pool: a, from: 0s, to: 1h}');
    expect(scaleUps(r)).toEqual(['7.5 a', '17.5 b']);
    expect(r.records.find((x) => x.timeSeconds > 17 && x.timeSeconds < 18)!.detail).toMatch(/^scale-up failed: a 1 node\(s\) OutOfResource\/placeholder-cannot-be-fulfilled; 1 node\(s\) that failed to create deleted; \+1 node\(s\) for 1 pod\(s\)/);
    expect(r.built.cluster.nodes.find((n) => n.name === 'a-0')!.ready).toBe(true);
    expect(billing(r)).toEqual(['a-0 0.0 0.0 -', 'b-0 0.0 0.0 -', 'b-1 17.5 77.5 -']);
    expect(r.built.faultCounts.get('capacityLoss')).toBe(1);
  });

  it('unreported: the instance waits, never launched nor billed, until the scale-up times out, then b grows', async () => {
    const r = await third('{zone: za, from: 0s, to: 1h, reported: false}');
    expect(scaleUps(r)).toEqual(['7.5 a', '917.5 b (scale-up timed out: a after 910s)']);
    expect(billing(r)).toEqual(['a-0 0.0 0.0 -', 'b-0 0.0 0.0 -', 'b-1 917.5 977.5 -']);
    expect(r.built.cluster.nodes.find((n) => n.name === 'a-0')!.ready).toBe(true);
  });

  it('ends at `to`: an instance waiting through it launches then, billed from then, and registers after its boot', async () => {
    const r = await third('{pool: a, from: 0s, to: 60s, reported: false}');
    expect(scaleUps(r)).toEqual(['7.5 a']);
    expect(billing(r)).toEqual(['a-0 0.0 0.0 -', 'b-0 0.0 0.0 -', 'a-1 60.0 120.0 -']);
  });

  it('an instance already booting when the loss begins comes up as usual (out of stock stops new launches only)', async () => {
    const r = await third('{pool: a, from: 30s, to: 1h}');
    expect(scaleUps(r)).toEqual(['7.5 a']);
    expect(billing(r)).toEqual(['a-0 0.0 0.0 -', 'b-0 0.0 0.0 -', 'a-1 7.5 67.5 -']);
  });
});

describe('the bundled zone-outage-ca takes the reported path', () => {
  it('a scale-up the expander gives zone-a during the outage fails at the cloud, is deleted, and another zone grows in the same loop', async () => {
    const r = runRecordingCa(await loadScenario(join(ROOT, 'scenarios', 'zone-outage-ca')));
    const failed = r.records.filter((x) => x.detail.startsWith('scale-up failed: zone-a'));
    expect(failed.length).toBeGreaterThanOrEqual(1);
    // Inside the outage (59 h to 61 h), and each of them grows another zone at once.
    for (const x of failed) {
      expect(x.timeSeconds).toBeGreaterThan(59 * 3600);
      expect(x.timeSeconds).toBeLessThan(61 * 3600);
      expect(x).toMatchObject({ action: 'scale-up' });
      expect(x.group).not.toBe('zone-a');
    }
    expect(r.records.some((x) => x.detail.includes('timed out'))).toBe(false);
  });
});

/**
 * The bundled zone-outage-ca with its spread as DoNotSchedule: PodTopologySpread's default
 * nodeTaintsPolicy Ignore counts the failed zone's tainted nodes as a domain with no pods (the
 * evicted ones are terminating), so the skew sends every new pod to zone-a: the cluster-autoscaler
 * finds only zone-a's template fits, its scale-ups there fail, and it tries again each time the
 * backoff ends (5, 10, 20, 30 min). With nodeTaintsPolicy Honor zone-a's nodes leave the count and
 * the other zones take the pods.
 */
describe('the bundled zone-outage-ca under DoNotSchedule: nodeTaintsPolicy decides', () => {
  async function outageScaleUps(overrides: string): Promise<CaDecisionRecord[]> {
    const patches = parseOverrides(overrides, 'test');
    const r = runRecordingCa(await loadScenario(join(ROOT, 'scenarios', 'zone-outage-ca'), { patches }));
    return r.records.filter((x) => x.action === 'scale-up' && x.timeSeconds > 59 * 3600 && x.timeSeconds < 61 * 3600);
  }
  const spread = 'Deployment/web:spec.template.spec.topologySpreadConstraints[0]';

  it('Ignore (the default): only zone-a fits the skew, and its scale-ups fail at each backoff’s end', async () => {
    const ups = await outageScaleUps(`${spread}.whenUnsatisfiable=DoNotSchedule`);
    expect(ups.length).toBeGreaterThanOrEqual(4);
    for (const x of ups) {
      expect(x.group).toBe('zone-a');
      expect(x.detail).toContain('zone-b: NoPodFitsTemplate: TopologySpreadConstraintsNotMatch');
    }
    // Each try after the first waits out a doubling backoff: 5, 10, 20 min (a loop's 10 s after it).
    const gaps = ups.slice(1, 4).map((x, i) => Math.round(x.timeSeconds - ups[i]!.timeSeconds));
    expect(gaps).toEqual([310, 610, 1210]);
  });

  it('Honor: zone-a’s tainted nodes leave the count and the other zones grow', async () => {
    const ups = await outageScaleUps(`${spread}.whenUnsatisfiable=DoNotSchedule;${spread}.nodeTaintsPolicy=Honor`);
    expect(ups.length).toBeGreaterThanOrEqual(1);
    expect(ups.filter((x) => x.group !== 'zone-a').length).toBeGreaterThanOrEqual(1);
  });
});
