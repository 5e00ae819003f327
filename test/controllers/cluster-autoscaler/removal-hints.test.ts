/**
 * The cluster-autoscaler controller carries the removal simulation's scheduling hints from one loop
 * to the next (upstream's HintingSimulator keeps them across RunOnce): each planScaleDown gets the
 * hints the previous one returned. The planner's own tests cover what the hints do.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScaleDownPlan } from '../../../src/autoscalers/cluster-autoscaler/scale-down/planner.js';
import { runScenario } from '../../../src/engine/run-scenario.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { ROOT } from '../../helpers/run-cli.js';

const calls = vi.hoisted(() => [] as { hintsIn: ReadonlyMap<string, string> | undefined; hintsOut: Map<string, string> }[]);

vi.mock('../../../src/autoscalers/cluster-autoscaler/scale-down/planner.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/autoscalers/cluster-autoscaler/scale-down/planner.js')>();
  return {
    ...original,
    planScaleDown: (input: Parameters<typeof original.planScaleDown>[0]): ScaleDownPlan => {
      const plan = original.planScaleDown(input);
      calls.push({ hintsIn: input.hints, hintsOut: plan.hints });
      return plan;
    },
  };
});

afterEach(() => {
  calls.length = 0;
});

describe('cluster-autoscaler removal hints across loops', () => {
  it('hands each scale-down plan the hints the previous loop returned', async () => {
    const scenario = await loadScenario(join(ROOT, 'scenarios', 'active-users-ca'), { decisions: 'none' });
    runScenario(scenario);
    expect(calls.length).toBeGreaterThan(100);
    // The first loop starts with none.
    expect(calls[0]!.hintsIn?.size ?? 0).toBe(0);
    for (let i = 1; i < calls.length; i++) expect(calls[i]!.hintsIn).toBe(calls[i - 1]!.hintsOut);
    // The hints are not always empty: there is something to carry.
    expect(calls.filter((c) => c.hintsOut.size > 0).length).toBeGreaterThan(10);
  });
});
