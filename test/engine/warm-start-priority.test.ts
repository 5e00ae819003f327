/**
 * The warm start places the initial replicas in kube-scheduler's queue order (PrioritySort: higher
 * pod priority first, then creation order): on one 2-CPU node, a Deployment of two 800m pods and a
 * higher-priority Deployment of one 800m pod leave the high-priority pod running and one low pod
 * pending, whichever Deployment the manifests list first, and nothing is preempted at the start.
 * Before, the pods were placed in manifest order, so listing `low` first opened the run with a
 * preemption and dropped traffic. Also: an ElasticWorkload's summary reports its own replicas as
 * the initial count, not its source Deployment's.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { PreemptionRecord } from '../../src/observe/records.js';
import type { RunSummary } from '../../src/report/summary.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { MemoryTables } from '../helpers/memory-tables.js';
import { deploymentYaml } from '../scenario/helpers/base-scenario.js';
import { lines, withScenarioFolder } from '../scenario/helpers/scenario-folder.js';

const SCENARIO = lines(
  'apiVersion: scalesim.dev/v1alpha1',
  'kind: Scenario',
  'metadata: {name: warm-priority}',
  'spec:',
  '  seed: 1',
  '  duration: 10m',
  '  traces: {c: {file: c.csv, valueKind: ratePerSecond}}',
  '  nodePools:',
  '    - {name: n, count: 1, cpu: "2", memory: 8Gi}',
  '  workloads:',
  '    low: {trace: c, cpuMillicoreSecondsPerRequest: 5}',
  '    high: {trace: c, cpuMillicoreSecondsPerRequest: 5}',
);

const deployment = (name: string, replicas: number, priorityClass?: string): string =>
  deploymentYaml(
    name,
    replicas,
    ...(priorityClass === undefined ? [] : [`      priorityClassName: ${priorityClass}`]),
    '      containers: [{name: c, image: nginx, resources: {requests: {cpu: 800m, memory: 256Mi}}}]',
  );

const PRIORITY_CLASS = lines('apiVersion: scheduling.k8s.io/v1', 'kind: PriorityClass', 'metadata: {name: hi}', 'value: 1000');

async function run(manifests: string[]): Promise<{ summary: RunSummary; preemptions: PreemptionRecord[] }> {
  const files = { 'scenario.yaml': SCENARIO, 'c.csv': lines('timestamp,value', '2024-03-01T00:00:00Z,10', '2024-03-01T00:10:00Z,10'), 'manifests/all.yaml': manifests.join('---\n') };
  return withScenarioFolder(files, async (dir) => {
    const preemptions: PreemptionRecord[] = [];
    const { summary } = runScenario(await loadScenario(dir), { observers: [{ preemption: (r) => preemptions.push(r) }], tables: new MemoryTables().factory });
    return { summary, preemptions };
  });
}

const readyOf = (summary: RunSummary, name: string) => summary.workloads.find((w) => w.name === name)!;

describe('warm start in PrioritySort order', () => {
  it.each([
    ['low listed first', [PRIORITY_CLASS, deployment('low', 2), deployment('high', 1, 'hi')]],
    ['high listed first', [PRIORITY_CLASS, deployment('high', 1, 'hi'), deployment('low', 2)]],
  ])('%s: the high-priority pod holds the node from the start, one low pod waits, nothing is preempted', async (_name, manifests) => {
    const { summary, preemptions } = await run(manifests);
    expect(preemptions).toEqual([]);
    expect(readyOf(summary, 'high')).toMatchObject({ servedPercent: 100, replicas: { minReady: 1, peakReady: 1 } });
    expect(readyOf(summary, 'low').replicas).toMatchObject({ initial: 2, minReady: 1, peakReady: 1 });
  });
});
