/**
 * compare and sweep pass on the scenario's load warnings, as run prints them: a run longer than its
 * trace measures idle time, which a comparison or a sweep over that duration must say (before, only
 * each compare variant's summary.json kept them, and a sweep kept them nowhere).
 */
import { describe, expect, it } from 'vitest';
import { runComparison } from '../../src/compare/run-comparison.js';
import { resolveVariants } from '../../src/compare/variants.js';
import { formatProblem } from '../../src/errors/user-input-error.js';
import { planSweep } from '../../src/sweep/plan-sweep.js';
import { BASE_TRACE, baseFiles } from '../scenario/helpers/base-scenario.js';
import { withScenarioFolder } from '../scenario/helpers/scenario-folder.js';

const ENDS_EARLY = /the trace ends at \d+ s, before the run ends at 3600 s; its rate is 0 afterwards/;

describe('load warnings of compare and sweep', () => {
  it('compare returns each warning once, however many variants share it', async () => {
    await withScenarioFolder({ ...baseFiles(), 'traces/web.csv': BASE_TRACE }, async (dir) => {
      const result = await runComparison(resolveVariants(dir, ['big=Deployment/web:spec.replicas=3']), { durationSeconds: 3600 });
      const texts = result.warnings.map(formatProblem);
      expect(texts.filter((t) => ENDS_EARLY.test(t))).toHaveLength(1);
    });
  });

  it("a sweep's plan carries the base scenario's warnings", async () => {
    await withScenarioFolder({ ...baseFiles(), 'traces/web.csv': BASE_TRACE }, async (dir) => {
      const plan = await planSweep({ dir, grid: ['Deployment/web:spec.template.spec.containers[0].resources.requests.cpu=100m,200m'], durationSeconds: 3600 });
      expect(plan.warnings.map(formatProblem)).toContainEqual(expect.stringMatching(ENDS_EARLY));
      const within = await planSweep({ dir, grid: ['Deployment/web:spec.template.spec.containers[0].resources.requests.cpu=100m,200m'] });
      expect(within.warnings.map(formatProblem).filter((t) => ENDS_EARLY.test(t))).toEqual([]);
    });
  });
});
