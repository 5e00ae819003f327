/**
 * An ElasticWorkload split between an ECS node and ECI, with no CPU limit: each pod is capped by
 * where it runs (src/engine/capacity.ts), the ECS pods at the node's 4 CPU and the ECI pods at the
 * 1 vCPU size they are billed at, not every pod at the ECI size. The load spreads evenly and what
 * an ECI pod at its capacity cannot take goes to the ECS pods (src/load/capacity-share.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../../src/engine/run-scenario.js';
import type { Scenario } from '../../src/scenario/types.js';
import { elasticEciFiles } from '../helpers/elastic-eci-scenario.js';
import { loadFolder } from '../scenario/helpers/scenario-folder.js';

/** 10 minutes at `rps` requests/s, 10 mcore-s each; 4 replicas: 2 on the ECS node (source max 2), 2 on ECI. */
async function splitScenario(rps: number): Promise<Scenario> {
  return loadFolder(
    elasticEciFiles({
      duration: '10m',
      traceRows: [`2024-01-01T00:00:00Z,${rps}`, `2024-01-01T00:40:00Z,${rps}`],
      loadModel: 'trace: load, cpuMillicoreSecondsPerRequest: 10, serviceTimeSeconds: 0.01',
      requests: '{cpu: "1", memory: 2Gi}',
      replicas: 4,
      sourceMax: 2,
    }),
  );
}

describe('an ElasticWorkload on ECS and ECI without a CPU limit', () => {
  let result: RunResult;
  beforeAll(async () => {
    result = runScenario(await splitScenario(500));
  });

  it('serves 500 rps: 2 ECI pods at their 100 rps (1 vCPU), the 2 ECS pods 150 each, not 4 × 100', () => {
    expect(result.summary.workloads[0]!.servedPercent).toBe(100);
  });

  it('reports the ElasticWorkload\'s 4 replicas as the initial count, not its source Deployment\'s 2', () => {
    expect(result.summary.workloads[0]!.replicas).toMatchObject({ initial: 4, minReady: 4, peakReady: 4 });
  });

  it('caps each pod by where it runs in metrics-server’s samples: 1,500 m on ECS, 1,000 m on ECI', () => {
    const { workloads, metricsServer } = result.built;
    const pods = workloads[0]!.controller.pods;
    expect(pods).toHaveLength(4);
    const byPool = pods.map((p) => [p.node!.pool.name, metricsServer.sample(p)?.cpuMilli]);
    expect(byPool.sort()).toEqual([
      ['eci', 1000],
      ['eci', 1000],
      ['ecs', 1500],
      ['ecs', 1500],
    ]);
  });

  it('reports the CPU the ECI pods used: 2 pods × 1 vCPU for the 600 s run', () => {
    const eci = result.summary.cost.classes.find((c) => c.capacityClass === 'virtual')!;
    expect(eci.usage!.cpuUsedCoreHours).toBeCloseTo((2 * 600) / 3600, 3);
  });

  it('serves what the pods can when they are all full: 2 × 400 + 2 × 100 rps of 1,500', async () => {
    const full = runScenario(await splitScenario(1500));
    expect(full.summary.workloads[0]!.servedPercent).toBeCloseTo((1000 / 1500) * 100, 1);
  });
});
