/**
 * The sweep report's parts: a chart over named x values (the y range zoomed on the values, Mermaid's
 * category axis), how one axis moves a figure (a line per combination of the other axes, the
 * spread past eight, the seed axis never an axis of its own), and report.md's sections built from
 * the identity and judged settings alone.
 */
import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from '../../src/compare/comparison-row.js';
import { categoryYRange, formatCategoryChart } from '../../src/report/charts/category-chart.js';
import { BLUE, ORANGE } from '../../src/report/charts/palette.js';
import { renderSweepReport, valuesText } from '../../src/report/markdown/sweep-report.js';
import { inertAxes } from '../../src/sweep/inert-axes.js';
import type { GridAxis } from '../../src/sweep/grid.js';
import { paretoFrontier } from '../../src/sweep/pareto.js';
import { parameterAxes, settingsAcrossSeeds } from '../../src/sweep/replicates.js';
import { answerSlo } from '../../src/sweep/slo-answer.js';
import { parseSlo } from '../../src/sweep/slo.js';
import { axisEffect, MAX_LINES } from '../../src/sweep/sweep-effects.js';
import type { SweepIdentity } from '../../src/sweep/sweep-identity.js';
import { gridAxis, sweepRows as rowsOver } from '../helpers/comparison-rows.js';

/** Rows without prices: the report charts mean replicas. */
const sweepRows = (axes: GridAxis[], of: (values: string[]) => Partial<ComparisonRow>) => rowsOver(axes, of, { costTotal: null, costCurrency: null });


const axis = gridAxis;
const CPU = axis('hpa.targetCPU', 'HorizontalPodAutoscaler/web', ['spec', 'x'], [40, 60, 80]);
const MAX = axis('hpa.maxReplicas', 'HorizontalPodAutoscaler/web', ['spec', 'maxReplicas'], [5, 10]);
const SEED = axis('scenario.spec.seed', 'scenario', ['spec', 'seed'], [1, 2]);


const identity = (axes: GridAxis[], settings: number): SweepIdentity => ({ scenario: 'web', scalesimVersion: '0', fingerprint: 'f', seed: null, durationSeconds: 86_400, axes, settings });

describe('a chart over named x values', () => {
  it('zooms the y-axis on the values, padded and rounded, never below 0 for figures that cannot be', () => {
    expect(categoryYRange([{ label: 'a', colour: BLUE, values: [164.5, 171] }])).toEqual([162, 173]);
    expect(categoryYRange([{ label: 'a', colour: BLUE, values: [0.2, 5] }])).toEqual([0, 6]);
    expect(categoryYRange([{ label: 'a', colour: BLUE, values: [100, 100] }])).toEqual([99, 101]);
    // A percentage's axis stops at 100.
    expect(categoryYRange([{ label: 'a', colour: BLUE, values: [99, 100] }], 100)).toEqual([98, 100]);
  });

  it("writes Mermaid's category axis, one line per series in the colours given", () => {
    const text = formatCategoryChart({
      name: 'x',
      title: 'p95 by hpa.targetCPU',
      xAxisLabel: 'hpa.targetCPU',
      categories: ['40', '60', '"80"'],
      yAxisLabel: 'p95 (ms)',
      lines: [
        { label: 'a', colour: BLUE, values: [1, 2, 3] },
        { label: 'b', colour: ORANGE, values: [2, 3, 4] },
      ],
    });
    expect(text.split('\n').slice(1)).toEqual(['xychart-beta', '  title "p95 by hpa.targetCPU"', `  x-axis "hpa.targetCPU" ["40", "60", "'80'"]`, '  y-axis "p95 (ms)" 0.5 --> 4.5', '  line [1, 2, 3]', '  line [2, 3, 4]']);
    expect(text).toContain('"plotColorPalette":"#1f77b4, #ff7f0e"');
    // Six significant digits: 168.03 is not drawn on a line at 168.
    expect(formatCategoryChart({ name: 'y', title: 't', xAxisLabel: 'x', categories: ['a'], yAxisLabel: 'y', lines: [{ label: 'a', colour: BLUE, values: [168.03] }] })).toContain('  line [168.03]');
  });
});

