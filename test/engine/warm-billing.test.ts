/**
 * The initial replicas start warm (Running before t = 0) and are billed and counted from t = 0 like
 * any bound pod: their requests and use on node pools, and on a virtual pool a per-pod ECI bill
 * (docs/fidelity-spec.md §5.2) for the whole run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { lines, removeFolder, writeScenarioFolder } from '../scenario/helpers/scenario-folder.js';

const folders: string[] = [];
afterAll(async () => Promise.all(folders.map(removeFolder)));

/** One reserved 4-CPU ECS node and an ECI pool; Deployment web (1 CPU, 2 GiB) under an ElasticWorkload of `replicas`, source max 3. */
async function warmElasticScenario(replicas: number): Promise<string> {
  const dir = await writeScenarioFolder({
    'scenario.yaml': lines(
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      '  duration: 10m',
      '  traces: {load: {file: traces/load.csv, valueKind: ratePerSecond}}',
      '  nodePools:',
      '    - {name: ecs, count: 1, cpu: "4", memory: 16Gi, billing: {kind: reserved, monthlyPrice: 730, currency: CNY}}',
      '    - name: eci',
      '      labels: {type: virtual-kubelet}',
      '      taints: [{key: virtual-kubelet.io/provider, value: alibabacloud, effect: NoSchedule}]',
      '      virtual: {provider: eci, pricing: general, imageCache: true}',
      '  workloads: {web: {trace: load, cpuMillicoreSecondsPerRequest: 10, serviceTimeSeconds: 0.01}}',
    ),
    'traces/load.csv': lines('timestamp,value', '2024-01-01T00:00:00Z,10', '2024-01-01T00:40:00Z,10'),
    'manifests/app.yaml': lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      `  replicas: ${replicas}`,
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec:',
      '      containers:',
      '        - {name: web, image: web:1, resources: {requests: {cpu: "1", memory: 2Gi}, limits: {cpu: "1", memory: 2Gi}}}',
      '---',
      'apiVersion: autoscaling.alibabacloud.com/v1beta1',
      'kind: ElasticWorkload',
      'metadata: {name: web}',
      'spec:',
      '  sourceTarget: {name: web, kind: Deployment, apiVersion: apps/v1, min: 1, max: 3}',
      `  replicas: ${replicas}`,
      '  elasticUnit:',
      '    - name: virtual-kubelet',
      '      nodeSelector: {type: virtual-kubelet}',
      '      tolerations: [{key: virtual-kubelet.io/provider, operator: Exists}]',
    ),
  });
  folders.push(dir);
  return dir;
}

describe('warm-start pods in the cost report', () => {
  it('bills the warm ECI pods per pod-second from t = 0 and counts the warm ECS pods requests and use', async () => {
    const result = runScenario(await loadScenario(await warmElasticScenario(5)));
    const cost = result.summary.cost;
    const virtual = cost.classes.find((c) => c.capacityClass === 'virtual');
    // 2 warm ECI pods of 1 vCPU / 2 GiB for the whole 600 s run: 2 × 600 × (0.000049 + 2 × 0.00000613) CNY.
    expect(virtual?.podCount).toBe(2);
    expect(virtual?.billedPodSeconds).toBe(1200);
    expect(virtual?.cost.byCurrency.CNY).toBeCloseTo(2 * 600 * 0.00006126, 2);
    const ecs = cost.pools.find((p) => p.pool === 'ecs')!;
    // 3 warm pods × 1 CPU requested for 600 s = 0.5 core-hours; 10 rps × 10 mcore-s = 0.1 core for 600 s.
    expect(ecs.usage?.cpuRequestedCoreHours).toBeCloseTo(0.5, 3);
    expect(ecs.usage?.cpuUsedCoreHours).toBeGreaterThan(0);
    expect(result.summary.cost.total.usage?.cpuUsedCoreHours).toBeCloseTo((0.1 * 600) / 3600, 3);
  });
});
