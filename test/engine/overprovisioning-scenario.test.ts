/**
 * The bundled scenarios/overprovisioning-ca (pause pods of a PriorityClass with value -1 on a
 * cluster-autoscaled group, an HPA-scaled web Deployment on World Cup 98 traffic) against the same
 * run without the pause pods, over its first two days (the 07-07 semi-final surge is on the second).
 * With the headroom, every web pod the HPA adds while no node has room preempts a pause pod and binds
 * at once, and the cluster-autoscaler adds nodes for the evicted pause pods instead; without it the
 * same web pods wait for booting nodes, and the cluster costs less.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseOverrides } from '../../src/compare/overrides.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { PreemptionRecord } from '../../src/observe/records.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { MemoryTables } from '../helpers/memory-tables.js';
import { ROOT } from '../helpers/run-cli.js';

interface Outcome {
  preemptions: PreemptionRecord[];
  webPendingPodSeconds: number;
  pausePendingPodSeconds: number;
  costUsd: number;
}

async function run(pauseReplicas?: number): Promise<Outcome> {
  const patches = pauseReplicas === undefined ? [] : parseOverrides(`Deployment/overprovisioning:spec.replicas=${pauseReplicas}`, 'test');
  const scenario = await loadScenario(join(ROOT, 'scenarios', 'overprovisioning-ca'), { durationSeconds: 2 * 86_400, patches });
  const preemptions: PreemptionRecord[] = [];
  const { summary } = runScenario(scenario, { observers: [{ preemption: (r) => preemptions.push(r) }], tables: new MemoryTables().factory });
  const pending = (name: string) => summary.workloads.find((w) => w.name === name)!.pendingPodSeconds;
  return { preemptions, webPendingPodSeconds: pending('web'), pausePendingPodSeconds: pending('overprovisioning'), costUsd: summary.cost.total.cost.inReportCurrency! };
}

describe('bundled overprovisioning-ca: warm headroom against none', () => {
  let headroom: Outcome;
  let none: Outcome;
  beforeAll(async () => {
    [headroom, none] = [await run(), await run(0)];
  });

  it('web pods preempt pause pods (priority -1) and never wait for a node', () => {
    expect(headroom.preemptions.length).toBeGreaterThan(2);
    for (const p of headroom.preemptions) {
      expect(p.preemptor).toMatchObject({ owner: 'web', priority: 0 });
      expect(p.victims.map((v) => [v.owner, v.priority])).toEqual([['overprovisioning', -1]]);
    }
    expect(headroom.webPendingPodSeconds).toBe(0);
    // The evicted pause pods wait instead, for the nodes the cluster-autoscaler adds for them.
    expect(headroom.pausePendingPodSeconds).toBeGreaterThan(0);
  });

  it('without the pause pods the same web pods wait for booting nodes, and the nodes cost less', () => {
    expect(none.preemptions).toEqual([]);
    expect(none.webPendingPodSeconds).toBeGreaterThan(600);
    expect(none.costUsd).toBeLessThan(headroom.costUsd);
  });

  it('pause pods too large to share a node with the web pods of the night keep a second node all night', async () => {
    const patches = parseOverrides('Deployment/overprovisioning:spec.template.spec.containers[0].resources.requests.cpu=1500m', 'test');
    const scenario = await loadScenario(join(ROOT, 'scenarios', 'overprovisioning-ca'), { durationSeconds: 2 * 86_400, patches });
    const { summary } = runScenario(scenario, { tables: new MemoryTables().factory });
    expect(summary.cost.total.cost.inReportCurrency!).toBeGreaterThan(headroom.costUsd * 1.3);
  });
});
