/**
 * One spot interruption followed instant by instant through a whole run (two spot nodes, four web
 * pods, a flat load). Without an interruption handler (plain Kubernetes) nothing acts on the notice;
 * at its end the instance is terminated: billing and capacity stop, the pods' containers stop while
 * the API still shows them Ready; the node lifecycle controller's health pass --node-monitor-grace-period
 * (50 s) after the one that saw the kubelet's last Lease renewal marks the node NotReady and its pods
 * Ready=False (40–55 s after the termination: src/cluster/node-not-ready-time.ts); the cloud node
 * lifecycle controller deletes the Node at its next 5 s sweep;
 * the pod GC first sees it missing at its next 20 s sweep and 40 s later marks the pods Failed and
 * deletes them; only then does the ReplicaSet create their replacements. With
 * `interruptionHandling: drain` the node is cordoned and its pods evicted on the notice, so the
 * replacements are created then and nothing is left for the pod GC.
 */
import { describe, expect, it } from 'vitest';
import { NODE_UNSCHEDULABLE_TAINT } from '../../src/cluster/node-health.js';
import { nodeNotReadyTime } from '../../src/cluster/node-not-ready-time.js';
import type { InterruptionHandling } from '../../src/cloud/types.js';
import type { SimNode, SimPod } from '../../src/cluster/model.js';
import type { BuiltSimulation } from '../../src/engine/build-simulation.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import { deploymentYaml } from '../scenario/helpers/base-scenario.js';
import { lines, loadFolder } from '../scenario/helpers/scenario-folder.js';

const NOTICE_SECONDS = 120;
const GRACE_SECONDS = 50;
const PRICE_PER_HOUR = 0.1;

interface Timeline {
  built: BuiltSimulation;
  node: SimNode;
  /** The web pods bound to the interrupted node. */
  victims: SimPod[];
  /** The instance's termination. */
  terminatedSeconds: number;
  /** When the Node object was deleted. */
  nodeDeletedSeconds: number;
  /** Each victim's state when the instance went: [removed, containers running, Ready]. */
  atTermination: [boolean, boolean, boolean][];
  /** When each victim was gone from the API. */
  goneSeconds: Map<SimPod, number>;
  /** Whether the node was cordoned when its instance went. */
  cordonedAtTermination: boolean;
  /** Every web pod of the run, gone or not. */
  pods: SimPod[];
}

async function interrupt(handling: InterruptionHandling): Promise<Timeline> {
  const scenario = await loadFolder(
    {
      'scenario.yaml': lines(
        'apiVersion: scalesim.dev/v1alpha1',
        'kind: Scenario',
        'spec:',
        '  seed: 3',
        '  traces: {web: {file: traces/web.csv, valueKind: ratePerSecond}}',
        '  nodePools:',
        `    - {name: spotty, count: 2, cpu: "4", memory: 16Gi, bootTime: 60s, billing: {kind: spot, pricePerHour: ${PRICE_PER_HOUR}, currency: USD, interruptionRatePerHour: 0.5, interruptionHandling: ${handling}}}`,
        '  workloads:',
        '    web: {trace: web, cpuMillicoreSecondsPerRequest: 2}',
      ),
      'traces/web.csv': lines('timestamp,value', '2024-01-01T00:00:00Z,20', '2024-01-01T03:00:00Z,20'),
      'manifests/web.yaml': deploymentYaml('web', 4, '      containers:', '        - name: web', '          resources: {requests: {cpu: 100m, memory: 64Mi}}'),
    },
    { durationSeconds: 3 * 3600 },
  );
  let built: BuiltSimulation | undefined;
  let first: Omit<Timeline, 'built' | 'nodeDeletedSeconds' | 'pods'> | undefined;
  let nodeDeletedSeconds: number | undefined;
  const goneSeconds = new Map<SimPod, number>();
  /** Every web pod the cluster told of (the controller lists only those not gone). */
  const seen = new Set<SimPod>();
  runScenario(scenario, {
    onBuilt: (b) => {
      built = b;
      b.cluster.addListener({
        nodeTerminated: (node) => {
          if (first !== undefined) return;
          const victims = [...seen].filter((p) => p.node === node);
          first = {
            node,
            victims,
            terminatedSeconds: b.sim.nowSeconds,
            atTermination: victims.map((p) => [p.removed, p.containerStartSeconds !== undefined, p.ready]),
            goneSeconds,
            cordonedAtTermination: node.taints.some((t) => t.key === NODE_UNSCHEDULABLE_TAINT.key),
          };
        },
        nodeRemoved: (node) => {
          if (node === first?.node) nodeDeletedSeconds = b.sim.nowSeconds;
        },
        podChanged: (pod) => {
          if (pod.owner.index === 0) seen.add(pod);
          if (pod.removed && pod.node !== undefined && !goneSeconds.has(pod)) goneSeconds.set(pod, b.sim.nowSeconds);
        },
      });
    },
  });
  expect(first).toBeDefined();
  expect(nodeDeletedSeconds).toBeDefined();
  return { ...first!, built: built!, nodeDeletedSeconds: nodeDeletedSeconds!, pods: [...seen] };
}

/** When the node lifecycle controller marks the interrupted node NotReady: 40–55 s after the termination. */
function notReadyAfterTermination(t: Timeline): number {
  const at = nodeNotReadyTime({ kubeletStartedSeconds: t.node.createdSeconds, kubeletStoppedSeconds: t.terminatedSeconds, gracePeriodSeconds: GRACE_SECONDS }).notReadySeconds;
  expect(at - t.terminatedSeconds).toBeGreaterThan(GRACE_SECONDS - 10);
  expect(at - t.terminatedSeconds).toBeLessThanOrEqual(GRACE_SECONDS + 5);
  return at;
}

