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
import { oneWorkloadArb, oneWorkloadFiles } from '../helpers/one-workload-scenario.js';
import { removeFolder, writeScenarioFolder } from '../scenario/helpers/scenario-folder.js';

const folders: string[] = [];
afterAll(async () => Promise.all(folders.map(removeFolder)));

const scenarioArb = fc.record({ base: oneWorkloadArb, backlog: fc.integer({ min: 0, max: 500 }) }).map(({ base, backlog }) => ({ ...base, backlog }));

type Params = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function files(p: Params): Record<string, string> {
  return oneWorkloadFiles({ ...p, duration: '30m' });
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