describe('axisEffect', () => {
  const rows = sweepRows([CPU, MAX], ([cpu, max]) => ({ p95Ms: Number(cpu) + Number(max) }));

  it('draws a line per combination of the other axes over the axis values', () => {
    const effect = axisEffect([CPU, MAX], rows, 0, (r) => r.p95Ms, 'p95')!;
    expect(effect.categories).toEqual(['40', '60', '80']);
    expect(effect.lines).toEqual([
      { label: 'hpa.maxReplicas=5', values: [45, 65, 85] },
      { label: 'hpa.maxReplicas=10', values: [50, 70, 90] },
    ]);
    expect(effect.spread).toBe(false);
    expect(axisEffect([CPU, MAX], rows, 1, (r) => r.p95Ms, 'p95')!.lines.map((l) => l.label)).toEqual(['hpa.targetCPU=40', 'hpa.targetCPU=60', 'hpa.targetCPU=80']);
  });

  it('names the one line of a one-axis grid after the figure, and draws nothing for a figure a setting lacks', () => {
    const one = sweepRows([CPU], ([cpu]) => ({ p95Ms: Number(cpu) }));
    expect(axisEffect([CPU], one, 0, (r) => r.p95Ms, 'p95')!.lines).toEqual([{ label: 'p95', values: [40, 60, 80] }]);
    expect(axisEffect([CPU], one, 0, (r) => r.costTotal, 'cost')).toBeNull();
    const single = axis('hpa.maxReplicas', 'HorizontalPodAutoscaler/web', ['spec', 'maxReplicas'], [5]);
    expect(axisEffect([single, CPU], sweepRows([single, CPU], () => ({})), 0, (r) => r.p95Ms, 'p95')).toBeNull();
  });

  it('shows the lowest, median and highest past eight combinations', () => {
    const many = axis('keda.cooldownPeriod', 'ScaledObject/web', ['spec', 'cooldownPeriod'], [10, 20, 30, 40, 50]);
    const axes = [CPU, MAX, many];
    const wide = sweepRows(axes, ([cpu, max, cool]) => ({ p95Ms: Number(cpu) + Number(max) * Number(cool) }));
    const effect = axisEffect(axes, wide, 0, (r) => r.p95Ms, 'p95')!;
    expect(effect.combinations).toBe(10);
    expect(effect.combinations).toBeGreaterThan(MAX_LINES);
    expect(effect.spread).toBe(true);
    expect(effect.lines).toEqual([
      { label: 'lowest', values: [90, 110, 130] },
      { label: 'median', values: [240, 260, 280] },
      { label: 'highest', values: [540, 560, 580] },
    ]);
  });

  it('leaves the seed axis out of settings judged across seeds', () => {
    const axes = [CPU, SEED, MAX];
    const settings = settingsAcrossSeeds(axes, sweepRows(axes, ([cpu, seed, max]) => ({ p95Ms: Number(cpu) + Number(max) + Number(seed) })));
    expect(parameterAxes(axes, settings).map((a) => a.name)).toEqual(['hpa.targetCPU', 'hpa.maxReplicas']);
    // The worst seed (2) of each setting.
    expect(axisEffect(axes, settings, 0, (r) => r.p95Ms, 'p95')!.lines).toEqual([
      { label: 'hpa.maxReplicas=5', values: [47, 67, 87] },
      { label: 'hpa.maxReplicas=10', values: [52, 72, 92] },
    ]);
  });
});

