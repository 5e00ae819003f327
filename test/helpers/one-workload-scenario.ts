/**
 * The files of a small random scenario for property tests: one Deployment `app` replaying a
 * five-minute-step trace on one node pool, behind an autoscaling/v2 HPA on cpu utilization (and,
 * optionally, memory), with optional readiness probe, scale-down behavior and faults.
 */
import fc from 'fast-check';
import { lines } from '../scenario/helpers/scenario-folder.js';

export interface OneWorkloadScenario {
  seed: number;
  /** `spec.duration`, e.g. `30m`. */
  duration: string;
  decisions?: 'all' | 'changes' | 'none';
  nodes: number;
  /** Each node's CPU, e.g. `"2"`. */
  nodeCpu: string;
  requestMilli: number;
  replicas: number;
  min: number;
  /** maxReplicas − minReplicas. */
  span: number;
  /** The cpu utilization target, percent. */
  target: number;
  /** Also a memory utilization metric at 80%. */
  memoryMetric?: boolean;
  /** A readiness probe with this initial delay (no probe when absent). */
  readinessDelaySeconds?: number;
  /** spec.behavior.scaleDown.stabilizationWindowSeconds 60. */
  behavior: boolean;
  costPerRequest: number;
  /** maxBacklogRequests (the scenario's default when absent). */
  backlog?: number;
  /** Requests per second in each five-minute step. */
  rates: number[];
  /** spec.faults items, one YAML flow mapping each. */
  faults?: string[];
}

export function oneWorkloadFiles(p: OneWorkloadScenario): Record<string, string> {
  const trace = ['timestamp,value', ...p.rates.map((r, i) => `2024-01-01T${String(Math.floor((i * 5) / 60)).padStart(2, '0')}:${String((i * 5) % 60).padStart(2, '0')}:00Z,${r}`)];
  const workload = [`trace: load`, `cpuMillicoreSecondsPerRequest: ${p.costPerRequest}`, 'baseMemory: 100Mi', 'memoryPerRequestPerSecond: 1Mi'];
  if (p.backlog !== undefined) workload.push(`maxBacklogRequests: ${p.backlog}`);
  const faults = p.faults ?? [];
  return {
    'scenario.yaml': lines(
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      `  seed: ${p.seed}`,
      `  duration: ${p.duration}`,
      ...(p.decisions !== undefined ? [`  decisions: ${p.decisions}`] : []),
      '  traces: {load: {file: traces/load.csv, valueKind: ratePerSecond}}',
      `  nodePools: [{name: pool, count: ${p.nodes}, cpu: "${p.nodeCpu}", memory: 8Gi}]`,
      `  workloads: {app: {${workload.join(', ')}}}`,
      ...(faults.length > 0 ? ['  faults:', ...faults.map((f) => `    - ${f}`)] : []),
    ),
    'traces/load.csv': `${trace.join('\n')}\n`,
    'manifests/app.yaml': lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: app}',
      'spec:',
      `  replicas: ${p.replicas}`,
      '  selector: {matchLabels: {app: app}}',
      '  template:',
      '    metadata: {labels: {app: app}}',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          image: app:1',
      ...(p.readinessDelaySeconds !== undefined
        ? [`          readinessProbe: {httpGet: {path: /, port: 80}, initialDelaySeconds: ${p.readinessDelaySeconds}, periodSeconds: 5}`]
        : []),
      `          resources: {requests: {cpu: ${p.requestMilli}m, memory: 256Mi}}`,
      '---',
      'apiVersion: autoscaling/v2',
      'kind: HorizontalPodAutoscaler',
      'metadata: {name: app}',
      'spec:',
      '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: app}',
      `  minReplicas: ${p.min}`,
      `  maxReplicas: ${p.min + p.span}`,
      '  metrics:',
      `    - {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: ${p.target}}}}`,
      ...(p.memoryMetric ? ['    - {type: Resource, resource: {name: memory, target: {type: Utilization, averageUtilization: 80}}}'] : []),
      ...(p.behavior ? ['  behavior: {scaleDown: {stabilizationWindowSeconds: 60}}'] : []),
    ),
  };
}

/** The random part every such scenario has: nodes, requests, replicas, the HPA's bounds and target, a trace, a seed. */
export const oneWorkloadArb = fc.record({
  nodes: fc.integer({ min: 1, max: 5 }),
  nodeCpu: fc.constantFrom('1', '2', '4'),
  requestMilli: fc.integer({ min: 50, max: 900 }),
  replicas: fc.integer({ min: 1, max: 6 }),
  min: fc.integer({ min: 1, max: 3 }),
  span: fc.integer({ min: 0, max: 12 }),
  target: fc.integer({ min: 20, max: 120 }),
  behavior: fc.boolean(),
  costPerRequest: fc.integer({ min: 1, max: 40 }),
  rates: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 2, maxLength: 12 }),
  seed: fc.integer({ min: 0, max: 1000 }),
});
