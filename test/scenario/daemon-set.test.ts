/**
 * apps/v1 DaemonSet: read (it was ignored with a warning), its pods put on the pools whose nodes the
 * DaemonSet controller would run them on (nodeSelector, required node affinity, taints against the
 * pod's tolerations plus the ones the controller adds), none on virtual pools, one that no longer
 * fits a pool's node warned and left off, LimitRanger defaults applied to its template. In a run
 * the pods hold their requests on each node: fewer app pods fit, and the cluster-autoscaler's
 * template node carries them, so it adds the nodes the pending pods really need.
 */
import { describe, expect, it } from 'vitest';
import { calculateUtilization } from '../../src/autoscalers/cluster-autoscaler/scale-down/utilization.js';
import { nodeFromTemplate } from '../../src/autoscalers/cluster-autoscaler/simulated-node.js';
import { newNode } from '../../src/cluster/model.js';
import { caNodeGroup, copyCaNode } from '../../src/controllers/cluster-autoscaler/snapshot.js';
import { Phase } from '../../src/core/phases.js';
import { Simulation } from '../../src/core/simulation.js';
import { BillingLedger } from '../../src/engine/billing-ledger.js';
import { BillingObserver } from '../../src/engine/billing-observer.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import { folderProblems, lines, loadFolder } from './helpers/scenario-folder.js';
import { baseFiles } from './helpers/base-scenario.js';

function daemonSet(name: string, cpu: string, ...spec: string[]): string {
  return lines(
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    `metadata: {name: ${name}, namespace: kube-system}`,
    'spec:',
    `  selector: {matchLabels: {app: ${name}}}`,
    '  template:',
    `    metadata: {labels: {app: ${name}}}`,
    '    spec:',
    ...spec.map((s) => `      ${s}`),
    '      containers:',
    `        - {name: ${name}, resources: {requests: {cpu: ${cpu}, memory: 100Mi}}}`,
  );
}

const POOLS = [
  '  nodePools:',
  '    - {name: general, count: 1, cpu: "2", memory: 8Gi}',
  '    - {name: gpu, count: 1, cpu: "8", memory: 32Gi, labels: {accelerator: t4}, taints: [{key: dedicated, value: gpu, effect: NoSchedule}]}',
  '    - {name: small, count: 1, cpu: 300m, memory: 1Gi}',
];

function files(...daemonSets: string[]): Record<string, string> {
  const base = baseFiles();
  const scenario = base['scenario.yaml']!.replace(/ {2}nodePools:\n(?: {4}.*\n)+/, `${POOLS.join('\n')}\n`);
  return { ...base, 'scenario.yaml': scenario, 'manifests/daemonsets.yaml': daemonSets.join('---\n') };
}

const podsOf = (scenario: Awaited<ReturnType<typeof loadFolder>>) => Object.fromEntries(scenario.nodePools.map((p) => [p.name, (p.daemonSetPods ?? []).map((d) => `${d.daemonSet}:${d.cpuMillicores}m`)]));

describe('DaemonSet pods on node pools', () => {
  it('run on every pool whose labels and taints they accept, in name order, with their requests', async () => {
    const scenario = await loadFolder(
      files(
        daemonSet('node-exporter', '100m', 'tolerations: [{operator: Exists}]'),
        daemonSet('fluent-bit', '200m'),
        daemonSet('nvidia-plugin', '50m', 'nodeSelector: {accelerator: t4}', 'tolerations: [{key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}]'),
      ),
    );
    expect(podsOf(scenario)).toEqual({
      // fluent-bit does not tolerate the gpu pool's taint; the plugin selects the gpu pool only.
      general: ['fluent-bit:200m', 'node-exporter:100m'],
      gpu: ['node-exporter:100m', 'nvidia-plugin:50m'],
      // 300m allocatable: fluent-bit (200m) fits, node-exporter (100m) still does.
      small: ['fluent-bit:200m', 'node-exporter:100m'],
    });
    expect(scenario.daemonSets.map((d) => d.name)).toEqual(['node-exporter', 'fluent-bit', 'nvidia-plugin']);
  });

  it('one that no longer fits beside the earlier ones is left off that pool with a warning', async () => {
    const scenario = await loadFolder(files(daemonSet('a-agent', '250m'), daemonSet('b-agent', '100m')));
    expect(podsOf(scenario).small).toEqual(['a-agent:250m']);
    expect(scenario.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining(`DaemonSet b-agent's pod (100m cpu, 100Mi memory) does not fit pool "small"'s nodes (300m cpu, 1Gi allocatable beside a-agent)`));
  });

  it('an app pod that fits a node only without them is warned about', async () => {
    const web = baseFiles()['manifests/web.yaml']!.replace('requests: {cpu: 100m, memory: 64Mi}', 'requests: {cpu: 1900m, memory: 64Mi}');
    const scenario = await loadFolder({ ...files(daemonSet('fluent-bit', '200m')), 'manifests/web.yaml': web });
    expect(scenario.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('(largest cpu: pool "general" with 1800m cpu and 8092Mi allocatable beside its DaemonSet pods)'));
  });

  it('the node condition taints the controller tolerates do not keep them off; network-unavailable only for host-network pods', async () => {
    const taint = (key: string) => (text: string) => text.replace('{name: general, count: 1, cpu: "2", memory: 8Gi}', `{name: general, count: 1, cpu: "2", memory: 8Gi, taints: [{key: ${key}, effect: NoSchedule}]}`);
    const both = [daemonSet('agent', '100m'), daemonSet('cni', '50m', 'hostNetwork: true')];
    const unschedulable = files(...both);
    expect(podsOf(await loadFolder({ ...unschedulable, 'scenario.yaml': taint('node.kubernetes.io/unschedulable')(unschedulable['scenario.yaml']!) })).general).toEqual(['agent:100m', 'cni:50m']);
    const network = files(...both);
    expect(podsOf(await loadFolder({ ...network, 'scenario.yaml': taint('node.kubernetes.io/network-unavailable')(network['scenario.yaml']!) })).general).toEqual(['cni:50m']);
  });

  it('a namespace LimitRange fills their requests; a selector that misses the labels is refused', async () => {
    const limits = lines('apiVersion: v1', 'kind: LimitRange', 'metadata: {name: defaults, namespace: kube-system}', 'spec:', '  limits: [{type: Container, defaultRequest: {cpu: 150m}}]');
    const bare = daemonSet('agent', '100m').replace('resources: {requests: {cpu: 100m, memory: 100Mi}}', 'image: agent:1');
    expect(podsOf(await loadFolder({ ...files(bare), 'manifests/limits.yaml': limits })).general).toEqual(['agent:150m']);
    const problems = await folderProblems(files(daemonSet('agent', '100m').replace('    metadata: {labels: {app: agent}}', '    metadata: {labels: {app: other}}')));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'spec.template.metadata.labels', message: '`selector` does not match template `labels`' }));
  });
});