describe('renderSweepReport', () => {
  const axes = [CPU, MAX];
  const rows = sweepRows(axes, ([cpu, max]) => ({ p95Ms: 100 + Number(cpu), meanReplicas: 10 - Number(cpu) / 10 + Number(max) / 10, servedPercent: cpu === '80' ? 99.5 : 100 }));
  const slo = parseSlo('p95<170ms,served>99.9%');
  const report = renderSweepReport({ identity: identity(axes, 6), settings: rows, frontier: paretoFrontier(rows), answer: answerSlo(axes, rows, slo), inert: inertAxes(axes, rows), dataFiles: ['sweep.csv', 'best.json'] });

  it('says what was swept, links the data, gives the answer and the frontier', () => {
    const md = report.markdown;
    expect(md).toContain('6 settings: hpa.targetCPU (40, 60, 80) × hpa.maxReplicas (5, 10); the seed of each setting; 1d simulated each.');
    expect(md).toContain('Data: [sweep.csv](sweep.csv) · [best.json](best.json)');
    expect(md).toMatch(/## Answer\n\ncheapest setting meeting p95\\<170ms,served\\>99\.9%: \\#2 hpa\.targetCPU=60 hpa\.maxReplicas=5/);
    expect(md).toContain('## Pareto frontier');
    expect(md).toContain('The settings no other setting beats on all three at once (lowest mean replicas, lowest p95, highest served %):');
    expect(md).toContain('| \\# | hpa.targetCPU | hpa.maxReplicas | mean replicas (no prices) | p95 ms | served % |');
  });

  it("names the worst workload's p95 as the fourth objective where some setting's differs from the busiest's", () => {
    const fleet = sweepRows([CPU], ([cpu]) => ({ p95Ms: 100 + Number(cpu), worstP95Ms: cpu === '40' ? 900 : 100 + Number(cpu), worstP95Workload: cpu === '40' ? 'svc-7' : 'web', meanReplicas: 10 - Number(cpu) / 10 }));
    const md = renderSweepReport({ identity: identity([CPU], 3), settings: fleet, frontier: paretoFrontier(fleet), answer: null, inert: inertAxes([CPU], fleet), dataFiles: ['sweep.csv'] }).markdown;
    expect(md).toContain('The settings no other setting beats on all four at once (lowest mean replicas, lowest p95, lowest worst workload p95, highest served %): 3 of 3 settings.');
  });

  it('charts each axis against p95, replicas and, as some setting drops requests, the served share, with the SLO bounds', () => {
    expect(report.charts.map((c) => c.name)).toEqual(['axis1-p95', 'axis1-replicas', 'axis1-served', 'axis2-p95', 'axis2-replicas', 'axis2-served']);
    const p95 = report.charts[0]!.mermaid;
    expect(p95).toContain('  line [170, 170, 170]');
    expect(p95).toContain('  line [140, 160, 180]');
    expect(report.charts[2]!.mermaid).toContain('  line [99.9, 99.9, 99.9]');
    expect(report.charts[1]!.mermaid.match(/ {2}line \[/g)).toHaveLength(2);
    expect(report.markdown).toContain('### hpa.maxReplicas');
  });

  it('lists every setting with whether it is on the frontier', () => {
    expect(report.markdown).toMatch(/## Every setting\n\n\| \\# \| hpa\.targetCPU \| hpa\.maxReplicas \| mean replicas \(no prices\) \| p95 ms \| served % \| on the frontier \|/);
    expect(report.markdown).toContain('| 0 | 40 | 5 | 6.50 | 140.0 | 100.000 | yes |');
  });
});

describe("the report's first line over a long axis", () => {
  it('lists up to twelve values, and past that the first three, the last two and the count', () => {
    expect(valuesText(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'])).toBe('1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12');
    expect(valuesText(Array.from({ length: 61 }, (_, i) => String(30 + i)))).toBe('30, 31, 32, …, 89, 90 (61 values)');
  });

  it('says so in report.md for a 61-value range', () => {
    const long = axis('hpa.targetCPU', 'HorizontalPodAutoscaler/web', ['spec', 'x'], Array.from({ length: 61 }, (_, i) => 30 + i));
    const rows = sweepRows([long], ([cpu]) => ({ p95Ms: 100 + Number(cpu), meanReplicas: 10 - Number(cpu) / 10 }));
    const md = renderSweepReport({ identity: identity([long], 61), settings: rows, frontier: paretoFrontier(rows), answer: null, inert: inertAxes([long], rows), dataFiles: ['sweep.csv'] }).markdown;
    expect(md).toContain('61 settings: hpa.targetCPU (30, 31, 32, …, 89, 90 (61 values)); the seed of each setting; 1d simulated each.');
  });
});
