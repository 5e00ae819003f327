/**
 * `scalesim compare` as a user runs it: one row per variant with the comparison columns, the best of
 * each column marked, each workload apart when there are several, the same numbers for the same
 * seed, each variant's results in its folder, and exit code 2 for a bad variant or an override that
 * matches nothing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Marked } from 'marked';
import { afterAll, describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/report/html/markdown-to-html.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-compare-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const T50 = 't50=HorizontalPodAutoscaler/nginx:spec.metrics[0].resource.target.averageUtilization=50';

describe('scalesim compare', () => {
  it('runs every variant and writes one row each, with the best value per column', () => {
    const out = join(work, 'a');
    const r = runCli(['compare', 'scenarios/nginx-hpa-cpu', '--variant', 'keda=scenarios/nginx-keda-cpu', '--variant', T50, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^variant\s+cost total\s+served %/m);
    expect(r.stdout).toContain('* best in its column');
    const json = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8')) as { variants: { variant: string; peakReplicas: number }[]; best: Record<string, string[]> };
    expect(json.variants.map((v) => v.variant)).toEqual(['base', 'keda', 't50']);
    // A 50% target keeps fewer replicas than 30%: it holds the best (lowest) peak.
    expect(json.variants.find((v) => v.variant === 't50')!.peakReplicas).toBeLessThan(json.variants.find((v) => v.variant === 'base')!.peakReplicas);
    expect(json.best.peak_replicas).toEqual(['t50']);
    const csv = readFileSync(join(out, 'comparison.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(4);
    expect(csv[0]).toMatch(/^variant,description,cost_currency,/);
    for (const v of ['base', 'keda', 't50']) expect(existsSync(join(out, v, 'decisions.csv'))).toBe(true);
  });

  it('shows each workload apart when there are several: the pause pods wait, the web pods that preempt them do not', () => {
    const out = join(work, 'workloads');
    const r = runCli(['compare', 'scenarios/overprovisioning-ca', '--variant', 'none=Deployment/overprovisioning:spec.replicas=0', '--duration', '2d', '--out', out, '--report', 'md']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^per workload \(the row above sums pending pod-s/m);
    const csv = readFileSync(join(out, 'comparison-workloads.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('variant,workload,served_percent,dropped_percent,p50_ms,p95_ms,p99_ms,pending_pod_s,cold_starts,mean_ready,peak_ready');
    const cell = (variant: string, workload: string, column: string): string => {
      const header = csv[0]!.split(',');
      const row = csv.find((l) => l.startsWith(`${variant},${workload},`))!.split(',');
      return row[header.indexOf(column)]!;
    };
    // Pause pods serve nothing: no response time, shown empty rather than as a number.
    expect(cell('base', 'overprovisioning', 'p95_ms')).toBe('');
    expect(Number(cell('base', 'overprovisioning', 'pending_pod_s'))).toBeGreaterThan(0);
    expect(Number(cell('base', 'web', 'pending_pod_s'))).toBe(0);
    expect(Number(cell('none', 'web', 'pending_pod_s'))).toBeGreaterThan(600);
    // The per-variant row adds both workloads' waiting.
    const json = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8')) as { variants: { variant: string; pendingPodSeconds: number }[]; workloads: { variant: string; workload: string; pendingPodSeconds: number; p95Ms: number | null }[] };
    const base = json.workloads.filter((w) => w.variant === 'base');
    expect(json.variants[0]!.pendingPodSeconds).toBe(base.reduce((sum, w) => sum + w.pendingPodSeconds, 0));
    expect(base.find((w) => w.workload === 'overprovisioning')!.p95Ms).toBeNull();
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    expect(report).toMatch(/## Per workload[\s\S]*\| none \| web \|/);
    // report.md's side-by-side table is the terminal's, cell for cell, with each variant's description beside its name.
    const terminal = r.stdout.split('\n');
    const shown = terminal.slice(0, terminal.indexOf('* best in its column')).map((l) => l.trim().split(/ {2,}/));
    const side = report.slice(report.indexOf('## Side by side'), report.indexOf('## Per workload')).split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---')).map((l) => l.slice(2, -2).split(' | '));
    expect(side.map((cells) => cells.filter((_, k) => k !== 1))).toEqual(shown);
    expect(shown[0]).toContain('cost total (USD)');
    expect(side[2]![1]).toBe('Deployment/overprovisioning:spec.replicas=0');
    expect(report).toContain('\n\n\\* best in its column\n');
    expect(report).not.toContain('cost_currency');
    // One seed: no spread over seeds.
    expect(report).not.toContain('## Across the seeds');
  });

  it('shows names from the command line as written in report.md and report.html: a scenario folder "a_b*c|d", a variant "x-_y_"', () => {
    // Variant names are letters, digits, . _ - (variants.ts); a scenario folder's name and an override's text may hold anything.
    mkdirSync(join(work, 'names'));
    const dir = join(work, 'names', 'a_b*c|d');
    cpSync(join(ROOT, 'scenarios', 'nginx-hpa-cpu'), dir, { recursive: true });
    symlinkSync(join(ROOT, 'scenarios', 'traces'), join(work, 'names', 'traces'));
    const out = join(work, 'names-out');
    const r = runCli(['compare', dir, '--variant', 'x-_y_=HorizontalPodAutoscaler/nginx:spec.maxReplicas=5', '--duration', '20m', '--report', 'md', '--no-progress', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    const marked = new Marked({ gfm: true });
    const shown = (markdown: string): string => marked.parseInline(markdown) as string;
    // A row's cells as GitHub and marked split them: at each pipe after an even run of backslashes.
    const cells = (line: string): string[] => line.split(/(?<=(?<!\\)(?:\\\\)*)\|/).slice(1, -1).map((c) => c.trim());
    const side = report.slice(report.indexOf('## Side by side'), report.indexOf('## Charts')).split('\n').filter((l) => l.startsWith('| '));
    const header = cells(side[0]!);
    expect(header.slice(0, 2)).toEqual(['variant', 'description']);
    const rows = side.slice(2).map(cells);
    expect(rows.map((row) => row.length)).toEqual([header.length, header.length]);
    expect(rows.map((row) => [shown(row[0]!), shown(row[1]!)])).toEqual([
      ['base', `scenario ${dir}`],
      ['x-_y_', 'HorizontalPodAutoscaler/nginx:spec.maxReplicas=5'],
    ]);
    const html = markdownToHtml(report, []);
    expect(html).toContain(`<h1>scalesim comparison: a_b*c|d: base vs x-_y_</h1>`);
    expect(html).toContain(`<td>scenario ${dir}</td>`);
    expect(html).toContain('<td>x-_y_</td>');
    expect(html).not.toContain('<em>');
  });

  it('runs variants of different durations for the --duration given', () => {
    const out = join(work, 'same-length');
    const r = runCli(['compare', 'scenarios/nginx-hpa-cpu', '--variant', 'd=scenario:spec.duration=10m', '--duration', '5m', '--no-report', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    for (const v of ['base', 'd']) expect((JSON.parse(readFileSync(join(out, v, 'summary.json'), 'utf8')) as { durationSeconds: number }).durationSeconds).toBe(300);
  });

  it('gives the same numbers for the same seed', () => {
    const a = join(work, 'b1');
    const b = join(work, 'b2');
    runCli(['compare', 'scenarios/nginx-hpa-cpu', '--variant', T50, '--out', a, '--seed', '3']);
    runCli(['compare', 'scenarios/nginx-hpa-cpu', '--variant', T50, '--out', b, '--seed', '3']);
    expect(readFileSync(join(a, 'comparison.csv'), 'utf8')).toBe(readFileSync(join(b, 'comparison.csv'), 'utf8'));
  });

  it.each([
    ['a variant without a name', ['--variant', '=scenarios/nginx-keda-cpu'], /--variant/],
    ['a folder without scenario.yaml', ['--variant', 'x=scenarios/traces'], /scenario folder/],
    ['an override that matches no manifest', ['--variant', 'x=HorizontalPodAutoscaler/nope:spec.maxReplicas=3'], /matches no document/],
    ['an override of the seed, which the comparison seed would replace', ['--variant', 's=scenario:spec.seed=9'], /--variant s: scenario:spec.seed=9 sets the seed, but a comparison runs every variant with one seed[\s\S]*give --seed/],
    ['variants of different durations', ['--variant', 'd=scenario:spec.duration=10m'], /the variants would run for different durations \(base 40m, d 10m\)[\s\S]*give --duration/],
  ])('rejects %s with exit code 2 and writes nothing', (_n, args, pattern) => {
    const out = join(work, `bad-${args.join('').length}`);
    const r = runCli(['compare', 'scenarios/nginx-hpa-cpu', ...args, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(existsSync(out)).toBe(false);
  });

  it('checks every variant before running any: a bad last variant runs nothing, and all mistakes are listed', () => {
    const out = join(work, 'late');
    const r = runCli([
      'compare', 'scenarios/nginx-hpa-cpu',
      '--variant', T50,
      '--variant', 'bad1=HorizontalPodAutoscaler/nginx:spec.maxReplicas=abc',
      '--variant', 'bad2=HorizontalPodAutoscaler/nginx:spec.maxReplica=5',
      '--out', out,
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/ran (base|t50)/);
    expect(r.stderr).toMatch(/2 problems in the input/);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['a value of the wrong type', 'x=HorizontalPodAutoscaler/nginx:spec.maxReplicas=abc', 'spec.maxReplicas', /expected an integer/],
    ['a field the manifest kind does not have', 'x=HorizontalPodAutoscaler/nginx:spec.maxReplica=5', 'spec.maxReplica', /unknown field "maxReplica": did you mean "maxReplicas"\?/],
  ])('names the override, not a line of the manifest, for %s', (_n, variant, field, message) => {
    const r = runCli(['compare', 'scenarios/nginx-hpa-cpu', '--variant', variant, '--out', join(work, 'named'), '--json']);
    expect(r.status).toBe(2);
    const json = JSON.parse(r.stdout) as { problems: { file: string; line?: number; field: string; message: string; hint: string }[] };
    expect(json.problems).toHaveLength(1);
    const p = json.problems[0]!;
    expect(p).toMatchObject({ file: '(command line)', field });
    expect(p.line).toBeUndefined();
    expect(p.message).toMatch(message);
    expect(p.hint).toContain(`the value set by --variant x: "${variant.slice(2)}"`);
  });

  it('shows a progress bar per variant on a terminal, and none with --no-progress', () => {
    // `script` gives the command a pseudo-terminal, as a user's shell would (util-linux, on every Debian).
    const onTerminal = (extra: string) =>
      spawnSync('script', ['-qfec', `${process.execPath} ${join(ROOT, 'dist', 'cli', 'main.js')} compare scenarios/nginx-hpa-cpu --variant '${T50}' --out ${join(work, `bar${extra.length}`)} --no-report ${extra}`, '/dev/null'], { cwd: ROOT, encoding: 'utf8' });
    const shown = onTerminal('');
    expect(shown.status, shown.stdout).toBe(0);
    expect(shown.stdout).toMatch(/simulating base \(1\/2\) \[.*\] 100% \| 1\/1 simulated hours/);
    expect(shown.stdout).toMatch(/simulating t50 \(2\/2\) \[/);
    const hidden = onTerminal('--no-progress');
    expect(hidden.status, hidden.stdout).toBe(0);
    expect(hidden.stdout).not.toContain('simulating');
    expect(hidden.stdout).toContain('ran t50');
  });
});

