/**
 * A sweep setting whose workloads were offered no request has no served or dropped share (null):
 *   - an SLO clause on served or dropped cannot be violated by it and is left out of its check (met
 *     whatever the operator, missing by 0); when no setting has the share, the sweep says so;
 *     a p95 clause is still never met by a setting without a p95;
 *   - across seeds, a seed offered nothing is left out of the worst seed's share and of its spread in
 *     settings.csv (null, empty, only when no seed was offered requests);
 *   - the Pareto frontier compares two settings on served % only when both have one: cost and p95
 *     decide otherwise, never a served share of 0 or 100 made up for it;
 *   - the terminal and report.md show "—", sweep.csv leaves the cell empty, the served chart leaves
 *     out the lines through such a setting; the rows survive JSON (workers, journal, shard parts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComparisonRow } from '../../src/compare/comparison-row.js';
import { parseOverrides } from '../../src/compare/overrides.js';
import { renderSweepReport } from '../../src/report/markdown/sweep-report.js';
import { inertAxes } from '../../src/sweep/inert-axes.js';
import { formatAnswer, formatFrontier } from '../../src/sweep/format-sweep.js';
import type { GridAxis } from '../../src/sweep/grid.js';
import { paretoFrontier } from '../../src/sweep/pareto.js';
import { judgedRow, settingsAcrossSeeds } from '../../src/sweep/replicates.js';
import { runSetting } from '../../src/sweep/run-setting.js';
import { answerSlo } from '../../src/sweep/slo-answer.js';
import { clauseMiss, meetsClause, meetsSlo, parseSlo, sloMiss, unjudgedClauses } from '../../src/sweep/slo.js';
import type { SweepIdentity } from '../../src/sweep/sweep-identity.js';
import { settingsTable, sweepTable } from '../../src/sweep/sweep-outputs.js';
import type { SweepRow } from '../../src/sweep/sweep-row.js';
import { figures, gridAxis, sweepRows } from '../helpers/comparison-rows.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

/** Offered nothing: no share, and (nothing served) no response time. */
const NOTHING_OFFERED: Partial<ComparisonRow> = { servedPercent: null, droppedPercent: null, p50Ms: null, p95Ms: null, p99Ms: null };

function row(index: number, over: Partial<ComparisonRow>): SweepRow {
  return { index, id: `id${index}`, values: [String(index)], row: figures({ variant: `id${index}`, ...over }) };
}

const ONE: GridAxis[] = [gridAxis('hpa.targetCPU', 'HorizontalPodAutoscaler/web', ['spec', 'x'], [])];

describe('an SLO clause on served or dropped, for a setting offered no request', () => {
  const idle = figures({ ...NOTHING_OFFERED });

  it('is left out of the check: met whatever the operator, missing by 0', () => {
    for (const text of ['served>99.9%', 'served>=100%', 'served<50%', 'dropped<0.1%', 'dropped<=0', 'dropped>1%']) {
      const clause = parseSlo(text).clauses[0]!;
      expect(meetsClause(idle, clause), text).toBe(true);
      expect(clauseMiss(idle, clause), text).toBe(0);
    }
    expect(meetsSlo(idle, parseSlo('served>99.9%,dropped<0.1%'))).toBe(true);
    // Not a share of 100 either: a setting with one is judged on it.
    expect(meetsSlo(figures({ servedPercent: 100, droppedPercent: 0 }), parseSlo('served<50%'))).toBe(false);
  });

  it('leaves the other clauses as they are: no p95, no p95 clause met', () => {
    expect(meetsSlo(idle, parseSlo('served>99.9%,p95<300ms'))).toBe(false);
    expect(sloMiss(idle, parseSlo('served>99.9%,p95<300ms'))).toBe(Number.POSITIVE_INFINITY);
    expect(meetsSlo(figures({ servedPercent: null, droppedPercent: null }), parseSlo('served>99.9%,p95<300ms'))).toBe(true);
  });

  it('makes the cheapest such setting the answer to a served clause', () => {
    const rows = [row(0, { costTotal: 10, servedPercent: 99.95 }), row(1, { costTotal: 5, servedPercent: null, droppedPercent: null }), row(2, { costTotal: 3, servedPercent: 99.0 })];
    const answer = answerSlo(ONE, rows, parseSlo('served>99.9%'));
    expect(answer.best?.index).toBe(1);
    expect(answer.meeting).toBe(2);
    expect(formatAnswer(answer)).toContain('served — (no request offered)');
    expect(formatAnswer(answer)).not.toContain('null');
  });

  it('is noted when no setting has the share, and not when one does', () => {
    const slo = parseSlo('served>99.9%,dropped<1%,p95<300ms');
    expect(unjudgedClauses(slo, [figures({ ...NOTHING_OFFERED }), figures({ ...NOTHING_OFFERED })])).toEqual([
      'note: "served>99.9%" is met by every setting: no setting\'s workloads were offered a request, so none has a served share',
      'note: "dropped<1%" is met by every setting: no setting\'s workloads were offered a request, so none has a dropped share',
      'note: "p95<300ms" can be met by no setting: no setting has a p95 figure',
    ]);
    expect(unjudgedClauses(slo, [figures({ ...NOTHING_OFFERED }), figures()])).toEqual([]);
  });
});

