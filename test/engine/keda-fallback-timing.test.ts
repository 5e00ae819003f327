/**
 * When a ScaledObject's fallback engages, over time (pkg/fallback/fallback.go GetMetricsWithFallback
 * is called only on the metrics adapter's path, GetScaledObjectMetrics; the polling loop's
 * getScalerState never touches status.health), and that the HPA reads no metric while its target is
 * at 0 replicas (horizontal.go reconcileAutoscaler returns ScalingDisabled before computing any).
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { HpaDecisionRecord, KedaDecisionRecord } from '../../src/observe/records.js';
import { lines, loadFolder } from '../scenario/helpers/scenario-folder.js';

/** A CSV trace every 60 s for `minutes` minutes: `before` until minute `stepMinute`, `after` from then on. */
function trace(minutes: number, before: number, after = before, stepMinute = minutes + 1): string {
  const rows = ['timestamp,value'];
  for (let m = 0; m <= minutes; m++) rows.push(`2024-01-01T00:${String(m).padStart(2, '0')}:00Z,${m < stepMinute ? before : after}`);
  return `${rows.join('\n')}\n`;
}

const DEPLOYMENT = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  replicas: REPLICAS',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  '        - {name: c, image: nginx, resources: {requests: {cpu: 100m, memory: 64Mi}}}',
);

function scenarioYaml(triggers: string[], faults: string[]): string {
  return lines(
    'apiVersion: scalesim.dev/v1alpha1',
    'kind: Scenario',
    'spec:',
    '  seed: 1',
    '  duration: 20m',
    '  startTime: "2024-01-01T00:00:00Z"',
    '  traces:',
    '    load: {file: load.csv, valueKind: ratePerSecond}',
    '    q: {file: q.csv, valueKind: ratePerSecond}',
    '  nodePools:',
    '    - {name: general, count: 2, cpu: "16", memory: 64Gi}',
    '  startup: {scheduling: 1s, imagePull: 1s, containerStart: 1s, termination: 1s, jitterRatio: 0}',
    '  workloads:',
    '    web: {trace: load, cpuMillicoreSecondsPerRequest: 10, baseCpuMillicores: 5, baseMemory: 32Mi}',
    '  series:',
    '    qs: {trace: q}',
    '  triggers:',
    ...triggers.map((t) => `    ${t}: {series: qs}`),
    '  faults:',
    ...faults.map((f) => `    - ${f}`),
  );
}

async function hpaRecords(scaledObject: string, triggers: string[], faults: string[], q: string, replicas = 1): Promise<HpaDecisionRecord[]> {
  const scenario = await loadFolder({
    'scenario.yaml': scenarioYaml(triggers, faults),
    'load.csv': trace(20, 1),
    'q.csv': q,
    'manifests/web.yaml': `${DEPLOYMENT.replace('REPLICAS', String(replicas))}---\n${scaledObject}`,
  });
  const records: HpaDecisionRecord[] = [];
  runScenario(scenario, { observers: [{ hpaDecision: (r) => records.push(r) }] });
  return records;
}

const scaledObject = (...spec: string[]) => lines('apiVersion: keda.sh/v1alpha1', 'kind: ScaledObject', 'metadata: {name: web}', 'spec:', '  scaleTargetRef: {name: web}', ...spec);
const PROMETHEUS = (name: string, query: string, threshold: string) =>
  [`    - type: prometheus`, `      name: ${name}`, `      metadata: {serverAddress: "http://p:9090", query: ${query}, threshold: "${threshold}"}`] as const;

