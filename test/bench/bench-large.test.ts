/**
 * The committed scenarios/bench-large folder is exactly what its generator writes, and it loads; the
 * generator's other sizes (--workloads N) load too, with the same mix and the same first workloads.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchLargeFiles, benchLargeSize, BENCH_LARGE, parseGenerateArgs } from '../../src/bench/generate-bench-large.js';
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

  it.each([1, 5])('writes a scenario that loads for %i workload(s), where no Prometheus workload may be drawn', async (n) => {
    const out = mkdtempSync(join(tmpdir(), 'scalesim-bench-small-'));
    try {
      for (const [name, text] of benchLargeFiles(join(ROOT, 'scenarios', 'traces'), benchLargeSize(n), out)) {
        mkdirSync(dirname(join(out, name)), { recursive: true });
        writeFileSync(join(out, name), text);
      }
      expect((await loadScenario(out)).workloads).toHaveLength(n);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('sizes the same cluster: the first N workloads of the same draws, the mix and the node pool scaled', async () => {
    expect(benchLargeSize(1000)).toBe(BENCH_LARGE);
    expect(benchLargeSize(300)).toEqual({ name: 'bench-large-300', workloads: 300, hpas: 210, kedaCpu: 60, startNodes: 120, minNodes: 30, maxNodes: 600 });
    const out = mkdtempSync(join(tmpdir(), 'scalesim-bench-large-'));
    try {
      const files = benchLargeFiles(join(ROOT, 'scenarios', 'traces'), benchLargeSize(300), out);
      for (const [name, text] of files) {
        mkdirSync(dirname(join(out, name)), { recursive: true });
        writeFileSync(join(out, name), text);
      }
      const scenario = await loadScenario(out);
      expect(scenario.workloads).toHaveLength(300);
      expect(scenario.hpas).toHaveLength(210);
      expect(scenario.scaledObjects).toHaveLength(90);
      expect(scenario.nodePools[0]).toMatchObject({ count: 120, minSize: 30, maxSize: 600 });
      // The traces are found from wherever the folder is, and the first workloads are bench-large's.
      const full = readFileSync(join(ROOT, 'scenarios', 'bench-large', 'scenario.yaml'), 'utf8');
      const firstTrace = (text: string): string => text.slice(text.indexOf('    svc-0000:'), text.indexOf('    svc-0001:'));
      expect(firstTrace(files.get('scenario.yaml')!).replace(/file: .*\/traces\//, 'file: ')).toBe(firstTrace(full).replace('file: ../traces/', 'file: '));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it.each<[string[], string]>([
    [['--workloads', '0'], '--workloads: expected a whole number of workloads from 1 to 100000, got "0"'],
    [['--workloads', 'many'], '--workloads: expected a whole number of workloads from 1 to 100000, got "many"'],
    [['--workloads'], '--workloads needs a value (one that starts with "-" goes as --workloads=-…)'],
    [['--workloads='], '--workloads: expected a whole number of workloads from 1 to 100000, got ""'],
    [['--workloads', '2.5'], '--workloads: expected a whole number of workloads from 1 to 100000, got "2.5"'],
    [['--size', '3'], 'unknown option --size'],
    [['--json'], 'unknown option --json'],
    [['a', 'b'], 'one output folder only, got "a" and "b"'],
  ])('the generator refuses %j: %s', (argv, reason) => {
    expect(parseGenerateArgs(argv)).toBe(reason);
  });

  it('the generator takes a size and a folder', () => {
    expect(parseGenerateArgs([])).toEqual({ size: BENCH_LARGE, outDir: undefined });
    expect(parseGenerateArgs(['/tmp/x', '--workloads', '100'])).toMatchObject({ size: { name: 'bench-large-100', workloads: 100 }, outDir: '/tmp/x' });
    expect(parseGenerateArgs(['--workloads=100000', '/tmp/x'])).toMatchObject({ size: { workloads: 100_000 }, outDir: '/tmp/x' });
  });
});
