/**
 * report.md of one run: what ran, links to the data files, the summary tables, then the charts
 * (load and replicas per workload, nodes per pool, cumulative cost, backlog) with a legend line
 * each, and what was left out. Pure: the same run gives the same bytes.
 */
import { buildRunCharts } from '../charts/run-charts.js';
import type { RunChartInput } from '../charts/chart-context.js';
import { formatSpan } from '../charts/chart-context.js';
import { mermaidFileName, type RenderedReport } from '../formats/report-format.js';
import { formatChartSection } from './chart-section.js';
import { escapeMarkdownText, fileLink } from './markdown-text.js';
import { formatRolloutTable } from './rollout-table.js';
import { formatCostTable, formatScalingTable, formatWorkloadTable } from './summary-tables.js';

export interface RunReportInput extends RunChartInput {
  /** Data files next to report.md to link (default: the run's CSVs and summary.json). */
  dataFiles?: readonly string[];
}

export const RUN_DATA_FILES: readonly string[] = Object.freeze(['timeseries.csv', 'decisions.csv', 'cost.csv', 'summary.json']);


export function renderRunReport(input: RunReportInput): RenderedReport {
  const { summary } = input;
  const { charts, leftOut } = buildRunCharts(input);
  const sections = charts.map(formatChartSection);
  const out: string[] = [
    `# scalesim report: ${escapeMarkdownText(summary.scenario)}`,
    '',
    `${formatSpan(summary.durationSeconds)} simulated, seed ${summary.seed}, a sample every ${formatSpan(summary.outputIntervalSeconds)}, nodes at the end: ${summary.nodes}, events: ${summary.eventsProcessed}.`,
    '',
    `Data: ${(input.dataFiles ?? RUN_DATA_FILES).map(fileLink).join(' · ')}`,
    '',
    '## Service level',
    '',
    formatWorkloadTable(summary),
    '',
  ];
  const scaling = formatScalingTable(summary);
  if (scaling !== undefined) out.push('## Scaling', '', scaling, '');
  const rollouts = formatRolloutTable(summary);
  if (rollouts !== undefined) out.push('## Rollouts', '', rollouts, '');
  const cost = formatCostTable(summary);
  out.push('## Cost', '', cost ?? 'No node pool or virtual pool in the scenario has a price: nothing was billed.', '');
  out.push('## Charts', '');
  for (const s of sections) out.push(s.markdown);
  if (leftOut.length > 0) out.push(...leftOut.map((l) => `- ${l}`), '');
  if (sections.length > 0) out.push(`Chart sources (Mermaid): ${sections.map((s) => fileLink(mermaidFileName(s.chart.name))).join(' · ')}`, '');
  const warnings = [...summary.warnings, ...summary.cost.warnings];
  if (warnings.length > 0) out.push('## Warnings', '', ...warnings.map((w) => `- ${escapeMarkdownText(w)}`), '');
  return { markdown: `${out.join('\n').trimEnd()}\n`, charts: sections.map((s) => s.chart) };
}
