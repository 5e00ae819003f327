/** The lines `scalesim run` prints: every workload and autoscaler for a small run, the worst and totals for a large one. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatRunSummary, PRINTED_ITEMS } from '../../src/cli/print-summary.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { RolloutSummary, RunSummary } from '../../src/report/summary.js';
import { MemoryTableSink } from '../../src/report/table-sink.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { ROOT } from '../helpers/run-cli.js';
import { buildCostReport } from '../../src/report/cost/cost-report.js';
import { summarizeCost } from '../../src/report/cost/cost-summary.js';
import { makeBilling, makeNodeRecord } from '../report/cost/cost-fixtures.js';

/** `summary` with its one workload and HPA copied `n` times, workload i dropping i/10 % of its requests. */
function widened(summary: RunSummary, n: number): RunSummary {
  const w = summary.workloads[0]!;
  const h = summary.hpas[0]!;
  return {
    ...summary,
    workloads: Array.from({ length: n }, (_, i) => ({ ...w, name: `w${String(i).padStart(2, '0')}`, droppedPercent: i / 10, servedPercent: 100 - i / 10 })),
    hpas: Array.from({ length: n }, (_, i) => ({ ...h, name: `h${i}`, target: `w${i}`, scaleUps: i })),
  };
}

describe('formatRunSummary', () => {
  let summary: RunSummary;
  beforeAll(async () => {
    const scenario = await loadScenario(join(ROOT, 'scenarios', 'nginx-hpa-cpu'), { durationSeconds: 600 });
    summary = runScenario(scenario, { tables: (_n, header) => new MemoryTableSink(header) }).summary;
  });

  it('prints — for the response times of a workload that served nothing, not NaN', () => {
    const w = summary.workloads[0]!;
    const idle = { ...summary, workloads: [{ ...w, responseTimeSeconds: { ...w.responseTimeSeconds, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN } }] };
    const row = formatRunSummary(idle, []).find((l) => l.startsWith(w.name))!;
    expect(row).not.toContain('NaN');
    expect(row.split(/\s+/).filter((cell) => cell === '—')).toHaveLength(3);
  });

  it("prints each rollout's p95, 'none served' for a stretch offered requests that served none, — for one offered none; past five, the worst", () => {
    const w = summary.workloads[0]!;
    const rollout = (startedSeconds: number, p95: number, offered: number): RolloutSummary => ({
      revision: 2,
      controllerRevision: 'web-abc',
      startedSeconds,
      completedSeconds: startedSeconds + 30,
      durationSeconds: 30,
      progressDeadlineExceededSeconds: null,
      supersededSeconds: null,
      pods: { readyAtStart: 1, minReady: 0, peak: 1 },
      requests: { offered, served: Number.isFinite(p95) ? offered : 0, dropped: 0, servedPercent: offered > 0 ? (Number.isFinite(p95) ? 100 : 0) : null, responseTimeSeconds: { p50: p95, p95, p99: p95 } },
    });
    const withRollouts = (rollouts: RolloutSummary[]): string => formatRunSummary({ ...summary, workloads: [{ ...w, rollouts }] }, []).find((l) => l.startsWith('rollouts '))!;
    expect(withRollouts([rollout(100, 0.2125, 10), rollout(200, Number.NaN, 10), rollout(300, Number.NaN, 0)])).toBe(
      `rollouts ${w.name}: 3; completed in 30s (ready 1, min 0; 1 pods at most; p95 212.5 ms), completed in 30s (ready 1, min 0; 1 pods at most; p95 none served), completed in 30s (ready 1, min 0; 1 pods at most; p95 —)`,
    );
    const six = [100, 200, 300, 400, 500, 600].map((t) => rollout(t, 0.2 + t / 1e5, 10));
    expect(withRollouts(six)).toMatch(/; worst p95 206\.0 ms \(summary\.json, report\.md\)$/);
    expect(withRollouts([...six.slice(0, 5), rollout(600, Number.NaN, 10)])).toMatch(/; worst p95 none served \(1 of 6 served none of their requests\) \(summary\.json, report\.md\)$/);
  });

  it('agrees the nouns with their counts in the headline: 1 node, 2 nodes', () => {
    expect(formatRunSummary({ ...summary, nodes: 1 }, [])[0]).toMatch(/, 1 node, \d+ events$/);
    expect(formatRunSummary({ ...summary, nodes: 2 }, [])[0]).toMatch(/, 2 nodes, \d+ events$/);
  });

  it('lists every workload, HPA and file of a small run', () => {
    const lines = formatRunSummary(widened(summary, PRINTED_ITEMS), ['/out/summary.json', '/out/report-load-w00.mmd']);
    expect(lines.filter((l) => /^w\d\d /.test(l))).toHaveLength(PRINTED_ITEMS);
    expect(lines.filter((l) => l.startsWith('hpa h'))).toHaveLength(PRINTED_ITEMS);
    expect(lines.some((l) => l.startsWith('…'))).toBe(false);
    expect(lines.slice(-3)).toEqual(['wrote:', '  /out/summary.json', '  /out/report-load-w00.mmd']);
  });

  it('lists the twelve workloads that fared worst of a large run, worst first, and totals its HPAs', () => {
    const wide = widened(summary, 40);
    const lines = formatRunSummary(wide, []);
    const rows = lines.filter((l) => /^w\d\d /.test(l)).map((l) => l.split(/\s+/)[0]);
    expect(rows).toEqual(Array.from({ length: PRINTED_ITEMS }, (_, i) => `w${39 - i}`));
    expect(lines).toContain(
      '… and 28 more workloads: the 12 listed fared worst (by dropped %, then p95 response time, pending pod-seconds and peak ready replicas); summary.json and report.md have every one',
    );
    const syncs = wide.hpas.reduce((s, h) => s + h.syncs, 0);
    const downs = wide.hpas.reduce((s, h) => s + h.scaleDowns, 0);
    expect(lines).toContain(`hpa: 40 HPAs, ${syncs} syncs, ${(39 * 40) / 2} scale-ups, ${downs} scale-downs in all`);
    expect(lines.filter((l) => l.startsWith('hpa h'))).toEqual([]);
  });

  it('counts the chart sources of a long file list instead of listing them', () => {
    const charts = Array.from({ length: 30 }, (_, i) => `/out/report-load-w${i}.mmd`);
    const lines = formatRunSummary(summary, ['/out/timeseries.csv', ...charts, '/out/report.md']);
    expect(lines.slice(lines.indexOf('wrote:'))).toEqual(['wrote:', '  /out/timeseries.csv', '  /out/report.md', '  and 30 chart sources (report-*.mmd) beside them']);
  });

  it('prints the cost by class as summary.json foots it: the classes add up to the total', () => {
    const report = buildCostReport({
      runSeconds: 3600,
      servedRequests: 0,
      rates: [],
      nodes: [
        makeNodeRecord({ node: 'r', pool: 'base', billing: makeBilling({ kind: 'reserved', pricePerHour: 1.004 }) }),
        makeNodeRecord({ node: 'o', pool: 'burst', billing: makeBilling({ kind: 'onDemand', pricePerHour: 1.004, minimumSeconds: 0 }) }),
      ],
      virtualPods: [],
      usage: [],
    });
    const lines = formatRunSummary({ ...summary, cost: summarizeCost(report) }, []);
    expect(lines).toContain('cost 2.01 USD (reserved 1.01, onDemand 1.00)');
  });
});
