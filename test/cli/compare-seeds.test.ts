/**
 * `scalesim compare --seeds` as a user runs it (the built CLI): every variant under each seed,
 * comparison-seeds.csv with every run, comparison.csv judged across them (the mean of mean replicas,
 * the worst seed's p95), the spread under the table and in report.md, the first seed's folders, and
 * --seed beside --seeds refused. Also the pure parts: the spread text and per-workload rows across seeds.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComparisonRow } from '../../src/compare/comparison-row.js';
import { formatSeedSpread } from '../../src/compare/seed-spread.js';
import { judgedWorkloadRows } from '../../src/compare/workload-rows.js';
import type { RunSummary } from '../../src/report/summary.js';
import { figures } from '../helpers/comparison-rows.js';
import { runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-compare-seeds-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const csv = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(','));

describe('scalesim compare --seeds', () => {
  const out = join(work, 'c');
  let stdout = '';

  beforeAll(() => {
    const r = runCli(['compare', 'scenarios/nginx-hpa-cpu', '--variant', 'keda=scenarios/nginx-keda-cpu', '--seeds', '1..3', '--duration', '20m', '--report', 'md', '--no-progress', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    stdout = r.stdout;
  });

  it('runs every variant under each seed and writes every run', () => {
    const runs = csv(join(out, 'comparison-seeds.csv'));
    expect(runs[0]!.slice(0, 3)).toEqual(['variant', 'seed', 'cost_currency']);
    expect(runs.slice(1).map((r) => `${r[0]}/${r[1]}`)).toEqual(['base/1', 'base/2', 'base/3', 'keda/1', 'keda/2', 'keda/3']);
  });

  it('judges each variant across its seeds: the mean of mean replicas, the worst p95', () => {
    const runs = csv(join(out, 'comparison-seeds.csv'));
    const rows = csv(join(out, 'comparison.csv'));
    for (const variant of ['base', 'keda']) {
      const mine = runs.filter((r) => r[0] === variant);
      const at = (table: string[][], row: string[], key: string) => Number(row[table[0]!.indexOf(key)]);
      const judged = rows.find((r) => r[0] === variant)!;
      expect(at(rows, judged, 'p95_ms')).toBe(Math.max(...mine.map((r) => at(runs, r, 'p95_ms'))));
      expect(at(rows, judged, 'mean_replicas')).toBeCloseTo(mine.reduce((a, r) => a + at(runs, r, 'mean_replicas'), 0) / 3, 4);
    }
    const json = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8')) as { seeds: number[]; judged: string; runs: { variant: string; seed: number }[] };
    expect(json.seeds).toEqual([1, 2, 3]);
    expect(json.runs.map((r) => `${r.variant}/${r.seed}`)).toEqual(['base/1', 'base/2', 'base/3', 'keda/1', 'keda/2', 'keda/3']);
    // The variant folders are the first seed's runs.
    expect((JSON.parse(readFileSync(join(out, 'base', 'summary.json'), 'utf8')) as { seed: number }).seed).toBe(1);
  });

  it('prints the spread of each variant under the table', () => {
    expect(stdout).toContain('each variant across 3 seeds (1, 2, 3): cost, mean replicas and mean nodes: the mean over the seeds');
    expect(stdout).toMatch(/across the seeds, lowest–highest:\nvariant\s+p95 ms\s+mean replicas\s+served %\s+pending pod-s\nbase\s/);
  });

  it("writes each variant's spread into report.md: comparison-seeds.csv's lowest–highest, as the terminal shows it", () => {
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    const section = report.slice(report.indexOf('## Across the seeds'), report.indexOf('## Charts'));
    expect(section).toContain("Each variant's figures over its 3 seeds (1, 2, 3), lowest–highest");
    const table = section.split('\n').filter((l) => l.startsWith('| ')).map((l) => l.slice(2, -2).split(' | '));
    expect(table[0]).toEqual(['variant', 'p95 ms', 'mean replicas', 'served %', 'pending pod-s']);
    expect(table[1]).toEqual(['---', '---:', '---:', '---:', '---:']);
    // The spread from every run's row: each figure at the precision the comparison table shows it.
    const runs = csv(join(out, 'comparison-seeds.csv'));
    const spread = (variant: string, key: string, digits: number): string => {
      const values = runs.filter((r) => r[0] === variant).map((r) => Number(r[runs[0]!.indexOf(key)]).toFixed(digits));
      const numbers = values.map(Number);
      const [low, high] = [Math.min(...numbers).toFixed(digits), Math.max(...numbers).toFixed(digits)];
      return low === high ? low : `${low}–${high}`;
    };
    const expected = ['base', 'keda'].map((v) => [v, spread(v, 'p95_ms', 1), spread(v, 'mean_replicas', 2), spread(v, 'served_percent', 3), spread(v, 'pending_pod_s', 0)]);
    expect(table.slice(2)).toEqual(expected);
    // Some figure moves with the seed, or the test would not tell a spread from a single value.
    expect(expected.flat().some((cell) => cell.includes('–'))).toBe(true);
    // The terminal's spread, cell for cell.
    const lines = stdout.split('\n');
    const terminal = lines.slice(lines.indexOf('across the seeds, lowest–highest:') + 1).slice(0, 3).map((l) => l.trim().split(/ {2,}/));
    expect(terminal).toEqual([table[0], ...table.slice(2)]);
  });

  it('refuses --seed beside --seeds, writing nothing', () => {
    const refused = join(work, 'refused');
    const r = runCli(['compare', 'scenarios/nginx-hpa-cpu', '--variant', 'keda=scenarios/nginx-keda-cpu', '--seeds', '1,2', '--seed', '4', '--out', refused]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--seeds: --seed and --seeds both set the seed');
    expect(existsSync(refused)).toBe(false);
  });
});

const row = (variant: string, over: Partial<ComparisonRow>): ComparisonRow => figures({ ...over, variant });

describe('formatSeedSpread', () => {
  it("gives each variant's lowest–highest, one figure where the seeds print the same", () => {
    const text = formatSeedSpread([1, 2], [
      [row('hpa', { p95Ms: 120.04, costTotal: 10 }), row('hpa', { p95Ms: 131.5, costTotal: 12.5 })],
      [row('keda', { p95Ms: 140, costTotal: 9, pendingPodSeconds: 30 }), row('keda', { p95Ms: 140.01, costTotal: 9, pendingPodSeconds: 90 })],
    ]);
    expect(text.split('\n').slice(2)).toEqual([
      'variant       p95 ms   cost (USD)  served %  pending pod-s',
      'hpa      120.0–131.5  10.00–12.50   100.000              0',
      'keda           140.0         9.00   100.000          30–90',
    ]);
  });
});

describe('judgedWorkloadRows', () => {
  const summary = (p95: number | null, served: number, meanReady: number, pending: number): RunSummary =>
    ({
      workloads: [{ name: 'web', servedPercent: served, droppedPercent: 100 - served, responseTimeSeconds: { p50: 0.01, p95: p95, p99: 0.5 }, pendingPodSeconds: pending, coldStarts: { count: 0 }, replicas: { meanReady, peakReady: 4 } }],
    }) as unknown as RunSummary;

  it('takes the worst seed of each figure and the mean of mean ready', () => {
    const [web] = judgedWorkloadRows('v', [summary(0.2, 99.5, 2, 10), summary(0.3, 100, 3, 0)]);
    expect(web).toMatchObject({ variant: 'v', workload: 'web', servedPercent: 99.5, p95Ms: 300, pendingPodSeconds: 10, meanReadyReplicas: 2.5, peakReadyReplicas: 4 });
    expect(judgedWorkloadRows('v', [summary(null, 100, 0, 0), summary(0.3, 100, 0, 0)])[0]!.p95Ms).toBeNull();
  });
});