describe('settings judged across seeds, one seed offered nothing', () => {
  const SEED = gridAxis('scenario.spec.seed', 'scenario', ['spec', 'seed'], [1, 2, 3]);

  it("judges the share over the seeds offered requests, whichever seed it is, null when none was", () => {
    const share = (...runs: (number | null)[]) => judgedRow(runs.map((s) => figures({ servedPercent: s, droppedPercent: s === null ? null : 100 - s })));
    expect([share(99, null, 98).servedPercent, share(99, null, 98).droppedPercent]).toEqual([98, 2]);
    // The first seed's run without a share does not decide the setting's.
    expect(share(null, 99.5).servedPercent).toBe(99.5);
    expect(share(null, null).servedPercent).toBeNull();
    // A response time some seed lacks still makes the setting's null (that seed served nothing: the worst).
    expect(judgedRow([figures({ p95Ms: 10 }), figures({ ...NOTHING_OFFERED })]).p95Ms).toBeNull();
  });

  it('meets a served SLO when every seed offered requests meets it, and spreads settings.csv over them', () => {
    const axes = [gridAxis('hpa.targetCPU', 'HorizontalPodAutoscaler/web', ['spec', 'x'], [40, 60]), SEED];
    const share: Record<string, number | null> = { 1: 99.96, 2: null, 3: 99.97 };
    const rows = sweepRows(axes, ([cpu, seed]) => (share[seed!] === null ? { servedPercent: null, droppedPercent: null } : { servedPercent: cpu === '40' ? share[seed!]! : 99.5 }));
    const settings = settingsAcrossSeeds(axes, rows);
    expect(settings.map((s) => s.row.servedPercent)).toEqual([99.96, 99.5]);
    const answer = answerSlo(axes, settings, parseSlo('served>99.9%'));
    expect(answer.best?.setting).toEqual({ 'hpa.targetCPU': '40' });
    expect(answer.best?.seedsMeeting).toBe(3);
    const identity: SweepIdentity = { scenario: 's', scalesimVersion: '0', fingerprint: 'f', seed: null, durationSeconds: 3600, axes, settings: 6 };
    const lines = settingsTable(identity, settings as never, settings as never).trim().split('\n').map((l) => l.split(','));
    const at = lines[0]!.indexOf('served_percent_mean');
    expect(lines.slice(1).map((l) => l.slice(at, at + 3))).toEqual([['99.965', '99.96', '99.97'], ['99.5', '99.5', '99.5']]);
    const none = settingsAcrossSeeds(axes, sweepRows(axes, () => ({ servedPercent: null, droppedPercent: null })));
    const empty = settingsTable(identity, none as never, none as never).trim().split('\n').map((l) => l.split(','));
    expect(empty.slice(1).map((l) => l.slice(at, at + 3))).toEqual([['', '', ''], ['', '', '']]);
  });
});

describe('the Pareto frontier with a setting without a served share', () => {
  it('does not count it as 0% served: as cheap and as fast, it is not dominated by one that served', () => {
    const rows = [row(0, { costTotal: 10, p95Ms: 50, servedPercent: null, droppedPercent: null }), row(1, { costTotal: 10, p95Ms: 50, servedPercent: 99 })];
    expect(paretoFrontier(rows).map((r) => r.index)).toEqual([0, 1]);
  });

  it('does not count it as 100% served: cost and p95 decide between it and any other', () => {
    // Dearer and slower: dominated by #1 whatever #1 serves.
    const dearer = [row(0, { costTotal: 20, p95Ms: 80, servedPercent: null, droppedPercent: null }), row(1, { costTotal: 10, p95Ms: 50, servedPercent: 90 })];
    expect(paretoFrontier(dearer).map((r) => r.index)).toEqual([1]);
    // Cheaper at the same p95: it dominates #1, whose served share it has nothing to compare with.
    const cheaper = [row(0, { costTotal: 5, p95Ms: 50, servedPercent: null, droppedPercent: null }), row(1, { costTotal: 10, p95Ms: 50, servedPercent: 99 })];
    expect(paretoFrontier(cheaper).map((r) => r.index)).toEqual([0]);
    // Between settings with a share, served % still counts.
    const served = [...cheaper, row(2, { costTotal: 10, p95Ms: 50, servedPercent: 99.5 })];
    expect(paretoFrontier(served).map((r) => r.index)).toEqual([0]);
    expect(paretoFrontier(served.slice(1)).map((r) => r.index)).toEqual([2]);
  });
});