/** Web pods created at exactly `seconds`. */
function createdAt(t: Timeline, seconds: number): SimPod[] {
  return t.pods.filter((p) => p.createdSeconds === seconds);
}

/** Web pods created strictly between `fromSeconds` and `toSeconds`. */
function createdBetween(t: Timeline, fromSeconds: number, toSeconds: number): SimPod[] {
  return t.pods.filter((p) => p.createdSeconds > fromSeconds && p.createdSeconds < toSeconds);
}

describe('a spot interruption without a handler (plain Kubernetes)', () => {
  it('termination → NotReady at the health pass 50 s after the one that saw the last renewal → Node deleted at the next 5 s sweep → pods failed and deleted by the pod GC 40 s after its first sweep → replacements then', async () => {
    const t = await interrupt('none');
    const { built, node, victims } = t;
    const T = t.terminatedSeconds;
    expect(victims.length).toBeGreaterThan(0);
    // Nothing acted on the notice: no cordon, no eviction, the pods ran until the instance went.
    expect(t.cordonedAtTermination).toBe(false);
    expect(victims.every((p) => p.deletionSeconds === undefined)).toBe(true);
    // At the termination the containers stop, but the API still lists the pods Ready.
    expect(t.atTermination).toEqual(victims.map(() => [false, false, true]));
    // The node lifecycle controller's marking pass: NotReady, and MarkPodsNotReady.
    const notReady = notReadyAfterTermination(t);
    expect(built.cluster.health.notReadySinceSeconds(node)).toBe(notReady);
    for (const p of victims) expect(p.readyConditionSeconds).toBe(notReady);
    // The cloud node lifecycle controller's first sweep after that deletes the Node.
    const ccm = built.teardown.cloudNodeLifecycle.grid;
    expect(t.nodeDeletedSeconds).toBe(ccm.at(ccm.indexAfter(notReady)));
    // The pod GC's first sweep after the deletion quarantines the name; two sweeps (40 s) later the pods go, Failed.
    const gc = built.teardown.podGc.grid;
    const forceDeletedSeconds = gc.at(gc.indexAfter(t.nodeDeletedSeconds) + 2);
    expect(forceDeletedSeconds - t.nodeDeletedSeconds).toBeGreaterThan(40);
    expect(forceDeletedSeconds - t.nodeDeletedSeconds).toBeLessThanOrEqual(60);
    for (const p of victims) {
      expect(t.goneSeconds.get(p)).toBe(forceDeletedSeconds);
      expect(p.phase).toBe('Failed');
    }
    // Only then does the ReplicaSet replace them: none before, one per victim at that instant, elsewhere.
    expect(createdBetween(t, T - NOTICE_SECONDS, forceDeletedSeconds)).toEqual([]);
    const replacements = createdAt(t, forceDeletedSeconds);
    expect(replacements).toHaveLength(victims.length);
    for (const p of replacements) expect(p.node).not.toBe(node);
  });

  it('bills the node until its termination, not until its Node object is deleted', async () => {
    const t = await interrupt('none');
    const { built, node } = t;
    const T = t.terminatedSeconds;
    const record = built.ledger.nodes.find((r) => r.node === node.name)!;
    expect(record.endSeconds).toBe(T);
    // The Node object outlived its instance until the marking and a sweep after it.
    expect(t.nodeDeletedSeconds).toBeGreaterThan(notReadyAfterTermination(t));
    // The pool's capacity counts each node from its registration to its termination, the ghost not at all.
    const end = built.scenario.durationSeconds;
    const expected = built.ledger.nodes.reduce((sum, r) => sum + (Math.min(r.endSeconds ?? end, end) - (r.joinedSeconds ?? end)) * 4000, 0);
    const usage = built.ledger.usage(end).find((u) => u.pool === 'spotty')!;
    expect(usage.cpuAllocatableMillicoreSeconds).toBeCloseTo(expected, 3);
    expect(built.teardown.podGc.deletedPods).toBeGreaterThan(0);
  });
});

describe('a spot interruption with a drain handler (interruptionHandling: drain)', () => {
  it('cordons and evicts on the notice: replacements are created then, and nothing is left for the pod GC', async () => {
    const t = await interrupt('drain');
    const { built, node, victims } = t;
    const T = t.terminatedSeconds;
    const notice = T - NOTICE_SECONDS;
    expect(victims.length).toBeGreaterThan(0);
    expect(t.cordonedAtTermination).toBe(true);
    // Each pod evicted at the notice with its own grace period (30 s), gone after the 2 s termination.
    for (const p of victims) {
      expect([p.deletionSeconds, p.deletionGracePeriodSeconds]).toEqual([notice, 30]);
      expect(t.goneSeconds.get(p)).toBe(notice + 2);
      expect(p.phase).toBe('Running');
    }
    const replacements = createdAt(t, notice);
    expect(replacements).toHaveLength(victims.length);
    for (const p of replacements) expect(p.node).not.toBe(node);
    // The instance still goes at the end of the notice, with no pod left on it, and the Node object the same way after it.
    expect(t.atTermination.map(([removed]) => removed)).toEqual(victims.map(() => true));
    expect(built.ledger.nodes.find((r) => r.node === node.name)!.endSeconds).toBe(T);
    const notReady = notReadyAfterTermination(t);
    expect(built.cluster.health.notReadySinceSeconds(node)).toBe(notReady);
    const ccm = built.teardown.cloudNodeLifecycle.grid;
    expect(t.nodeDeletedSeconds).toBe(ccm.at(ccm.indexAfter(notReady)));
    expect(built.teardown.podGc.deletedPods).toBe(0);
  });
});