describe('KEDA fallback counts only the HPA reads (fallback.go on the metrics adapter path)', () => {
  it('engages at the HPA read that is the (failureThreshold + 1)-th failure, whatever the polls did in between', async () => {
    const so = scaledObject('  minReplicaCount: 1', '  fallback: {failureThreshold: 3, replicas: 5}', '  triggers:', ...PROMETHEUS('p', 'q', '5'));
    const records = await hpaRecords(so, ['web/0'], ['scalerUnavailable: {triggerType: prometheus, from: 120s, to: 600s, message: down}'], trace(20, 10));
    const during = records.filter((r) => r.timeSeconds >= 120 && r.timeSeconds < 600);
    // Three failed reads go to the HPA as errors (the polls in between count none); the fourth
    // serves 5 replicas × target 5.
    expect(during.slice(0, 3).map((r) => r.metrics[0]!.ok)).toEqual([false, false, false]);
    expect(during[3]!.metrics[0]).toMatchObject({ ok: true, proposedReplicas: 5 });
    // The decision record says the value is KEDA's fallback, not the scaler's.
    expect(during[3]!.metrics[0]!.reason).toContain('KEDA fallback: 4 failures > failureThreshold 3: static fallback serves 25');
    expect(during[2]!.metrics[0]!.reason).not.toContain('KEDA fallback');
  });

  it('reads nothing while the target is at 0 replicas, so a trigger failing there is not counted', async () => {
    const so = scaledObject(
      '  pollingInterval: 30',
      '  minReplicaCount: 0',
      '  fallback: {failureThreshold: 3, replicas: 6}',
      '  triggers:',
      ...PROMETHEUS('a', 'q', '5'),
      ...PROMETHEUS('b', 'q2', '5'),
    );
    // The target starts at 0; trigger a reads 0 (inactive) until minute 5, then 10; trigger b fails all along.
    const records = await hpaRecords(so, ['web/0', 'web/1'], ['scalerUnavailable: {trigger: web/1, from: 0s, to: 20m, message: down}'], trace(20, 0, 10, 5), 0);
    const atZero = records.filter((r) => r.specReplicas === 0);
    expect(atZero.length).toBeGreaterThan(10);
    for (const r of atZero) {
      expect(r.scalingActive).toBe('ScalingDisabled');
      expect(r.metrics.map((m) => m.reason)).toEqual(['NotComputed', 'NotComputed']);
    }
    // After KEDA's 0 → 1, trigger b's failures start from 0: three reads fail, the fourth falls back to 6.
    const after = records.filter((r) => r.specReplicas > 0);
    expect(after.slice(0, 3).map((r) => r.metrics[1]!.ok)).toEqual([false, false, false]);
    expect(after[3]!.metrics[1]).toMatchObject({ ok: true, proposedReplicas: 6 });
  });
});

