/** report.md of a comparison: the side-by-side table (given or default) and a chart per metric. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComparisonVariantInput } from '../../../src/report/charts/comparison-charts.js';
import { comparisonReportTable } from '../../../src/compare/comparison-table.js';
import { renderComparisonReport } from '../../../src/report/markdown/comparison-report.js';
import { figures } from '../../helpers/comparison-rows.js';
import { runWithSeries } from '../charts/run-fixture.js';

describe('renderComparisonReport', () => {
  let variants: ComparisonVariantInput[];
  beforeAll(async () => {
    const a = await runWithSeries('nginx-hpa-cpu', { seed: 1 });
    const b = await runWithSeries('nginx-keda-cpu', { seed: 1 });
    variants = [
      { name: 'hpa', summary: a.result.summary, series: a.series, billing: a.result.built.ledger },
      { name: 'keda', summary: b.result.summary, series: b.series, billing: b.result.built.ledger },
    ];
  });

  it('shows the variants side by side in a default table, then one chart per metric with a line per variant', () => {
    const { markdown, charts } = renderComparisonReport({ title: 'hpa vs keda', variants });
    expect(markdown.split('\n')[0]).toBe('# scalesim comparison: hpa vs keda');
    expect(markdown).toContain('2 variants (hpa, keda), 40m simulated.');
    expect(markdown).toContain('| variant | workload | served % | p95 ms | ready mean / peak | cost |');
    expect(markdown).toMatch(/^\| hpa \| nginx \| 100\.000 \|/m);
    expect(markdown).toMatch(/^\| keda \| nginx \| /m);
    expect(charts.map((c) => c.name)).toEqual(['served-nginx', 'replicas-nginx', 'nodes']);
    for (const c of charts) {
      expect(markdown).toContain(`\`\`\`mermaid\n${c.mermaid}\n\`\`\``);
      expect(c.mermaid.split('\n').filter((l) => l.startsWith('  line ['))).toHaveLength(2);
    }
    expect(markdown).toContain('🟦 hpa (blue, 5 px) · 🟧 keda (orange) — One line per variant;');
  });

  it('uses the caller’s comparison rows when given, and links its files', () => {
    const table = { header: ['variant', 'served %', 'cost'], rows: [['hpa', 100, '0'], ['keda', 99.5, Number.NaN]] };
    const { markdown } = renderComparisonReport({ title: 't', variants, table, dataFiles: ['comparison.csv'] });
    expect(markdown).toContain('| variant | served % | cost |\n| --- | --- | --- |\n| hpa | 100 | 0 |\n| keda | 99.5 |  |');
    expect(markdown).toContain('Data: [comparison.csv](comparison.csv)');
  });

  it('writes the comparison rows as the terminal shows them, figures right-aligned, the star explained under the table', () => {
    const rows = [figures({ variant: 'hpa', meanReplicas: 1.2815 }), figures({ variant: 'keda', meanReplicas: 1.2023, scaleEvents: 4 })];
    const { markdown } = renderComparisonReport({ title: 't', variants, table: comparisonReportTable(rows) });
    const side = markdown.slice(markdown.indexOf('## Side by side'), markdown.indexOf('## Charts'));
    expect(side).toContain('| variant | description | cost total (USD) | served % | dropped % | p50 ms | p95 ms | p99 ms |');
    expect(side).toContain('| --- | --- | ---: | ---: |');
    expect(side).toMatch(/^\| hpa \|  \| 10\.00\* \| 100\.000\* \|.*\| 0\* \| 0\.00\* \| 3\* \| 1\.28 \| 1\* \| 1\.00\* \|$/m);
    expect(side).toMatch(/^\| keda \|.*\| 4 \| 0\.00\* \| 3\* \| 1\.20\* \|/m);
    // A line of its own, the star escaped so that it is not read as a list item.
    expect(side).toContain('|\n\n\\* best in its column\n');
  });
});
