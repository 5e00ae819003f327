/**
 * Pods, Object and External metrics from named series, an autoscaling/v2 `behavior` with a rate
 * policy, and an autoscaling/v1 HPA, run end to end through the simulation.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import { MemoryTableSink } from '../../src/report/table-sink.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { lines, removeFolder, writeScenarioFolder } from '../scenario/helpers/scenario-folder.js';

const folders: string[] = [];
afterAll(async () => Promise.all(folders.map(removeFolder)));

const DEPLOYMENT = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  replicas: 2',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          resources: {requests: {cpu: 100m}, limits: {cpu: "1"}}',
);

/** 100 req/s for an hour; a queue depth of 0 for 10 minutes, then 50. */
const TRACES = {
  'traces/web.csv': lines('timestamp,value', '2024-01-01T00:00:00Z,100', '2024-01-01T01:00:00Z,100'),
  'traces/queue.csv': lines('timestamp,value', '2024-01-01T00:00:00Z,0', '2024-01-01T00:10:00Z,50', '2024-01-01T01:00:00Z,50'),
};

function scenarioYaml(series: string[]): string {
  return lines(
    'apiVersion: scalesim.dev/v1alpha1',
    'kind: Scenario',
    'spec:',
    '  duration: 40m',
    '  outputInterval: 1m',
    '  traces:',
    '    web: {file: traces/web.csv, valueKind: ratePerSecond}',
    '    queue: {file: traces/queue.csv, valueKind: ratePerSecond}',
    '  nodePools: [{name: default, count: 2, cpu: "4", memory: 16Gi}]',
    '  workloads:',
    '    web: {trace: web, cpuMillicoreSecondsPerRequest: 2, baseCpuMillicores: 5}',
    ...series,
  );
}

