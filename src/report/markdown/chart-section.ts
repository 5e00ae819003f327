/**
 * One chart in report.md: a ```mermaid block (GitHub renders it in place) followed by its caption
 * line, which is the legend: coloured squares, series names and colour names, then the note.
 */
import type { ChartSpec } from '../charts/chart-spec.js';
import { formatLegend, formatXyChart } from '../charts/xychart.js';
import type { ReportChart } from '../formats/report-format.js';

export interface ChartSection {
  markdown: string;
  chart: ReportChart;
}

export function formatChartSection(spec: ChartSpec): ChartSection {
  const mermaid = formatXyChart(spec);
  const caption = [formatLegend(spec), spec.note].filter((t) => t !== undefined && t.length > 0).join(' — ');
  return { markdown: `\`\`\`mermaid\n${mermaid}\n\`\`\`\n\n${caption}\n`, chart: { name: spec.name, mermaid } };
}
