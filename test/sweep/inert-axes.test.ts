/**
 * Axes that changed none of a sweep's figures: found per combination of the other axes (the seed
 * included), never the seed axis or a one-value axis, and said in sweep.json, the terminal and
 * report.md (charts of flat lines left out).
 */
import { describe, expect, it } from 'vitest';
import { renderSweepReport } from '../../src/report/markdown/sweep-report.js';
import { inertAxes, inertAxesText } from '../../src/sweep/inert-axes.js';
import { paretoFrontier } from '../../src/sweep/pareto.js';
import { settingsAcrossSeeds } from '../../src/sweep/replicates.js';
import type { SweepIdentity } from '../../src/sweep/sweep-identity.js';
import { sweepJson } from '../../src/sweep/sweep-outputs.js';
import { gridAxis, sweepRows } from '../helpers/comparison-rows.js';

const CPU = gridAxis('hpa.targetCPU', 'HorizontalPodAutoscaler/web', ['spec', 'x'], [40, 60, 80]);
const COOLDOWN = gridAxis('keda.cooldownPeriod', 'ScaledObject/web', ['spec', 'cooldownPeriod'], [30, 300]);
const POLLING = gridAxis('keda.pollingInterval', 'ScaledObject/web', ['spec', 'pollingInterval'], [15, 30]);
const ONE = gridAxis('hpa.maxReplicas', 'HorizontalPodAutoscaler/web', ['spec', 'maxReplicas'], [10]);
const SEED = gridAxis('scenario.spec.seed', 'scenario', ['spec', 'seed'], [1, 2]);

const names = (axes: { name: string }[]): string[] => axes.map((a) => a.name);

describe('inertAxes', () => {
  it('finds the axes whose value moved no figure, whatever the other axes hold', () => {
    const axes = [CPU, COOLDOWN, POLLING];
    const rows = sweepRows(axes, ([cpu]) => ({ meanReplicas: 100 / Number(cpu), p95Ms: 10 }));
    expect(names(inertAxes(axes, rows))).toEqual(['keda.cooldownPeriod', 'keda.pollingInterval']);
  });

  it('keeps an axis that moved one figure in one combination of the others only', () => {
    const axes = [CPU, COOLDOWN];
    // cooldownPeriod matters only at 80% (say, where the workload reaches zero).
    const rows = sweepRows(axes, ([cpu, cooldown]) => ({ meanReplicas: 100 / Number(cpu), coldStarts: cpu === '80' && cooldown === '30' ? 3 : 0 }));
    expect(names(inertAxes(axes, rows))).toEqual([]);
    // Any figure counts, not only the frontier's three.
    const flaps = sweepRows(axes, ([cpu, cooldown]) => ({ meanReplicas: 100 / Number(cpu), flapsPerHour: cooldown === '30' ? 0.5 : 0.25 }));
    expect(names(inertAxes(axes, flaps))).toEqual([]);
  });

  it('compares runs under the same seed, and never calls the seed axis inert', () => {
    const axes = [COOLDOWN, SEED];
    const sameUnderEachSeed = sweepRows(axes, ([, seed]) => ({ p95Ms: seed === '1' ? 12 : 15 }));
    expect(names(inertAxes(axes, sameUnderEachSeed))).toEqual(['keda.cooldownPeriod']);
    const seedless = sweepRows(axes, () => ({ p95Ms: 12 }));
    expect(names(inertAxes(axes, seedless))).toEqual(['keda.cooldownPeriod']);
    const moved = sweepRows(axes, ([cooldown, seed]) => ({ p95Ms: seed === '2' && cooldown === '300' ? 15 : 12 }));
    expect(names(inertAxes(axes, moved))).toEqual([]);
  });

  it('says nothing of a one-value axis or of a sweep of one setting', () => {
    expect(names(inertAxes([ONE, CPU], sweepRows([ONE, CPU], () => ({}))))).toEqual(['hpa.targetCPU']);
    expect(names(inertAxes([ONE], sweepRows([ONE], () => ({}))))).toEqual([]);
  });
});

describe('what the user is told', () => {
  it('one sentence naming the axes and their values, or none', () => {
    expect(inertAxesText([])).toBeUndefined();
    expect(inertAxesText([COOLDOWN])).toMatch(/^keda\.cooldownPeriod \(30, 300\) changed none of the sweep's figures: every setting gave the same figures whatever its value\. Most likely it applies only/);
    expect(inertAxesText([CPU, COOLDOWN, POLLING])).toMatch(/^hpa\.targetCPU \(40, 60, 80\), keda\.cooldownPeriod \(30, 300\) and keda\.pollingInterval \(15, 30\) changed none .* whatever their values\. Most likely they apply only/);
  });

  it('sweep.json lists them; report.md says so once and draws no flat charts for them', () => {
    const axes = [CPU, COOLDOWN];
    const rows = sweepRows(axes, ([cpu]) => ({ meanReplicas: 100 / Number(cpu), costTotal: null, costCurrency: null }));
    const identity: SweepIdentity = { scenario: 'web', scalesimVersion: '0', fingerprint: 'f', seed: 1, durationSeconds: 3600, axes, settings: rows.length };
    expect(JSON.parse(sweepJson(identity, rows)).inertAxes).toEqual(['keda.cooldownPeriod']);
    const settings = settingsAcrossSeeds(axes, rows);
    const report = renderSweepReport({ identity, settings, frontier: paretoFrontier(settings), answer: null, inert: inertAxes(axes, rows), dataFiles: ['sweep.csv'] });
    expect(report.markdown).toContain('## How each parameter moves the figures\n\nkeda.cooldownPeriod (30, 300) changed none of the sweep');
    expect(report.markdown).toContain('### hpa.targetCPU');
    expect(report.markdown).not.toContain('### keda.cooldownPeriod');
    expect(report.charts.map((c) => c.name)).toEqual(['axis1-p95', 'axis1-replicas']);
    const none = renderSweepReport({ identity, settings, frontier: paretoFrontier(settings), answer: null, inert: [], dataFiles: ['sweep.csv'] });
    expect(none.markdown).toContain('### keda.cooldownPeriod');
    expect(none.markdown).not.toContain('changed none');
  });
});
