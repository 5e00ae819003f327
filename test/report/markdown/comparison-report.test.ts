/** report.md of a comparison: the side-by-side table (given or default) and a chart per metric. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComparisonVariantInput } from '../../../src/report/charts/comparison-charts.js';
import { renderComparisonReport } from '../../../src/report/markdown/comparison-report.js';
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
});
