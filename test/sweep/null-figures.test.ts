/**
 * A sweep setting without a response time — its busiest workload served no request (zero replicas,
 * say) — has a null p95 (and p50, p99), never NaN. The rules, one by one:
 *   - the Pareto frontier ranks a missing p95 last on the p95 objective (as if infinite): any
 *     setting as cheap that serves as much beats it, and it stays on the frontier only when no other
 *     setting is as cheap, never because a missing figure compared as neither better nor worse;
 *   - an SLO clause on a figure the setting lacks is never met, whatever its operator, and misses by
 *     Infinity: such a setting is neither the answer nor, while another setting has a finite miss,
 *     the closest; across seeds, one seed without the figure is enough;
 *   - the terminal and report.md show "—" for it, sweep.csv and pareto.csv leave it empty, and the
 *     report's charts leave out the lines through such a setting instead of drawing it at 0.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComparisonRow } from '../../src/compare/comparison-row.js';
import { parseOverrides } from '../../src/compare/overrides.js';
import { renderSweepReport } from '../../src/report/markdown/sweep-report.js';
import { inertAxes } from '../../src/sweep/inert-axes.js';
import { formatAnswer, formatFrontier } from '../../src/sweep/format-sweep.js';
import type { GridAxis } from '../../src/sweep/grid.js';
import { paretoFrontier } from '../../src/sweep/pareto.js';
import { settingsAcrossSeeds } from '../../src/sweep/replicates.js';
import { runSetting } from '../../src/sweep/run-setting.js';
import { answerSlo } from '../../src/sweep/slo-answer.js';
import { clauseMiss, meetsSlo, parseSlo } from '../../src/sweep/slo.js';
import { axisEffect } from '../../src/sweep/sweep-effects.js';
import type { SweepIdentity } from '../../src/sweep/sweep-identity.js';
import { settingsTable, sweepTable } from '../../src/sweep/sweep-outputs.js';
import type { SweepRow } from '../../src/sweep/sweep-row.js';
import { figures, gridAxis, sweepRows } from '../helpers/comparison-rows.js';
import { ROOT } from '../helpers/run-cli.js';

const NO_RESPONSE = { p50Ms: null, p95Ms: null, p99Ms: null };

function row(index: number, over: Partial<ComparisonRow>): SweepRow {
  return { index, id: `id${index}`, values: [String(index)], row: figures({ variant: `id${index}`, ...over }) };
}

const one: GridAxis[] = [gridAxis('hpa.targetCPU', 'HorizontalPodAutoscaler/web', ['spec', 'x'], [])];

/** QA's grid: replicas 0, 1, 5 × target CPU 30, 50, unpriced; replicas 0 serves nothing. */
const REPLICAS = gridAxis('Deployment/nginx:spec.replicas', 'Deployment/nginx', ['spec', 'replicas'], [0, 1, 5]);
const CPU = gridAxis('hpa.targetCPU', 'HorizontalPodAutoscaler/nginx', ['spec', 'x'], [30, 50]);
const qaRows = sweepRows(
  [REPLICAS, CPU],
  ([replicas, cpu]) =>
    replicas === '0'
      ? { ...NO_RESPONSE, servedPercent: 0, droppedPercent: 98.1, meanReplicas: 0 }
      : { p95Ms: 7 - Number(replicas) / 10 + (cpu === '50' ? 0.3 : 0), meanReplicas: 1 + Number(replicas) / 10 + (cpu === '30' ? 0.3 : 0) },
  { costTotal: null, costCurrency: null },
);
const identity: SweepIdentity = { scenario: 'nginx-hpa-cpu', scalesimVersion: '0', fingerprint: 'f', seed: null, durationSeconds: 3600, axes: [REPLICAS, CPU], settings: 6 };