describe('DaemonSet pods in the cluster-autoscaler’s snapshot', () => {
  it('are on each node and on the group’s template node, owned by their DaemonSet; they count in utilization unless ignored', async () => {
    const pool = (await loadFolder(files(daemonSet('fluent-bit', '200m')))).nodePools.find((p) => p.name === 'general')!;
    const ca = copyCaNode(newNode(pool, 0, 0), () => 'ReplicaSet');
    expect(ca.pods.map((p) => [p.name, p.ownerKind, p.daemonSet, p.cpuMillicores])).toEqual([['fluent-bit-general-0', 'DaemonSet', true, 200]]);
    expect(calculateUtilization(ca, { ignoreDaemonSetsUtilization: false }).cpuRatio).toBe(0.1);
    expect(calculateUtilization(ca, { ignoreDaemonSetsUtilization: true }).cpuRatio).toBe(0);
    const template = nodeFromTemplate(caNodeGroup({ spec: pool, targetSize: 1 } as Parameters<typeof caNodeGroup>[0], {}).template, 'general-template');
    expect([template.cpuRequestedMillicores, template.podCount]).toEqual([200, 1]);
  });
});

describe('DaemonSet pods in the cost report', () => {
  it('request their share of every node for its life: the billing ledger counts it, so idle cost leaves it out', async () => {
    const pool = (await loadFolder(files(daemonSet('fluent-bit', '200m')))).nodePools.find((p) => p.name === 'general')!;
    const sim = new Simulation();
    const ledger = new BillingLedger();
    const observer = new BillingObserver(sim, ledger, () => ({ cpuMillicoreSeconds: 0 }) as never);
    const node = newNode(pool, 0, 0);
    observer.nodeAdded(node);
    sim.scheduleAt(100, Phase.LIFECYCLE, 'test', () => observer.nodeTerminated(node));
    sim.runUntil(200);
    const usage = ledger.usage(200).find((u) => u.pool === 'general')!;
    expect([usage.cpuRequestedMillicoreSeconds, usage.cpuAllocatableMillicoreSeconds]).toEqual([200 * 100, 2000 * 100]);
  });
});

describe('DaemonSet pods in a run', () => {
  /** Eight 300m pods pending on one 1-CPU node of a group the cluster-autoscaler grows up to 5 nodes. */
  function casFiles(...daemonSets: string[]): Record<string, string> {
    const base = baseFiles();
    const scenario = base['scenario.yaml']!
      .replace(/ {2}nodePools:\n(?: {4}.*\n)+/, '  nodePools:\n    - {name: workers, count: 1, minSize: 1, maxSize: 5, cpu: "1", memory: 4Gi, bootTime: {min: 60s, max: 60s}}\n  clusterAutoscaler: {expander: least-waste}\n')
      .replace(/ {2}workloads:\n(?: {4}.*\n)+/, '');
    const web = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: 8', '  selector: {matchLabels: {app: web}}', '  template:', '    metadata: {labels: {app: web}}', '    spec:', '      containers: [{name: web, resources: {requests: {cpu: 300m, memory: 64Mi}}}]');
    return { ...base, 'scenario.yaml': scenario, 'manifests/web.yaml': web, 'manifests/daemonsets.yaml': daemonSets.join('---\n') };
  }

  it('hold room on every node: three web pods per node without them, two beside a 400m agent, and the CA adds the nodes for that at once', async () => {
    const without = runScenario(await loadFolder(casFiles(), { durationSeconds: 900 }));
    const withAgent = runScenario(await loadFolder(casFiles(daemonSet('agent', '400m')), { durationSeconds: 900 }));
    expect(without.summary.clusterAutoscaler).toMatchObject({ scaleUps: 1, nodesAdded: 2 });
    // All three at once: the group's template node carries the agent, so the estimate is two web pods a node.
    expect(withAgent.summary.clusterAutoscaler).toMatchObject({ scaleUps: 1, nodesAdded: 3 });
    for (const run of [without, withAgent]) {
      expect(run.summary.workloads.find((w) => w.name === 'web')!.replicas.peakReady).toBe(8);
      for (const node of run.built.cluster.nodes) expect(node.cpuRequestedMillicores).toBeLessThanOrEqual(node.cpuAllocatableMillicores);
    }
    // Each node holds the agent's 400m beside its web pods.
    for (const node of withAgent.built.cluster.nodes) expect(node.cpuRequestedMillicores).toBe(400 + 300 * node.pods.length);

  });
});
