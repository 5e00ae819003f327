/**
 * scalingModifiers end to end: two prometheus triggers (series) combined by a formula into the
 * composite-metric the generated HPA scales on (docs/fidelity-spec.md §3.2), and activity decided by
 * the composite against activationTarget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import { MemoryTableSink } from '../../src/report/table-sink.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { lines, removeFolder, writeScenarioFolder } from '../scenario/helpers/scenario-folder.js';

const files = {
  'scenario.yaml': lines(
    'apiVersion: scalesim.dev/v1alpha1',
    'kind: Scenario',
    'spec:',
    '  duration: 20m',
    '  outputInterval: 1m',
    '  traces:',
    '    web: {file: traces/web.csv, valueKind: ratePerSecond}',
    '    a: {file: traces/a.csv, valueKind: ratePerSecond}',
    '    b: {file: traces/b.csv, valueKind: ratePerSecond}',
    '  series:',
    '    a: {trace: a}',
    '    b: {trace: b}',
    '  triggers:',
    '    web/a: {series: a}',
    '    web/b: {series: b}',
    '  nodePools: [{name: default, count: 2, cpu: "8", memory: 32Gi}]',
    '  workloads:',
    '    web: {trace: web, cpuMillicoreSecondsPerRequest: 1}',
  ),
  'traces/web.csv': lines('timestamp,value', '2024-01-01T00:00:00Z,10', '2024-01-01T00:20:00Z,10'),
  // a = 30 throughout; b = 0 for 10 minutes, then 50.
  'traces/a.csv': lines('timestamp,value', '2024-01-01T00:00:00Z,30', '2024-01-01T00:20:00Z,30'),
  'traces/b.csv': lines('timestamp,value', '2024-01-01T00:00:00Z,0', '2024-01-01T00:10:00Z,50', '2024-01-01T00:20:00Z,50'),
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
    '      containers: [{name: web, image: web:1, resources: {requests: {cpu: 100m}}}]',
    '---',
    'apiVersion: keda.sh/v1alpha1',
    'kind: ScaledObject',
    'metadata: {name: web}',
    'spec:',
    '  scaleTargetRef: {name: web}',
    '  minReplicaCount: 1',
    '  maxReplicaCount: 20',
    '  advanced:',
    '    scalingModifiers:',
    '      formula: "b > 0 ? a + b : a / 2"',
    '      target: "10"',
    '      activationTarget: "5"',
    '  triggers:',
    '    - type: prometheus',
    '      name: a',
    '      metadata: {serverAddress: "http://prom:9090", query: "sum(a)", threshold: "10"}',
    '    - type: prometheus',
    '      name: b',
    '      metadata: {serverAddress: "http://prom:9090", query: "sum(b)", threshold: "10"}',
  ),
};

describe('scalingModifiers', () => {
  let dir: string;
  let d: MemoryTableSink;

  beforeAll(async () => {
    dir = await writeScenarioFolder(files);
    runScenario(await loadScenario(dir), {
      tables: (name, header) => {
        const sink = new MemoryTableSink(header);
        if (name === 'decisions.csv') d = sink;
        return sink;
      },
    });
  });
  afterAll(() => removeFolder(dir));

  const col = (row: (string | number)[], name: string) => row[d.header.indexOf(name)];

  it('gives the generated HPA one composite-metric and scales on the formula', () => {
    const hpaRows = d.rows.filter((r) => col(r, 'controller') === 'hpa');
    expect(new Set(hpaRows.map((r) => col(r, 'metric1_name')))).toEqual(new Set(['composite-metric']));
    // Before b rises: a / 2 = 15 against target 10 per pod → ceil(15 / 10) = 2 replicas.
    const early = hpaRows.filter((r) => (col(r, 'time_s') as number) > 120 && (col(r, 'time_s') as number) < 590);
    expect(new Set(early.map((r) => col(r, 'final_replicas')))).toEqual(new Set([2]));
    // After: a + b = 80 → 8 replicas (legacy cap max(2 × current, 4) lets 2 → 4 → 8).
    expect(col(hpaRows.at(-1)!, 'final_replicas')).toBe(8);
  });

  it('decides activity by the composite against activationTarget (15 > 5: active)', () => {
    const kedaRows = d.rows.filter((r) => col(r, 'controller') === 'keda');
    expect(kedaRows.length).toBeGreaterThan(0);
    for (const r of kedaRows) expect(col(r, 'keda_active')).toBe('True');
    expect(String(col(kedaRows[0]!, 'reason'))).toContain('composite');
  });
});
