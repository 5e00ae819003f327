/**
 * report.md of a run: the header and links, the summary tables, a ```mermaid block per chart each
 * followed by its legend, the left-out notes and chart sources; names shown as written; deterministic.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mermaidFileName, type RenderedReport } from '../../../src/report/formats/report-format.js';
import { markdownToHtml } from '../../../src/report/html/markdown-to-html.js';
import type { RunSummary } from '../../../src/report/summary.js';
import { renderRunReport } from '../../../src/report/markdown/run-report.js';
import { runWithSeries, type RunWithSeries } from '../charts/run-fixture.js';

const mermaidBlocks = (md: string): string[] => [...md.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!);

describe('renderRunReport on nginx-hpa-cpu', () => {
  let run: RunWithSeries;
  let report: RenderedReport;
  beforeAll(async () => {
    run = await runWithSeries('nginx-hpa-cpu');
    report = renderRunReport({ summary: run.result.summary, series: run.series, billing: run.result.built.ledger });
  });

  it('opens with the scenario, the run and links to the data files', () => {
    const lines = report.markdown.split('\n');
    expect(lines[0]).toBe('# scalesim report: nginx-hpa-cpu');
    expect(report.markdown).toContain('40m simulated, seed 1, a sample every 15s');
    expect(report.markdown).toContain('Data: [timeseries.csv](timeseries.csv) · [decisions.csv](decisions.csv) · [cost.csv](cost.csv) · [summary.json](summary.json)');
  });

  it('has the service-level and scaling tables', () => {
    expect(report.markdown).toContain('| workload | served % | dropped % | p50 ms | p95 ms | p99 ms | ready min / mean / peak | peak desired | cold starts | pending pod-s |');
    expect(report.markdown).toMatch(/^\| nginx \| 100\.000 \| 0\.000 \| [\d.]+ \| [\d.]+ \| [\d.]+ \| 1 \/ [\d.]+ \/ 3 \| 3 \| 0 \| 0 \|$/m);
    expect(report.markdown).toMatch(/^\| HPA nginx \| nginx \| 1 scale-ups, 1 scale-downs \(160 syncs\) \|$/m);
    expect(report.markdown).toContain('No node pool or virtual pool in the scenario has a price: nothing was billed.');
  });

  it('has one mermaid block per chart, identical to the chart it returns, each with a legend line', () => {
    const blocks = mermaidBlocks(report.markdown);
    expect(report.charts.map((c) => c.name)).toEqual(['load-nginx', 'replicas-nginx', 'nodes']);
    expect(blocks).toEqual(report.charts.map((c) => c.mermaid));
    for (const b of blocks) expect(b.split('\n')[1]).toBe('xychart-beta');
    expect(report.markdown).toContain('```\n\n🟦 offered (light blue, wide) · 🟩 served (green) — Requests per second, one point per 15s;');
    expect(report.markdown).toContain('```\n\n🟦 desired (light blue, wide) · 🟩 ready (green) — Replicas, one point per 15s.');
  });

  it('lists what was left out and links each chart’s .mmd source', () => {
    expect(report.markdown).toContain('- Cumulative cost: left out (no node pool or virtual pool in the scenario has a price).');
    expect(report.markdown).toContain('- Backlog: left out (no request or message waited during the run).');
    expect(report.markdown).toContain(`Chart sources (Mermaid): [${mermaidFileName('load-nginx')}](report-load-nginx.mmd)`);
  });

  it('is the same text for the same run', () => {
    expect(renderRunReport({ summary: run.result.summary, series: run.series, billing: run.result.built.ledger })).toEqual(report);
  });
});

describe('renderRunReport on flask-hpa-ca (prices, cluster-autoscaler)', () => {
  let report: RenderedReport;
  beforeAll(async () => {
    const run = await runWithSeries('flask-hpa-ca');
    report = renderRunReport({ summary: run.result.summary, series: run.series, billing: run.result.built.ledger });
  });

  it('has the cost table per pool and in total, and the cluster-autoscaler row', () => {
    expect(report.markdown).toContain('| capacity class | pool | nodes | node-hours | pods | pod-hours | cost | idle cost | in USD |');
    expect(report.markdown).toMatch(/^\| on-demand \| workers \| 2 \| [\d.]+ \| 0 \| 0\.00 \| [\d.]+ USD \| [\d.]+ USD \| [\d.]+ USD \|$/m);
    expect(report.markdown).toMatch(/^\| \*\*total\*\* \| {2}\| 2 \|/m);
    expect(report.markdown).toMatch(/^\| cluster-autoscaler \| node pools \| \d+ scale-ups, \d+ nodes added, \d+ removed \(\d+ scans\) \|$/m);
  });

  it('shows names with Markdown punctuation as written, each table row whole', async () => {
    // The loader takes any metadata.name; a scenario could hold these.
    const run = await runWithSeries('flask-hpa-ca');
    const summary = structuredClone(run.result.summary) as RunSummary & { cost: { pools: { pool?: string }[] } };
    const name = '*a_b*|c';
    summary.workloads[0]!.name = name;
    summary.hpas[0]!.name = '_h_';
    summary.hpas[0]!.target = name;
    summary.cost.pools[0]!.pool = '<i>p</i>';
    const markdown = renderRunReport({ summary, series: run.series, billing: run.result.built.ledger }).markdown;
    // A row's cells as GitHub and marked split them: at each pipe after an even run of backslashes.
    const cells = (line: string): number => line.split(/(?<=(?<!\\)(?:\\\\)*)\|/).length - 2;
    for (const table of markdown.split('\n\n').filter((b) => b.startsWith('| '))) {
      const rows = table.split('\n');
      for (const row of rows) expect(cells(row), row).toBe(cells(rows[0]!));
    }
    const html = markdownToHtml(markdown, []);
    expect(html).toContain(`<td>${name}</td>`);
    expect(html).toContain(`<td>HPA _h_</td>\n<td>${name}</td>`);
    expect(html).toContain('<td>&lt;i&gt;p&lt;/i&gt;</td>');
    // Its charts look the name up in the series, which keep the scenario's: left out, the name as written.
    expect(html).toContain(`<li>${name}: load chart left out (no load was offered).</li>`);
    expect(html).not.toMatch(/<em>|<i>/);
  });

  it('draws the cumulative cost in USD', () => {
    expect(report.charts.map((c) => c.name)).toContain('cost-usd');
    const cost = report.charts.find((c) => c.name === 'cost-usd')!.mermaid;
    expect(cost).toContain('title "Cumulative cost (USD)"');
    expect(cost).toContain('y-axis "cost (USD)" 0 --> ');
  });
});

describe('renderRunReport on kafka-lag (a queue worker)', () => {
  let report: RenderedReport;
  beforeAll(async () => {
    const run = await runWithSeries('kafka-lag');
    report = renderRunReport({ summary: run.result.summary, series: run.series, billing: run.result.built.ledger });
  });

  it('counts a queue worker\'s load and backlog in messages, not requests', () => {
    const load = report.charts.find((c) => c.name.startsWith('load-'))!.mermaid;
    expect(load).toContain('y-axis "messages/s"');
    expect(report.markdown).toContain('Messages per second, ');
    const backlog = report.charts.find((c) => c.name === 'backlog')!.mermaid;
    expect(backlog).not.toContain('(requests)');
    expect(report.markdown).toMatch(/orders-processor \(messages\)/);
  });
});

describe('renderRunReport on overprovisioning-ca (pod priorities, preemption)', () => {
  let report: RenderedReport;
  beforeAll(async () => {
    const run = await runWithSeries('overprovisioning-ca');
    report = renderRunReport({ summary: run.result.summary, series: run.series, billing: run.result.built.ledger });
  });

  it('shows dashes, not NaN nor 100% of nothing, for the pause pods, which are offered no request and serve none', () => {
    // No served or dropped % (offered nothing), no response times (served nothing).
    expect(report.markdown).toMatch(/^\| overprovisioning \| — \| — \| — \| — \| — \| /m);
    expect(report.markdown).toMatch(/^\| web \| 100\.000 \| 0\.000 \| \d/m);
    expect(report.markdown).not.toContain('NaN');
  });

  it('counts kube-scheduler\'s preemptions in the scaling table', () => {
    expect(report.markdown).toMatch(/^\| kube-scheduler \(DefaultPreemption\) \| pods of lower priority \| \d+ preemptions, \d+ pods evicted \|$/m);
  });
});

