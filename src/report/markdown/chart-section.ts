/**
 * One chart in report.md: a ```mermaid block (GitHub renders it in place) followed by its caption
 * line, which is the legend: coloured squares, series names and colour names, then the note.
 * Time charts and charts over named x values (../charts/category-chart.ts) alike.
 */
import { formatCategoryChart, type CategoryChartSpec } from '../charts/category-chart.js';
import type { ChartSpec } from '../charts/chart-spec.js';
import { formatLegend, formatXyChart } from '../charts/xychart.js';
import type { ReportChart } from '../formats/report-format.js';

export interface ChartSection {
  markdown: string;
  chart: ReportChart;
}

function section(spec: ChartSpec | CategoryChartSpec, mermaid: string): ChartSection {
  const caption = [formatLegend(spec), spec.note].filter((t) => t !== undefined && t.length > 0).join(' — ');
  return { markdown: `\`\`\`mermaid\n${mermaid}\n\`\`\`\n\n${caption}\n`, chart: { name: spec.name, mermaid } };
}

export function formatChartSection(spec: ChartSpec): ChartSection {
  return section(spec, formatXyChart(spec));
}

/** The same for a chart over named x values (a sweep axis's values). */
export function formatCategoryChartSection(spec: CategoryChartSpec): ChartSection {
  return section(spec, formatCategoryChart(spec));
}
