/**
 * Pods that cannot run are reported, not crashed on: a pod bigger than every node group stays
 * Pending (the cluster-autoscaler says NoGroupFits) while scale-down goes on, and during a virtual
 * pool's stock-out new virtual pods wait until the window ends.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { CaDecisionRecord } from '../../src/observe/records.js';
import { cellAt, MemoryTables } from '../helpers/memory-tables.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { deploymentYaml } from '../scenario/helpers/base-scenario.js';
import { lines, removeFolder, writeScenarioFolder } from '../scenario/helpers/scenario-folder.js';

const folders: string[] = [];
afterAll(async () => Promise.all(folders.map(removeFolder)));

function deployment(name: string, replicas: number, cpu: string, extra: string[] = []): string {
  return deploymentYaml(name, replicas, ...extra, `      containers: [{name: ${name}, image: ${name}:1, resources: {requests: {cpu: "${cpu}", memory: 1Gi}}}]`);
}

/** A scenario folder with one pool of 2-CPU nodes (`count` of them, up to 3) and the given manifests. */
async function smallPoolScenario(duration: string, count: number, manifests: Record<string, string>): Promise<string> {
  const dir = await writeScenarioFolder({
    'scenario.yaml': lines(
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      `  duration: ${duration}`,
      '  nodePools:',
      `    - {name: small, count: ${count}, minSize: 1, maxSize: 3, cpu: "2", memory: 8Gi, billing: {kind: onDemand, pricePerHour: 0.1, currency: USD}}`,
    ),
    ...manifests,
  });
  folders.push(dir);
  return dir;
}

describe('never schedulable', () => {
  it('keeps a pod that fits no node group Pending and reports NoGroupFits, without failing the run', async () => {
    const dir = await smallPoolScenario('10m', 1, { 'manifests/big.yaml': deployment('big', 1, '6') });
    const records: CaDecisionRecord[] = [];
    const scenario = await loadScenario(dir);
    expect(scenario.warnings.some((w) => w.message.includes('big'))).toBe(true);
    const result = runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }] });
    expect(result.summary.workloads[0]!.pendingPodSeconds).toBeGreaterThan(500);
    expect(records.some((r) => r.reason === 'NoGroupFits')).toBe(true);
    expect(records.every((r) => r.action !== 'scale-up')).toBe(true);
  });
});

describe('init container requests', () => {
  it('keeps a pod whose init container asks more CPU than any node Pending (effective request = max(apps, init))', async () => {
    // The app asks 250m, the init container 4 CPU: kube-scheduler filters on 4 CPU (NodeResourcesFit,
    // resource.PodRequests), so neither the 2-CPU node nor a new one of its group can take it.
    const initContainers = ['      initContainers: [{name: warmup, image: warmup:1, resources: {requests: {cpu: "4", memory: 1Gi}}}]'];
    const dir = await smallPoolScenario('5m', 1, { 'manifests/web.yaml': deployment('web', 1, '250m', initContainers) });
    const records: CaDecisionRecord[] = [];
    const scenario = await loadScenario(dir);
    const result = runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }] });
    expect(result.summary.workloads[0]!.pendingPodSeconds).toBeGreaterThan(250);
    expect(records.some((r) => r.reason === 'NoGroupFits')).toBe(true);
  });
});

describe('scale-down while pods wait', () => {
  it('evaluates scale-down in a loop whose pending pods get no scale-up, and removes an unneeded node (§4.3)', async () => {
    // `big` fits no group, so every loop has a pending pod and no scale-up; the second node is
    // idle and unneeded. RunOnce returns early only after a successful scale-up, so it still goes.
    const dir = await smallPoolScenario('30m', 2, { 'manifests/big.yaml': deployment('big', 1, '6'), 'manifests/web.yaml': deployment('web', 1, '500m') });
    const records: CaDecisionRecord[] = [];
    const scenario = await loadScenario(dir);
    runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }] });
    const down = records.find((r) => r.action === 'scale-down');
    expect(down).toBeDefined();
    expect(down!.unschedulablePods).toBe(1);
    expect(down!.reason).toBe('NodesRemovable');
    expect(down!.detail).toMatch(/^no scale-up for 1 pending pod\(s\): NoGroupFits.*; removing small-\d/);
    // Unneeded for strictly more than scale-down-unneeded-time (600 s) before it goes.
    expect(down!.removedNodes[0]!.unneededForSeconds).toBeGreaterThan(scenario.clusterAutoscaler.scaleDownUnneededTimeSeconds);
    expect(records.at(-1)!.nodesAfter).toBe(1);
    // The loops before it say why nothing scaled up, and what scale-down found.
    const waiting = records.find((r) => r.timeSeconds < down!.timeSeconds && r.unschedulablePods === 1)!;
    expect(waiting.reason).toBe('NoGroupFits');
    expect(waiting.detail).toMatch(/scale-down: NoRemovableNodes; unneeded: small-\d for \d+s/);
  });
});

describe('virtual pool stock-out', () => {
  /** A 10-minute run on an ECI pool out of stock in `window`; Deployment burst (1 warm replica) whose HPA asks for 3. */
  async function stockOutRun(window: string): Promise<(t: number, col: string) => unknown> {
    const dir = await writeScenarioFolder({
      'scenario.yaml': lines(
        'apiVersion: scalesim.dev/v1alpha1',
        'kind: Scenario',
        'spec:',
        '  duration: 10m',
        '  outputInterval: 30s',
        '  nodePools:',
        '    - name: eci',
        '      labels: {type: virtual-kubelet}',
        `      virtual: {provider: eci, stockOuts: [${window}]}`,
      ),
      'manifests/burst.yaml':
        deployment('burst', 1, '1', ['      nodeSelector: {type: virtual-kubelet}']) +
        lines(
          '---',
          'apiVersion: autoscaling/v2',
          'kind: HorizontalPodAutoscaler',
          'metadata: {name: burst}',
          'spec:',
          '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: burst}',
          '  minReplicas: 3',
          '  maxReplicas: 3',
        ),
    });
    folders.push(dir);
    const tables = new MemoryTables();
    runScenario(await loadScenario(dir), { tables: tables.factory });
    return (t, col) => cellAt(tables.get('timeseries.csv'), t, col);
  }

  it('leaves new virtual pods Pending during the window and schedules them after it', async () => {
    // The warm pod ran before the window opened at 1 s; the HPA's minimum asks for two more during it.
    const at = await stockOutRun('{from: 1s, to: 5m}');
    expect(at(240, 'eci.virtual_pods')).toBe(1);
    expect(at(240, 'burst.unschedulable_pods')).toBe(2);
    expect(at(600, 'eci.virtual_pods')).toBe(3);
    expect(at(600, 'burst.ready_replicas')).toBe(3);
  });

  it('holds back the warm-start pods too when the window is open at t = 0', async () => {
    const at = await stockOutRun('{from: 0s, to: 5m}');
    expect(at(30, 'eci.virtual_pods')).toBe(0);
    expect(at(240, 'eci.virtual_pods')).toBe(0);
    expect(at(240, 'burst.unschedulable_pods')).toBe(3);
    expect(at(600, 'eci.virtual_pods')).toBe(3);
    expect(at(600, 'burst.ready_replicas')).toBe(3);
  });
});
