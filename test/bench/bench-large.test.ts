/** The committed scenarios/bench-large folder is exactly what its generator writes, and it loads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchLargeFiles, BENCH_LARGE } from '../../src/bench/generate-bench-large.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { ROOT } from '../helpers/run-cli.js';

describe('bench-large', () => {
  it('is up to date with src/bench/generate-bench-large.ts', () => {
    for (const [name, text] of benchLargeFiles(join(ROOT, 'scenarios', 'traces'))) {
      expect(readFileSync(join(ROOT, 'scenarios', 'bench-large', name), 'utf8'), name).toBe(text);
    }
  });

  it('loads with 1,000 workloads, 700 HPAs and 300 ScaledObjects', async () => {
    const scenario = await loadScenario(join(ROOT, 'scenarios', 'bench-large'));
    expect(scenario.workloads).toHaveLength(BENCH_LARGE.workloads);
    expect(scenario.hpas).toHaveLength(BENCH_LARGE.hpas);
    expect(scenario.scaledObjects).toHaveLength(BENCH_LARGE.workloads - BENCH_LARGE.hpas);
    expect(scenario.nodePools[0]!.maxSize).toBe(BENCH_LARGE.maxNodes);
    // Month-long traces are bound for the day the run reads, not whole.
    expect(Math.max(...scenario.traces.map((t) => t.rate.startSeconds.length))).toBeLessThanOrEqual(24 * 60 + 2);
  });
});
