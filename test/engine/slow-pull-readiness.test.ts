/**
 * A pod whose image pull outlasts the 30 s initial readiness delay and that has never been Ready
 * stays unready to the HPA after the CPU initialization period (replica_calculator.go groupPods:
 * Ready=False with startTime + 30 s > lastTransitionTime). The kubelet's first status update after
 * admission already carries Ready=False, so lastTransitionTime is the pod's start time, not its
 * container start (docs/fidelity-spec.md §1.4, §6). A fidelity audit found the pods counted ready.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { HpaDecisionRecord } from '../../src/observe/records.js';
import { lines, loadFolder } from '../scenario/helpers/scenario-folder.js';

const SCENARIO = lines(
  'apiVersion: scalesim.dev/v1alpha1',
  'kind: Scenario',
  'spec:',
  '  seed: 7',
  '  duration: 12m',
  '  startTime: "2024-01-01T00:00:00Z"',
  '  traces:',
  '    t: {file: trace.csv, valueKind: ratePerSecond}',
  '  nodePools: [{name: p, count: 1, cpu: "32", memory: 256Gi}]',
  '  workloads:',
  '    web: {trace: t, cpuMillicoreSecondsPerRequest: 1, baseCpuMillicores: 10, baseMemory: 64Mi, serviceTimeSeconds: 0.01}',
  '  startup: {scheduling: 1s, imagePull: 45s, containerStart: 1s, termination: 2s, jitterRatio: 0}',
);

const MANIFESTS = lines(
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
  '          image: web',
  '          resources: {requests: {cpu: 100m}, limits: {cpu: "1"}}',
  '          readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5, initialDelaySeconds: 600}',
  '---',
  'apiVersion: autoscaling/v2',
  'kind: HorizontalPodAutoscaler',
  'metadata: {name: web}',
  'spec:',
  '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}',
  '  minReplicas: 1',
  '  maxReplicas: 10',
  '  metrics:',
  '    - {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}',
);

/** 80 requests/s, 200 from 30 s on, for 12 minutes. */
function trace(): string {
  const rows = ['timestamp,value', '2024-01-01T00:00:00Z,80'];
  for (let s = 30; s <= 720; s += 30) rows.push(`2024-01-01T00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}Z,200`);
  return `${rows.join('\n')}\n`;
}

describe('a never-Ready pod with a slow image pull', () => {
  it('is unready to the HPA after the CPU initialization period, so the HPA does not count it as serving', async () => {
    const scenario = await loadFolder({ 'scenario.yaml': SCENARIO, 'trace.csv': trace(), 'manifests/web.yaml': MANIFESTS });
    const records: HpaDecisionRecord[] = [];
    runScenario(scenario, { observers: [{ hpaDecision: (r) => records.push(r) }] });
    // The scale-up to 4 brings two pods that pull for 45 s and are never Ready in this run.
    const firstAt4 = records.find((r) => r.specReplicas === 4);
    expect(firstAt4).toBeDefined();
    // Past their CPU initialization period (5 min from their start) and before their readiness probe's
    // 600 s initial delay has passed (container start ≈ 47 s after the pod's start + 600 s).
    const start = firstAt4!.timeSeconds;
    const afterInit = records.filter((r) => r.timeSeconds > start + 300 + 15 && r.timeSeconds < start + 600);
    expect(afterInit.length).toBeGreaterThan(10);
    for (const r of afterInit) expect(r.metrics[0]!.podClasses).toMatchObject({ ready: 2, unready: 2 });
    // Counted as unready (0% on a scale-up), the two make no scale-up to 5.
    expect(afterInit.some((r) => r.desiredReplicas > 4)).toBe(false);
  });
});