describe('the Pareto frontier with a setting without a p95', () => {
  it('drops it when a setting as cheap serves as much: a missing p95 ranks last, not first', () => {
    // Both serve every request offered (none offered to #0's busiest workload: no response time).
    const rows = [row(0, { costTotal: 10, ...NO_RESPONSE }), row(1, { costTotal: 10, p95Ms: 50 })];
    expect(paretoFrontier(rows).map((r) => r.index)).toEqual([1]);
  });

  it('drops it when a cheaper setting serves more, rather than keeping it for a comparison that is never true', () => {
    const rows = [row(0, { costTotal: 20, ...NO_RESPONSE, servedPercent: 0 }), row(1, { costTotal: 10, p95Ms: 50 })];
    expect(paretoFrontier(rows).map((r) => r.index)).toEqual([1]);
    // The same for a NaN, should one come in.
    expect(paretoFrontier([row(0, { costTotal: 20, p95Ms: Number.NaN, servedPercent: 0 }), row(1, { costTotal: 10, p95Ms: 50 })]).map((r) => r.index)).toEqual([1]);
  });

  it('keeps it when nothing is as cheap, and keeps settings equal on all three together', () => {
    const frontier = paretoFrontier(qaRows);
    // Replicas 0 cost least (mean replicas 0); both of its settings tie on all three.
    expect(frontier.slice(0, 2).map((r) => r.values)).toEqual([
      ['0', '30'],
      ['0', '50'],
    ]);
    // A setting without a p95 never beats one with a p95 on that objective.
    const costly = [...qaRows, { ...qaRows[0]!, index: 6, id: 'x', row: { ...qaRows[0]!.row, meanReplicas: 9 } }];
    expect(paretoFrontier(costly).map((r) => r.index)).not.toContain(6);
  });

  it('across seeds, judges a setting with one seed that served nothing as without a p95', () => {
    const SEED = gridAxis('scenario.spec.seed', 'scenario', ['spec', 'seed'], [1, 2]);
    const axes = [gridAxis('hpa.targetCPU', 'HorizontalPodAutoscaler/web', ['spec', 'x'], [40, 60]), SEED];
    const rows = sweepRows(axes, ([cpu, seed]) => (cpu === '40' && seed === '2' ? { ...NO_RESPONSE, servedPercent: 100 } : { p95Ms: cpu === '40' ? 50 : 60 }));
    const settings = settingsAcrossSeeds(axes, rows);
    expect(settings.map((s) => s.row.p95Ms)).toEqual([null, 60]);
    expect(paretoFrontier(settings).map((s) => s.values)).toEqual([['60']]);
    expect(answerSlo(axes, settings, parseSlo('p95<100ms')).best?.setting).toEqual({ 'hpa.targetCPU': '60' });
  });
});

describe('an SLO on a figure a setting lacks', () => {
  it('is never met, whatever the operator, and misses by Infinity', () => {
    const empty = figures({ ...NO_RESPONSE, servedPercent: 0 });
    for (const text of ['p95<300ms', 'p95<=300ms', 'p95>=0ms', 'p95>1ms', 'p50<1s', 'p99<1s']) expect(meetsSlo(empty, parseSlo(text)), text).toBe(false);
    expect(clauseMiss(empty, parseSlo('p95<300ms').clauses[0]!)).toBe(Number.POSITIVE_INFINITY);
    const nan = figures({ p95Ms: Number.NaN });
    expect(meetsSlo(nan, parseSlo('p95>=0ms'))).toBe(false);
    expect(clauseMiss(nan, parseSlo('p95<300ms').clauses[0]!)).toBe(Number.POSITIVE_INFINITY);
  });

  it('is not the answer however cheap, and comes last for the closest', () => {
    const rows = [row(0, { costTotal: 1, ...NO_RESPONSE, servedPercent: 0 }), row(1, { costTotal: 10, p95Ms: 400 }), row(2, { costTotal: 20, p95Ms: 200 })];
    expect(answerSlo(one, rows, parseSlo('p95<300ms')).best?.index).toBe(2);
    const closest = answerSlo(one, rows, parseSlo('p95<100ms'));
    expect(closest.best).toBeNull();
    expect(closest.closest?.index).toBe(2);
    const nanRows = [row(0, { costTotal: 1, p95Ms: Number.NaN, servedPercent: 0 }), row(1, { costTotal: 10, p95Ms: 400 })];
    expect(answerSlo(one, nanRows, parseSlo('p95<100ms')).closest?.index).toBe(1);
    expect(answerSlo(one, [...nanRows].reverse(), parseSlo('p95<100ms')).closest?.index).toBe(1);
  });

  it("in QA's grid: the zero-replica settings do not meet p95<300ms, the others do", () => {
    const answer = answerSlo(identity.axes, qaRows, parseSlo('p95<300ms'));
    expect(answer.meeting).toBe(4);
    expect(answer.best?.setting['Deployment/nginx:spec.replicas']).not.toBe('0');
  });
});

