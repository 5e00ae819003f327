/**
 * ResourceQuota invariants over random scenarios (fast-check, fixed seed, bounded runs): what the
 * quota counts always equals the sum over the workload's live pods, never passes spec.hard, and a
 * FailedCreate happens only when one more pod would pass it; the HPA's decisions stay within its
 * bounds however many creates the quota refuses.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuiltSimulation } from '../../src/engine/build-simulation.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { oneWorkloadArb, oneWorkloadFiles } from '../helpers/one-workload-scenario.js';
import { lines, removeFolder, writeScenarioFolder } from '../scenario/helpers/scenario-folder.js';

const folders: string[] = [];
afterAll(async () => Promise.all(folders.map(removeFolder)));

const scenarioArb = fc
  .record({ base: oneWorkloadArb, quotaPods: fc.integer({ min: 1, max: 10 }), quotaCpuPods: fc.integer({ min: 1, max: 10 }) })
  .map(({ base, quotaPods, quotaCpuPods }) => ({ ...base, quotaPods, hardCpuMilli: base.requestMilli * quotaCpuPods + (quotaCpuPods % 3) * 10 }));

describe('ResourceQuota invariants over random scenarios', () => {
  it('hold for every run', async () => {
    let refusals = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (p) => {
        const quota = lines('apiVersion: v1', 'kind: ResourceQuota', 'metadata: {name: q}', 'spec:', `  hard: {pods: "${p.quotaPods}", requests.cpu: ${p.hardCpuMilli}m}`);
        const dir = await writeScenarioFolder({ ...oneWorkloadFiles({ ...p, duration: '30m' }), 'manifests/quota.yaml': quota });
        folders.push(dir);
        let built: BuiltSimulation | undefined;
        const broken: string[] = [];
        const check = (when: string, extraPod = false): void => {
          const status = built!.quotas!.statuses()[0]!;
          const live = built!.workloads[0]!.controller.pods.filter((pod) => !pod.removed);
          const cpu = status.used['requests.cpu']!;
          const pods = status.used.pods!;
          if (cpu !== live.length * p.requestMilli || pods !== live.length) broken.push(`${when}: counts ${cpu}m/${pods} pods, live pods ${live.length}`);
          if (cpu > p.hardCpuMilli || pods > p.quotaPods) broken.push(`${when}: ${cpu}m/${pods} pods past hard ${p.hardCpuMilli}m/${p.quotaPods}`);
          if (extraPod && cpu + p.requestMilli <= p.hardCpuMilli && pods + 1 <= p.quotaPods) broken.push(`${when}: refused with room for one more pod`);
        };
        const result = runScenario(await loadScenario(dir), {
          onBuilt: (b) => (built = b),
          observers: [
            {
              hpaDecision: (r) => {
                check(`sync at ${r.timeSeconds}`);
                if (r.path !== 'disabled' && (r.desiredReplicas < p.min || r.desiredReplicas > p.min + p.span)) broken.push(`desired ${r.desiredReplicas} out of bounds`);
              },
              failedCreate: (r) => {
                refusals++;
                check(`FailedCreate at ${r.timeSeconds}`, true);
              },
            },
          ],
        });
        check('end');
        expect(broken).toEqual([]);
        const summary = result.summary.resourceQuotas![0]!;
        expect(Number(summary.peakUsed.pods)).toBeLessThanOrEqual(p.quotaPods);
      }),
      { seed: 20261123, numRuns: 25 },
    );
    // The runs reach their quotas: the refusal path is exercised, not only the admitted one.
    expect(refusals).toBeGreaterThan(0);
  }, 120_000);
});
