/**
 * Invariants over random scenarios (fast-check, fixed seed, bounded runs): every HPA decision stays
 * within [minReplicas, maxReplicas] (except the disabled path at 0 replicas), no node ever holds
 * more requests than it can allocate, load is conserved (offered = served + dropped + backlog), and
 * the same seed gives the same summary.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { SimNode } from '../../src/cluster/model.js';
import type { HpaDecisionRecord } from '../../src/observe/records.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { lines, removeFolder, writeScenarioFolder } from '../scenario/helpers/scenario-folder.js';

const folders: string[] = [];
afterAll(async () => Promise.all(folders.map(removeFolder)));

const scenarioArb = fc.record({
  nodes: fc.integer({ min: 1, max: 4 }),
  nodeCpu: fc.constantFrom('1', '2', '4'),
  requestMilli: fc.integer({ min: 50, max: 900 }),
  replicas: fc.integer({ min: 1, max: 5 }),
  min: fc.integer({ min: 1, max: 3 }),
  span: fc.integer({ min: 0, max: 8 }),
  target: fc.integer({ min: 20, max: 90 }),
  costPerRequest: fc.integer({ min: 1, max: 30 }),
  backlog: fc.integer({ min: 0, max: 500 }),
  rates: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 2, maxLength: 8 }),
  behavior: fc.boolean(),
  seed: fc.integer({ min: 0, max: 1000 }),
});

type Params = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function files(p: Params): Record<string, string> {
  const trace = ['timestamp,value', ...p.rates.map((r, i) => `2024-01-01T00:${String(i * 5).padStart(2, '0')}:00Z,${r}`)];
  return {
    'scenario.yaml': lines(
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      `  seed: ${p.seed}`,
      '  duration: 30m',
      '  traces: {load: {file: traces/load.csv, valueKind: ratePerSecond}}',
      `  nodePools: [{name: pool, count: ${p.nodes}, cpu: "${p.nodeCpu}", memory: 8Gi}]`,
      `  workloads: {app: {trace: load, cpuMillicoreSecondsPerRequest: ${p.costPerRequest}, maxBacklogRequests: ${p.backlog}}}`,
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
      `      containers: [{name: app, image: app:1, resources: {requests: {cpu: ${p.requestMilli}m, memory: 128Mi}}}]`,
      '---',
      'apiVersion: autoscaling/v2',
      'kind: HorizontalPodAutoscaler',
      'metadata: {name: app}',
      'spec:',
      '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: app}',
      `  minReplicas: ${p.min}`,
      `  maxReplicas: ${p.min + p.span}`,
      `  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: ${p.target}}}}]`,
      ...(p.behavior ? ['  behavior: {scaleDown: {stabilizationWindowSeconds: 60}}'] : []),
    ),
  };
}

describe('invariants over random scenarios', () => {
  it('hold for every run', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (p) => {
        const dir = await writeScenarioFolder(files(p));
        folders.push(dir);
        const scenario = await loadScenario(dir);
        const decisions: HpaDecisionRecord[] = [];
        let overCommitted = 0;
        let nodes: readonly SimNode[] = [];
        const result = runScenario(scenario, {
          onBuilt: (b) => (nodes = b.cluster.nodes),
          observers: [
            {
              hpaDecision: (r) => {
                decisions.push(r);
                for (const n of nodes) {
                  if (n.cpuRequestedMillicores > n.cpuAllocatableMillicores || n.memoryRequestedBytes > n.memoryAllocatableBytes) overCommitted++;
                }
              },
            },
          ],
        });
        const min = p.min;
        const max = p.min + p.span;
        for (const d of decisions) {
          if (d.path === 'disabled') continue;
          expect(d.desiredReplicas).toBeGreaterThanOrEqual(min);
          expect(d.desiredReplicas).toBeLessThanOrEqual(max);
        }
        expect(overCommitted).toBe(0);
        for (const w of result.summary.workloads) {
          expect(w.offeredRequests).toBeCloseTo(w.servedRequests + w.droppedRequests + w.backlogAtEndRequests, 2);
          expect(w.backlogAtEndRequests).toBeLessThanOrEqual(p.backlog + 1e-6);
        }
        const again = runScenario(await loadScenario(dir)).summary;
        expect(JSON.stringify(again)).toBe(JSON.stringify(result.summary));
      }),
      { seed: 20261122, numRuns: 25 },
    );
  }, 120_000);
});