function column(sink: MemoryTableSink, name: string): (number | string)[] {
  const i = sink.header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name} in ${sink.header.join(',')}`);
  return sink.rows.map((r) => r[i]!);
}

async function run(files: Record<string, string>): Promise<Record<string, MemoryTableSink>> {
  const dir = await writeScenarioFolder(files);
  folders.push(dir);
  const tables: Record<string, MemoryTableSink> = {};
  runScenario(await loadScenario(dir), {
    tables: (name, header) => (tables[name] = new MemoryTableSink(header)),
  });
  return tables;
}

describe('Pods, Object and External metrics with a rate-limiting behavior', () => {
  const hpa = lines(
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata: {name: web}',
    'spec:',
    '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}',
    '  minReplicas: 2',
    '  maxReplicas: 10',
    '  behavior:',
    '    scaleUp:',
    '      policies: [{type: Pods, value: 1, periodSeconds: 60}]',
    '  metrics:',
    '    - type: Pods',
    '      pods: {metric: {name: requests-per-second}, target: {type: AverageValue, averageValue: "20"}}',
    '    - type: Object',
    '      object:',
    '        describedObject: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: web}',
    '        metric: {name: ingress-qps}',
    '        target: {type: AverageValue, averageValue: "25"}',
    '    - type: External',
    '      external: {metric: {name: queue-depth}, target: {type: AverageValue, averageValue: "10"}}',
  );
  const series = [
    '  series:',
    '    requests-per-second: {workload: web, quantity: servedRequestsPerSecond, perPod: total}',
    '    ingress-qps: {trace: web}',
    '    queue-depth: {trace: queue}',
  ];

  it('proposes per metric as upstream computes, and the Pods policy limits scale-up to 1 pod per 60 s', async () => {
    const t = await run({ 'scenario.yaml': scenarioYaml(series), 'manifests/app.yaml': DEPLOYMENT + '---\n' + hpa, ...TRACES });
    const d = t['decisions.csv']!;
    expect(column(d, 'metric1_name')[0]).toBe('requests-per-second');
    expect(column(d, 'metric2_name')[0]).toBe('ingress-qps');
    expect(column(d, 'metric3_name')[0]).toBe('queue-depth');
    // Object AverageValue: ceil(100 / 25) = 4, whatever the replica count.
    expect(new Set(column(d, 'metric2_proposal'))).toEqual(new Set([4]));
    // Pods AverageValue over served requests split across the ready pods: 100 / 20 → 5 (once within tolerance it stays).
    const times = column(d, 'time_s') as number[];
    const finals = column(d, 'final_replicas') as number[];
    const pods = column(d, 'metric1_proposal') as number[];
    expect(pods.at(-1)).toBe(5);
    // External queue depth: 0 before 10 minutes, ceil(50 / 10) = 5 after.
    const queue = column(d, 'metric3_proposal') as number[];
    expect(queue[times.findIndex((x) => x > 0 && x < 600)]).toBe(0);
    expect(queue.at(-1)).toBe(5);
    // Never more than +1 replica within any 60 s.
    for (let i = 0; i < finals.length; i++) {
      for (let j = i + 1; j < finals.length && times[j]! - times[i]! < 60; j++) {
        expect(finals[j]! - finals[i]!).toBeLessThanOrEqual(1);
      }
    }
    expect(column(d, 'scaling_limited')).toContain('ScaleUpLimit');
    expect(column(d, 'path')[0]).toBe('behavior');
    expect(finals.at(-1)).toBe(5);
  });
});

describe('autoscaling/v1 HPA', () => {
  it('runs as one cpu Utilization metric', async () => {
    const hpa = lines(
      'apiVersion: autoscaling/v1',
      'kind: HorizontalPodAutoscaler',
      'metadata: {name: web}',
      'spec:',
      '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}',
      '  minReplicas: 1',
      '  maxReplicas: 8',
      '  targetCPUUtilizationPercentage: 50',
    );
    const t = await run({ 'scenario.yaml': scenarioYaml([]), 'manifests/app.yaml': DEPLOYMENT + '---\n' + hpa, ...TRACES });
    const d = t['decisions.csv']!;
    expect(column(d, 'metric1_name')[0]).toBe('cpu');
    expect(column(d, 'path')[0]).toBe('legacy');
    // 100 req/s × 2 m + 5 m base per pod on 100m requests at 50%: ceil(205 / 50) = 5 pods.
    expect(column(d, 'final_replicas').at(-1)).toBe(5);
    const ts = t['timeseries.csv']!;
    expect(column(ts, 'web.ready_replicas').at(-1)).toBe(5);
  });
});

describe('Object Value metric: the ready pods it divides by', () => {
  it('count a terminating pod whose Ready condition is still True (getReadyPodsCount)', async () => {
    const deployment = DEPLOYMENT.replace('replicas: 2', 'replicas: 4');
    const hpa = lines(
      'apiVersion: autoscaling/v2',
      'kind: HorizontalPodAutoscaler',
      'metadata: {name: web}',
      'spec:',
      '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}',
      '  minReplicas: 1',
      '  maxReplicas: 10',
      '  behavior:',
      '    scaleDown: {stabilizationWindowSeconds: 0}',
      '  metrics:',
      '    - type: Object',
      '      object:',
      '        describedObject: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: web}',
      '        metric: {name: ingress-qps}',
      '        target: {type: Value, value: "100"}',
    );
    const scenario = lines(
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      '  duration: 1m',
      '  outputInterval: 1m',
      '  traces:',
      '    half: {file: traces/half.csv, valueKind: ratePerSecond}',
      '  nodePools: [{name: default, count: 2, cpu: "4", memory: 16Gi}]',
      '  workloads:',
      '    web: {trace: half, cpuMillicoreSecondsPerRequest: 2, baseCpuMillicores: 5}',
      '  series:',
      '    ingress-qps: {trace: half}',
      '  startup: {scheduling: 1s, imagePull: 5s, containerStart: 1s, termination: 20s, jitterRatio: 0}',
    );
    const t = await run({
      'scenario.yaml': scenario,
      'manifests/app.yaml': deployment + '---\n' + hpa,
      'traces/half.csv': lines('timestamp,value', '2024-01-01T00:00:00Z,50', '2024-01-01T01:00:00Z,50'),
    });
    const d = t['decisions.csv']!;
    const times = column(d, 'time_s') as number[];
    const proposals = column(d, 'metric1_proposal') as number[];
    // Syncs 15 s apart (the first at the HPA's offset): the terminating pods outlive one sync.
    expect(times[1]! - times[0]!).toBe(15);
    // First sync: ratio 50 / 100 over 4 ready pods: ceil(0.5 × 4) = 2, and two pods start terminating (20 s).
    expect(proposals[0]).toBe(2);
    // 15 s later: the two terminating pods are still Running and Ready, so 4 pods count: ceil(0.5 × 4) = 2,
    // not ceil(0.5 × 2) = 1 over the two left serving.
    expect(proposals[1]).toBe(2);
    expect(column(d, 'final_replicas')[1]).toBe(2);
    // 30 s after the first: they are gone; 2 ready pods: ceil(0.5 × 2) = 1.
    expect(proposals[2]).toBe(1);
  });
});

describe('Resource cpu of a pod with a sidecar', () => {
  it('is the sum of its containers’ whole millicores: the serving container’s, the idle sidecar’s 0', async () => {
    const deployment = DEPLOYMENT.replace(
      "          resources: {requests: {cpu: 100m}, limits: {cpu: \"1\"}}",
      lines("          resources: {requests: {cpu: 100m}, limits: {cpu: \"1\"}}", '        - name: proxy', '          resources: {requests: {cpu: 50m}}').trimEnd(),
    );
    const hpa = lines(
      'apiVersion: autoscaling/v2',
      'kind: HorizontalPodAutoscaler',
      'metadata: {name: web}',
      'spec:',
      '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}',
      '  minReplicas: 2',
      '  maxReplicas: 10',
      '  metrics:',
      '    - type: Resource',
      '      resource: {name: cpu, target: {type: AverageValue, averageValue: 300m}}',
      '    - type: ContainerResource',
      '      containerResource: {name: cpu, container: web, target: {type: AverageValue, averageValue: 300m}}',
      '    - type: ContainerResource',
      '      containerResource: {name: cpu, container: proxy, target: {type: AverageValue, averageValue: 300m}}',
    );
    // 2.0037 m per request: a pod's rate is not a whole number of millicores.
    const scenario = scenarioYaml([]).replace('cpuMillicoreSecondsPerRequest: 2,', 'cpuMillicoreSecondsPerRequest: 2.0037,');
    const t = await run({ 'scenario.yaml': scenario, 'manifests/app.yaml': deployment + '---\n' + hpa, ...TRACES });
    const d = t['decisions.csv']!;
    // The load model gives all of a pod's CPU to its serving container and none to the others, so
    // summing each container's rounded-up millicores (metrics client getPodMetrics) rounds the pod's
    // rate up once: the Resource value is the serving container's, the sidecar's is 0.
    const pod = column(d, 'metric1_value');
    // 100 req/s over 2 pods: 50 × 2.0037 + 5 = 105.185 m, 106 m rounded up.
    expect(pod[0]).toBe('106m');
    expect(column(d, 'metric2_value')).toEqual(pod);
    expect(new Set(column(d, 'metric3_value'))).toEqual(new Set(['0m']));
  });
});
