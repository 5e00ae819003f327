/**
 * `scalesim sweep --seeds` as a user runs it (the built CLI): each setting runs under every seed
 * (sweep.csv keeps every run), settings.csv holds each setting's figures across its seeds, the
 * frontier and the SLO answer judge settings across seeds, merged shards give the same bytes, and
 * the report (report.md and report.html, in the default formats) judges them so too, and the
 * flags that would clash with --seeds are refused with exit code 2 and nothing written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-seeds-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const NGINX = 'scenarios/nginx-hpa-cpu';
const ARGS = ['--grid', 'hpa.targetCPU=30,70', '--seeds', '1..3', '--duration', '20m', '--no-progress'];
const SLO = 'p95<8ms';
const CHARTS = ['report-axis1-p95.mmd', 'report-axis1-replicas.mmd'];
const FILES = ['best.json', 'pareto.csv', ...CHARTS, 'report.html', 'report.md', 'settings.csv', 'sweep.csv', 'sweep.json'];

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const csv = (dir: string, file: string) => read(dir, file).trim().split('\n').map((l) => l.split(','));

describe('scalesim sweep --seeds', () => {
  const single = join(work, 'single');
  let stdout = '';

  beforeAll(() => {
    const r = runCli(['sweep', NGINX, ...ARGS, '--slo', SLO, '--out', single]);
    expect(r.status, r.stderr).toBe(0);
    stdout = r.stdout;
  });

  it('runs every setting under every seed, the seeds varying fastest', () => {
    expect(readdirSync(single).sort()).toEqual(['.scalesim-results', ...FILES]);
    const rows = csv(single, 'sweep.csv');
    expect(rows[0]!.slice(0, 4)).toEqual(['index', 'id', 'hpa.targetCPU', 'scenario.spec.seed']);
    expect(rows.slice(1).map((r) => `${r[2]}/${r[3]}`)).toEqual(['30/1', '30/2', '30/3', '70/1', '70/2', '70/3']);
  });

  it("writes each setting's spread across its seeds, with the id the same grid without seeds gives it", () => {
    const rows = csv(single, 'settings.csv');
    const header = rows[0]!;
    expect(header.slice(0, 5)).toEqual(['setting', 'id', 'hpa.targetCPU', 'seeds', 'cost_currency']);
    expect(header).toEqual(expect.arrayContaining(['p95_ms_mean', 'p95_ms_min', 'p95_ms_max', 'mean_replicas_mean', 'served_percent_min']));
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['0', '30', '1 2 3'],
      ['1', '70', '1 2 3'],
    ]);
    // The spread is the runs' own figures: min and max of the three rows of sweep.csv.
    const runs = csv(single, 'sweep.csv');
    const p95 = runs[0]!.indexOf('p95_ms');
    const of70 = runs.slice(4).map((r) => Number(r[p95]));
    const at = (name: string) => Number(rows[2]![header.indexOf(name)]);
    expect([at('p95_ms_min'), at('p95_ms_max')]).toEqual([Math.min(...of70), Math.max(...of70)]);
    expect(at('p95_ms_mean')).toBeCloseTo(of70.reduce((a, v) => a + v, 0) / 3, 4);
    const plain = join(work, 'plain');
    expect(runCli(['sweep', NGINX, '--grid', 'hpa.targetCPU=30,70', '--duration', '20m', '--no-progress', '--no-report', '--out', plain]).status).toBe(0);
    expect(csv(plain, 'sweep.csv').slice(1).map((r) => r[1])).toEqual(rows.slice(1).map((r) => r[1]));
  });

  it('judges settings across seeds: the frontier, the answer and its note on the seeds', () => {
    expect(stdout).toContain('2 of 2 settings, each across 3 seeds');
    expect(stdout).toMatch(/p95 ms, worst seed/);
    const best = JSON.parse(read(single, 'best.json')) as { settings: number; best: { setting: Record<string, string>; seeds: string[]; seedsMeeting: number } };
    expect(best.settings).toBe(2);
    expect(best.best.setting).toEqual({ 'hpa.targetCPU': '30' });
    expect(best.best).toMatchObject({ seeds: ['1', '2', '3'], seedsMeeting: 3 });
    expect(stdout).toMatch(/cheapest setting meeting p95<8ms under every seed: #0 hpa\.targetCPU=30 .*1 of 2 settings meet it under every seed/);
    expect(csv(single, 'pareto.csv')[0]!.slice(0, 4)).toEqual(['setting', 'id', 'hpa.targetCPU', 'seeds']);
    const json = JSON.parse(read(single, 'sweep.json')) as { rows: unknown[]; acrossSeeds: { seedAxis: string; settings: { runs: number[] }[] } };
    expect(json.rows).toHaveLength(6);
    expect(json.acrossSeeds.seedAxis).toBe('scenario.spec.seed');
    expect(json.acrossSeeds.settings.map((s) => s.runs)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
  });

  it("reports the settings across seeds: the answer, the frontier's worst-seed figures, a chart per figure with the SLO's bound", () => {
    const report = read(single, 'report.md');
    expect(report).toContain('2 settings: hpa.targetCPU (30, 70); each under 3 seeds (1, 2, 3), judged across them; 20m simulated each.');
    expect(report).toMatch(/## Answer\n\ncheapest setting meeting p95\\<8ms under every seed: \\#0 hpa\.targetCPU=30/);
    expect(report).toContain('| \\# | hpa.targetCPU | mean replicas, mean of seeds (no prices) | p95 ms, worst seed | served %, worst seed |');
    const chart = read(single, 'report-axis1-p95.mmd');
    expect(chart).toContain('title "p95 response time by hpa.targetCPU (worst seed)"');
    expect(chart).toContain('x-axis "hpa.targetCPU" ["30", "70"]');
    expect(chart.split('\n').filter((l) => l.startsWith('  line ['))).toHaveLength(2);
    expect(chart).toContain('  line [8, 8]');
    expect(report).toContain('⬜ SLO p95\\<8ms (light grey, wide) · 🟦 p95 response time (blue)');
    expect(read(single, 'report.html')).toContain('<svg');
  });

  it('merges shards into the same bytes', () => {
    const parts = [0, 1].map((i) => join(work, `shard-${i}`));
    for (const [i, dir] of parts.entries()) expect(runCli(['sweep', NGINX, ...ARGS, '--shards', '2', '--shard', String(i), '--out', dir]).status).toBe(0);
    const merged = join(work, 'merged');
    const m = runCli(['merge', ...parts, '--slo', SLO, '--out', merged]);
    expect(m.status, m.stderr).toBe(0);
    expect(m.stdout).toContain('wrote sweep.csv, settings.csv, pareto.csv, sweep.json, best.json, report.md, report.html');
    for (const f of FILES) expect(read(merged, f), f).toBe(read(single, f));
  });

  it.each([
    [['--seed', '4'], /--seed and --seeds both set the seed/],
    [['--grid', 'scenario.spec.seed=4,5'], /--seeds and --grid scenario\.spec\.seed=4,5 both vary the seed/],
  ])('refuses %s beside --seeds, writing nothing', (extra, message) => {
    const out = join(work, 'refused');
    const r = runCli(['sweep', NGINX, ...ARGS, ...extra, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});
