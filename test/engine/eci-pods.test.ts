/**
 * Pods on an ECI virtual node, end to end (docs/fidelity-spec.md §5.2): which pods the virtual node
 * takes, the size each is billed for, what that size lets it serve, and when its charge starts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../../src/engine/run-scenario.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { MemoryTables, cellAt } from '../helpers/memory-tables.js';
import { lines, removeFolder, writeScenarioFolder } from '../scenario/helpers/scenario-folder.js';

const folders: string[] = [];
afterAll(async () => Promise.all(folders.map(removeFolder)));

interface EciCase {
  /** The container's `resources:` flow mapping; none when absent. */
  resources?: string;
  /** Offered requests per second (constant). */
  rps?: number;
  /** spec.startup flow mapping. */
  startup?: string;
  /** An HPA that keeps this many replicas (min = max), so pods are created after t = 0. */
  hpaReplicas?: number;
}

/** A 10-minute run: Deployment web (1 replica, warm) pinned to an ECI pool beside a 4-CPU node; 10 mcore-s per request. */
async function eciScenario(c: EciCase): Promise<RunResult> {
  const dir = await writeScenarioFolder({
    'scenario.yaml': lines(
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      '  duration: 10m',
      '  outputInterval: 10s',
      ...(c.startup !== undefined ? [`  startup: ${c.startup}`] : []),
      '  traces: {load: {file: traces/load.csv, valueKind: ratePerSecond}}',
      '  nodePools:',
      '    - {name: ecs, count: 1, cpu: "4", memory: 16Gi}',
      '    - name: eci',
      '      labels: {type: virtual-kubelet}',
      '      virtual: {provider: eci, pricing: general, imageCache: true}',
      '  workloads: {web: {trace: load, cpuMillicoreSecondsPerRequest: 10, serviceTimeSeconds: 0.01}}',
    ),
    'traces/load.csv': lines('timestamp,value', `2024-01-01T00:00:00Z,${c.rps ?? 1}`, `2024-01-01T00:40:00Z,${c.rps ?? 1}`),
    'manifests/web.yaml': lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  replicas: 1',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec:',
      '      nodeSelector: {type: virtual-kubelet}',
      `      containers: [{name: web, image: web:1${c.resources !== undefined ? `, resources: ${c.resources}` : ''}}]`,
      ...(c.hpaReplicas !== undefined
        ? ['---', 'apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata: {name: web}', 'spec:',
           '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}', `  minReplicas: ${c.hpaReplicas}`, `  maxReplicas: ${c.hpaReplicas}`]
        : []),
    ),
  });
  folders.push(dir);
  return runScenario(await loadScenario(dir));
}

describe('a pod without requests on ECI', () => {
  it('is billed as 2 vCPU + 4 GiB, ECI\'s default size, not the smallest one', async () => {
    const result = await eciScenario({});
    expect(result.cost.virtualPods.map((p) => p.size)).toEqual([{ cpuMillicores: 2000, memoryBytes: 4 * 2 ** 30 }]);
    const virtual = result.summary.cost.classes.find((c) => c.capacityClass === 'virtual')!;
    // The warm pod runs the whole 600 s at the DescribeContainerGroupPrice rate for 2 vCPU + 4 GiB.
    expect(virtual.billedPodSeconds).toBe(600);
    expect(virtual.cost.byCurrency.CNY).toBeCloseTo(600 * 0.00012252, 2);
  });
});

describe('an ECI pod without a CPU limit', () => {
  it('serves no more than its billed size allows: 1 vCPU at 10 mcore-s per request is 100 of 300 rps', async () => {
    const result = await eciScenario({ resources: '{requests: {cpu: "1", memory: 2Gi}}', rps: 300 });
    expect(result.summary.workloads[0]!.servedPercent).toBeCloseTo(100 / 3, 1);
  });
});

describe('the ECI charge', () => {
  it('starts when the image pull starts, after the 8 s sandbox phase that follows binding (§5.2)', async () => {
    const result = await eciScenario({ resources: '{requests: {cpu: "1", memory: 2Gi}}', startup: '{scheduling: 1s, jitterRatio: 0}', hpaReplicas: 2 });
    const pods = result.built.workloads[0]!.controller.pods;
    const later = pods.find((p) => p.boundSeconds !== undefined && p.boundSeconds > 0)!;
    expect(later.imagePullStartSeconds).toBe(later.boundSeconds! + 8);
    const records = new Map(result.built.ledger.virtualPods.map((r) => [r.pod, r]));
    expect(records.get(later.name)!.startSeconds).toBe(later.boundSeconds! + 8);
    // The warm pod ran before t = 0: billed from the start of the run.
    const warm = pods.find((p) => p !== later)!;
    expect(records.get(warm.name)!.startSeconds).toBe(0);
  });
});

describe('a pod larger than every ECI size', () => {
  it('stays Pending (unschedulable), unbilled and with no usage, as validate warns', async () => {
    const tables = new MemoryTables();
    const dir = await writeScenarioFolder({
      'scenario.yaml': lines(
        'apiVersion: scalesim.dev/v1alpha1',
        'kind: Scenario',
        'spec:',
        '  duration: 10m',
        '  outputInterval: 60s',
        '  nodePools:',
        '    - name: eci',
        '      labels: {type: virtual-kubelet}',
        '      virtual: {provider: eci}',
      ),
      'manifests/huge.yaml': lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: huge}',
        'spec:',
        '  replicas: 1',
        '  selector: {matchLabels: {app: huge}}',
        '  template:',
        '    metadata: {labels: {app: huge}}',
        '    spec:',
        '      nodeSelector: {type: virtual-kubelet}',
        '      containers: [{name: huge, image: huge:1, resources: {requests: {cpu: "100", memory: 200Gi}}}]',
      ),
    });
    folders.push(dir);
    const loaded = await loadScenario(dir);
    expect(loaded.warnings.some((w) => w.message.includes('will stay Pending'))).toBe(true);
    const result = runScenario(loaded, { tables: tables.factory });
    expect(cellAt(tables.get('timeseries.csv'), 600, 'huge.unschedulable_pods')).toBe(1);
    expect(cellAt(tables.get('timeseries.csv'), 600, 'eci.virtual_pods')).toBe(0);
    // Unschedulable from its failed scheduling attempt (decisions.csv's FailedScheduling row, after
    // the scheduling delay) to the end of the 10 minutes, not from t = 0 as a sample would say.
    const decisions = tables.get('decisions.csv');
    const failed = decisions.rows.find((r) => r.includes('FailedScheduling'))!;
    const failedAt = Number(failed[decisions.header.indexOf('time_s')]);
    expect(failedAt).toBeGreaterThan(0);
    expect(result.summary.workloads[0]!.pendingPodSeconds).toBeCloseTo(600 - failedAt, 3);
    expect(result.cost.virtualPods).toEqual([]);
    expect(result.cost.unpriced).toEqual([]);
  });
});
