/**
 * KEDA's last step to zero on a constructed trace (docs/fidelity-spec.md §3.4): after the last event
 * the target goes to 0 at the first poll after lastActiveTime + cooldownPeriod (strictly after), and
 * a new event brings a replica back at the next poll.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import { MemoryTableSink } from '../../src/report/table-sink.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { lines, removeFolder, writeScenarioFolder } from '../scenario/helpers/scenario-folder.js';

const POLL = 10;
const COOLDOWN = 60;

const files = {
  'scenario.yaml': lines(
    'apiVersion: scalesim.dev/v1alpha1',
    'kind: Scenario',
    'spec:',
    '  duration: 20m',
    '  outputInterval: 10s',
    '  traces:',
    '    events: {file: traces/events.csv, valueKind: ratePerSecond}',
    '  nodePools: [{name: default, count: 1, cpu: "8", memory: 32Gi}]',
    '  workloads:',
    '    worker:',
    '      trace: events',
    '      cpuMillicoreSecondsPerRequest: 10',
    '      serviceTimeSeconds: 0.1',
    '      queue: {name: jobs, messagesPerSecondPerPod: 5}',
  ),
  // 2 msg/s for the first 100 s, nothing until 600 s, 2 msg/s for 60 s, nothing after.
  'traces/events.csv': lines(
    'timestamp,value',
    '2024-01-01T00:00:00Z,2',
    '2024-01-01T00:01:40Z,0',
    '2024-01-01T00:10:00Z,2',
    '2024-01-01T00:11:00Z,0',
    '2024-01-01T00:20:00Z,0',
  ),
  'manifests/worker.yaml': lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: worker}',
    'spec:',
    '  replicas: 0',
    '  selector: {matchLabels: {app: worker}}',
    '  template:',
    '    metadata: {labels: {app: worker}}',
    '    spec:',
    '      containers: [{name: worker, image: worker:1, resources: {requests: {cpu: 500m}}}]',
    '---',
    'apiVersion: keda.sh/v1alpha1',
    'kind: ScaledObject',
    'metadata: {name: worker}',
    'spec:',
    '  scaleTargetRef: {name: worker}',
    `  pollingInterval: ${POLL}`,
    `  cooldownPeriod: ${COOLDOWN}`,
    '  minReplicaCount: 0',
    '  maxReplicaCount: 5',
    '  triggers:',
    '    - type: redis',
    '      metadata: {address: "redis:6379", listName: jobs, listLength: "5"}',
  ),
};

interface KedaRow {
  time: number;
  active: string;
  specReplicas: number;
  finalReplicas: number;
  listLength: number;
}

describe('KEDA scale to zero and back', () => {
  let dir: string;
  let rows: KedaRow[];

  beforeAll(async () => {
    dir = await writeScenarioFolder(files);
    let decisions: MemoryTableSink | undefined;
    runScenario(await loadScenario(dir), {
      tables: (name, header) => {
        const sink = new MemoryTableSink(header);
        if (name === 'decisions.csv') decisions = sink;
        return sink;
      },
    });
    const d = decisions!;
    const col = (name: string) => d.header.indexOf(name);
    rows = d.rows
      .filter((r) => r[col('controller')] === 'keda')
      .map((r) => ({
        time: r[col('time_s')] as number,
        active: r[col('keda_active')] as string,
        specReplicas: r[col('spec_replicas')] as number,
        finalReplicas: r[col('final_replicas')] as number,
        listLength: Number(r[col('metric1_value')]),
      }));
  });
  afterAll(() => removeFolder(dir));

  it('polls every pollingInterval', () => {
    expect(rows.length).toBe(1200 / POLL);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.time - rows[i - 1]!.time).toBeCloseTo(POLL, 9);
  });

  it('goes to 0 at the first poll strictly after the last active poll + cooldownPeriod', () => {
    const firstIdle = rows.filter((r) => r.time < 600);
    const lastActive = firstIdle.filter((r) => r.active === 'True').at(-1)!;
    const zero = firstIdle.find((r) => r.time > lastActive.time && r.finalReplicas === 0 && r.specReplicas > 0)!;
    expect(zero).toBeDefined();
    // lastActive + cooldown < now (strict): the poll exactly at +60 s still waits; the next one scales.
    expect(zero.time - lastActive.time).toBeCloseTo(COOLDOWN + POLL, 9);
    // Every poll in between was inactive and kept the replicas (cooling down).
    for (const r of firstIdle.filter((x) => x.time > lastActive.time && x.time < zero.time)) {
      expect(r.active).toBe('False');
      expect(r.finalReplicas).toBe(r.specReplicas);
    }
  });

  it('brings a replica back at the first poll that sees a new event', () => {
    const back = rows.find((r) => r.time >= 600 && r.specReplicas === 0 && r.finalReplicas === 1)!;
    expect(back).toBeDefined();
    // Events resume at 600 s: the first poll that sees one (polls at 0, 10, 20 … s: the one at 600 s
    // finds the list still empty, the next one has events) scales 0 → 1.
    expect(back.time).toBeGreaterThan(600);
    expect(back.time).toBeLessThanOrEqual(600 + POLL);
    expect(back.listLength).toBeGreaterThan(0);
    expect(back.active).toBe('True');
  });
});