describe('KEDA fallback with scalingModifiers', () => {
  const modifiers = (target: string, threshold: number) =>
    scaledObject(
      '  minReplicaCount: 1',
      `  fallback: {failureThreshold: ${threshold}, replicas: 6}`,
      '  advanced:',
      `    scalingModifiers: {formula: "a + b", target: "${target}"}`,
      '  triggers:',
      ...PROMETHEUS('a', 'q', '100'),
      ...PROMETHEUS('b', 'q2', '100'),
    );

  it('waits for failureThreshold failures of a trigger, then serves target × replicas', async () => {
    const records = await hpaRecords(modifiers('5', 3), ['web/0', 'web/1'], ['scalerUnavailable: {trigger: web/1, from: 120s, to: 20m, message: down}'], trace(20, 5));
    const during = records.filter((r) => r.timeSeconds >= 120);
    expect(during.slice(0, 3).map((r) => r.metrics[0]!.ok)).toEqual([false, false, false]);
    expect(during[3]!.metrics[0]).toMatchObject({ ok: true, proposedReplicas: 6 });
    expect(during[3]!.metrics[0]!.reason).toContain('KEDA fallback: 4 failures > failureThreshold 3: static fallback serves 6 × target 5');
    // Before that, the failed reads say why the configured fallback does not serve yet.
    expect(during[0]!.metrics[0]).toMatchObject({ reason: 'FailedGetExternalMetric', message: 'metric:composite-metric encountered error: trigger b failed (1 failures of failureThreshold 3)' });
  });

  const withFormula = (formula: string, fallback: string | undefined) =>
    scaledObject(
      '  minReplicaCount: 1',
      ...(fallback === undefined ? [] : [`  fallback: ${fallback}`]),
      '  advanced:',
      `    scalingModifiers: {formula: "${formula}", target: "5"}`,
      '  triggers:',
      ...PROMETHEUS('a', 'q', '100'),
      ...PROMETHEUS('b', 'q2', '100'),
    );
  const bDown = ['scalerUnavailable: {trigger: web/1, from: 120s, to: 20m, message: down}'];

  it("a failing trigger with no fallback fails the composite metric (GetScaledObjectMetrics' \"encountered error\"): the formula's ?? does not run", async () => {
    const records = await hpaRecords(withFormula('b ?? 7', undefined), ['web/0', 'web/1'], bDown, trace(20, 5));
    const during = records.filter((r) => r.timeSeconds >= 120);
    expect(during.length).toBeGreaterThan(10);
    for (const r of during) expect(r.metrics[0]).toMatchObject({ ok: false, message: 'metric:composite-metric encountered error: trigger b failed (no fallback is configured)' });
  });

  it('behavior scalingModifiers: past failureThreshold the failing trigger reaches the formula as nil, and a nil formula serves fallback.replicas × target', async () => {
    const coalesce = (await hpaRecords(withFormula('b ?? 12', '{failureThreshold: 2, replicas: 6, behavior: scalingModifiers}'), ['web/0', 'web/1'], bDown, trace(20, 5))).filter((r) => r.timeSeconds >= 120);
    expect(coalesce.slice(0, 2).map((r) => r.metrics[0]!.ok)).toEqual([false, false]);
    // b ?? 12 = 12 against target 5: ceil(12 / 5) = 3.
    expect(coalesce[2]!.metrics[0]).toMatchObject({ ok: true, proposedReplicas: 3 });
    const nil = (await hpaRecords(withFormula('a + b', '{failureThreshold: 2, replicas: 6, behavior: scalingModifiers}'), ['web/0', 'web/1'], bDown, trace(20, 5))).filter((r) => r.timeSeconds >= 120);
    expect(nil[2]!.metrics[0]).toMatchObject({ ok: true, proposedReplicas: 6 });
    expect(nil[2]!.metrics[0]!.reason).toContain('KEDA fallback: formula returned nil; behavior scalingModifiers serves 6 × target 5');
  });

  it('has no fallback when scalingModifiers.target is not a whole number (HasValidFallback parses it as an integer)', async () => {
    const records = await hpaRecords(modifiers('2.5', 0), ['web/0', 'web/1'], ['scalerUnavailable: {trigger: web/1, from: 120s, to: 20m, message: down}'], trace(20, 5));
    const during = records.filter((r) => r.timeSeconds >= 120);
    expect(during.length).toBeGreaterThan(10);
    for (const r of during) expect(r.metrics[0]!.ok).toBe(false);
  });
});

describe("KEDA's cooldown before the first active poll (scale_handler.go: creation + initialCooldownPeriod)", () => {
  it('counts down from creation + initialCooldownPeriod in the decision records, and scales to 0 once it has passed', async () => {
    const so = scaledObject('  minReplicaCount: 0', '  pollingInterval: 10', '  cooldownPeriod: 60', '  initialCooldownPeriod: 45', '  triggers:', ...PROMETHEUS('p', 'q', '5'));
    const scenario = await loadFolder({
      'scenario.yaml': scenarioYaml(['web/0'], []).replace('  faults:\n', ''),
      'load.csv': trace(20, 1),
      'q.csv': trace(20, 0),
      'manifests/web.yaml': `${DEPLOYMENT.replace('REPLICAS', '2')}---\n${so}`,
    });
    const records: KedaDecisionRecord[] = [];
    runScenario(scenario, { observers: [{ kedaDecision: (r) => records.push(r) }] });
    const cooling = records.filter((r) => r.cooldownLeftSeconds !== undefined);
    expect(cooling.length).toBeGreaterThan(0);
    // Never active: lastActiveTime is unset, so the countdown is to 45 s, not to cooldownPeriod's 60.
    for (const r of cooling) expect(r.cooldownLeftSeconds).toBeCloseTo(Math.max(0, 45 - r.timeSeconds), 6);
    const toZero = records.find((r) => r.scaleTo === 0)!;
    expect(toZero.timeSeconds).toBeGreaterThan(45);
    expect(toZero.timeSeconds).toBeLessThanOrEqual(55);
  });
});