describe('a setting without a p95, shown', () => {
  it('is a dash in the terminal frontier and answer, never NaN', () => {
    const text = formatFrontier(identity.axes, qaRows, paretoFrontier(qaRows));
    expect(text).not.toContain('NaN');
    const zero = text.split('\n').filter((l) => /^\d\s+0\s/.test(l));
    expect(zero).toHaveLength(2);
    for (const l of zero) expect(l.trim().split(/\s+/).slice(-2)).toEqual(['—', '0.000']);
    const closest = formatAnswer(answerSlo(identity.axes, qaRows.slice(0, 2), parseSlo('p95<300ms')));
    expect(closest).toContain('p95 — (no request served)');
    expect(closest).not.toContain('NaN');
  });

  it('is empty in sweep.csv, pareto.csv and settings.csv', () => {
    const csv = sweepTable(identity, qaRows, qaRows).trim().split('\n').map((l) => l.split(','));
    const p95 = csv[0]!.indexOf('p95_ms');
    expect(csv.slice(1).map((l) => l[p95])).toEqual(['', '', '6.9', '7.2', '6.5', '6.8']);
    const SEED = gridAxis('scenario.spec.seed', 'scenario', ['spec', 'seed'], [1, 2]);
    const axes = [REPLICAS, SEED];
    const settings = settingsAcrossSeeds(axes, sweepRows(axes, ([replicas]) => (replicas === '0' ? NO_RESPONSE : { p95Ms: 10 })));
    const lines = settingsTable({ ...identity, axes }, settings as never, settings as never).trim().split('\n').map((l) => l.split(','));
    const mean = lines[0]!.indexOf('p95_ms_mean');
    expect(lines.slice(1).map((l) => l.slice(mean, mean + 3))).toEqual([['', '', ''], ['10', '10', '10'], ['10', '10', '10']]);
  });

  it('is a dash in report.md, whose charts leave out the lines through it rather than draw it at 0', () => {
    const report = renderSweepReport({ identity, settings: qaRows, frontier: paretoFrontier(qaRows), answer: answerSlo(identity.axes, qaRows, parseSlo('p95<300ms')), inert: inertAxes(identity.axes, qaRows), dataFiles: ['sweep.csv'] });
    expect(report.markdown).not.toContain('NaN');
    expect(report.markdown).toMatch(/^\| 0 \| 0 \| 30 \| 0\.00 \| — \| 0\.000 \| yes \|$/m);
    const names = report.charts.map((c) => c.name);
    // Every line of p95 by replicas passes through replicas 0: no chart; p95 by target CPU draws replicas 1 and 5.
    expect(names).not.toContain('axis1-p95');
    expect(names).toContain('axis2-p95');
    const chart = report.charts.find((c) => c.name === 'axis2-p95')!.mermaid;
    // The SLO's bound, then replicas 1 and 5: nothing drawn at 0 for replicas 0.
    expect(chart.split('\n').filter((l) => l.startsWith('  line ['))).toEqual(['  line [300, 300]', '  line [6.9, 7.2]', '  line [6.5, 6.8]']);
    expect(report.markdown).toContain('Left out: 1 of the 3 combinations of the other axes, where a setting has no p95 response time (its busiest workload served no request).');
  });

  it('leaves out of an axis chart exactly the lines through such a setting', () => {
    const effect = axisEffect(identity.axes, qaRows, 1, (r) => r.p95Ms, 'p95')!;
    expect(effect.lines.map((l) => l.label)).toEqual(['Deployment/nginx:spec.replicas=1', 'Deployment/nginx:spec.replicas=5']);
    expect([effect.combinations, effect.leftOut]).toEqual([3, 1]);
    expect(axisEffect(identity.axes, qaRows, 0, (r) => r.p95Ms, 'p95')).toBeNull();
    const replicas = axisEffect(identity.axes, qaRows, 0, (r) => r.meanReplicas, 'replicas')!;
    expect(replicas.leftOut).toBe(0);
  });
});

describe('a setting run with zero replicas (QA: --grid "Deployment/nginx:spec.replicas=0,1,5")', () => {
  let zero: SweepRow;
  beforeAll(async () => {
    const base = { dir: join(ROOT, 'scenarios', 'nginx-hpa-cpu'), seed: null, durationSeconds: 600, workloads: null };
    zero = await runSetting(base, { index: 0, id: 'z', values: ['0'], label: 'replicas=0', patches: parseOverrides('Deployment/nginx:spec.replicas=0', '--grid') });
  });

  it('has null response times, the same in a worker, the journal and a shard part (JSON)', () => {
    expect(zero.row.servedPercent).toBe(0);
    expect([zero.row.p50Ms, zero.row.p95Ms, zero.row.p99Ms]).toEqual([null, null, null]);
    expect(JSON.parse(JSON.stringify(zero))).toEqual(zero);
    expect(structuredClone(zero)).toEqual(zero);
  });

  it('meets no latency SLO and is dominated by a setting as cheap that serves', () => {
    expect(meetsSlo(zero.row, parseSlo('p95<300ms'))).toBe(false);
    const serving: SweepRow = { index: 1, id: 's', values: ['1'], row: { ...zero.row, p50Ms: 1, p95Ms: 5, p99Ms: 9, servedPercent: 100 } };
    expect(paretoFrontier([zero, serving]).map((r) => r.id)).toEqual(['s']);
  });
});