describe('a sweep with settings offered no request, shown', () => {
  const CPU = gridAxis('hpa.targetCPU', 'HorizontalPodAutoscaler/nginx', ['spec', 'x'], [30, 50]);
  const LOAD = gridAxis('load', 'scenario', ['spec', 'x'], ['off', 'on']);
  const rows = sweepRows([CPU, LOAD], ([cpu, load]) => (load === 'off' ? { ...NOTHING_OFFERED, meanReplicas: 1 } : { servedPercent: cpu === '30' ? 99.9 : 99.5, droppedPercent: cpu === '30' ? 0.1 : 0.5, p95Ms: 7, meanReplicas: 2 }), {
    costTotal: null,
    costCurrency: null,
  });
  const identity: SweepIdentity = { scenario: 'nginx-hpa-cpu', scalesimVersion: '0', fingerprint: 'f', seed: null, durationSeconds: 3600, axes: [CPU, LOAD], settings: 4 };

  it('shows "—" on the terminal, never null or NaN, and leaves sweep.csv empty', () => {
    const text = formatFrontier(identity.axes, rows, rows);
    expect(text).not.toMatch(/null|NaN/);
    const off = text.split('\n').filter((l) => /^\d\s+\d+\s+off\s/.test(l));
    expect(off).toHaveLength(2);
    for (const l of off) expect(l.trim().split(/\s+/).slice(-2)).toEqual(['—', '—']);
    const csv = sweepTable(identity, rows, rows).trim().split('\n').map((l) => l.split(','));
    const served = csv[0]!.indexOf('served_percent');
    expect(csv.slice(1).map((l) => [l[served], l[served + 1]])).toEqual([['', ''], ['99.9', '0.1'], ['', ''], ['99.5', '0.5']]);
  });

  it('draws the served chart through the settings that have a share and says which it left out', () => {
    const report = renderSweepReport({ identity, settings: rows, frontier: paretoFrontier(rows), answer: answerSlo(identity.axes, rows, parseSlo('served>99.8%')), inert: inertAxes(identity.axes, rows), dataFiles: ['sweep.csv'] });
    expect(report.markdown).not.toMatch(/null|NaN/);
    expect(report.markdown).toMatch(/^\| 0 \| 30 \| off \| 1\.00 \| — \| — \|/m);
    const chart = report.charts.find((c) => c.name === 'axis1-served')!;
    expect(chart.mermaid.split('\n').filter((l) => l.startsWith('  line ['))).toEqual(['  line [99.8, 99.8]', '  line [99.9, 99.5]']);
    expect(report.markdown).toContain('Left out: 1 of the 2 combinations of the other axes, where a setting has no served share (no request was offered).');
  });
});

describe('nginx-hpa-cpu for 90 s, before its load generator starts (a setting offered no request)', () => {
  let idle: SweepRow;
  const work = mkdtempSync(join(tmpdir(), 'scalesim-no-offered-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  beforeAll(async () => {
    const base = { dir: join(ROOT, 'scenarios', 'nginx-hpa-cpu'), seed: null, durationSeconds: 90, workloads: null };
    idle = await runSetting(base, { index: 0, id: 'i', values: ['1'], label: 'replicas=1', patches: parseOverrides('Deployment/nginx:spec.replicas=1', '--grid') });
  });

  it('has null shares, the same in a worker, the journal and a shard part (JSON)', () => {
    expect([idle.row.servedPercent, idle.row.droppedPercent]).toEqual([null, null]);
    expect(JSON.parse(JSON.stringify(idle))).toEqual(idle);
    expect(structuredClone(idle)).toEqual(idle);
    expect(meetsSlo(idle.row, parseSlo('served>99.9%'))).toBe(true);
  });

  it('is answered by `scalesim sweep` and `merge` with the note, dashes and empty cells', () => {
    const sweep = ['sweep', 'scenarios/nginx-hpa-cpu', '--duration', '90s', '--grid', 'hpa.targetCPU=30,50', '--workers', '1', '--no-progress'];
    const out = join(work, 'sweep');
    const r = runCli([...sweep, '--report', 'md', '--slo', 'served>99.9%', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('cheapest setting meeting served>99.9%: #0 hpa.targetCPU=30 (mean replicas 1.00, p95 — (no request served), served — (no request offered)); 2 of 2 settings meet it');
    expect(r.stderr).toContain('note: "served>99.9%" is met by every setting: no setting\'s workloads were offered a request, so none has a served share');
    const csv = readFileSync(join(out, 'sweep.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const served = csv[0]!.indexOf('served_percent');
    expect(csv.slice(1).map((l) => [l[served], l[served + 1]])).toEqual([['', ''], ['', '']]);
    const json = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')) as { rows: { servedPercent: unknown; droppedPercent: unknown }[] };
    expect(json.rows.map((x) => [x.servedPercent, x.droppedPercent])).toEqual([[null, null], [null, null]]);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).not.toMatch(/null|NaN/);
    // Shards merged: the same files.
    for (const shard of ['0', '1']) {
      const part = runCli([...sweep, '--shards', '2', '--shard', shard, '--out', join(work, `part${shard}`)]);
      expect(part.status, part.stderr).toBe(0);
    }
    const merged = join(work, 'merged');
    const m = runCli(['merge', join(work, 'part0'), join(work, 'part1'), '--out', merged, '--slo', 'served>99.9%', '--report', 'md']);
    expect(m.status, m.stderr).toBe(0);
    for (const file of ['sweep.csv', 'pareto.csv', 'best.json', 'report.md']) expect(readFileSync(join(merged, file), 'utf8'), file).toBe(readFileSync(join(out, file), 'utf8'));
  });
});
