/**
 * What `scalesim compare` writes at the top of its output folder, beside one folder per variant
 * (named after the variant): its data files, the report's pages and the report's chart sources
 * (report-<chart>.mmd, ../report/formats/report-format.ts mermaidFileName), and the results marker.
 * A variant may not be named like any of them, in any letter case (macOS and Windows file systems
 * do not tell comparison.json from Comparison.json): its folder would collide with the file.
 */
import { RESULTS_MARKER } from '../report/output-folder.js';
import { mermaidFileName } from '../report/formats/report-format.js';

export const COMPARISON_CSV = 'comparison.csv';
export const COMPARISON_WORKLOADS_CSV = 'comparison-workloads.csv';
export const COMPARISON_SEEDS_CSV = 'comparison-seeds.csv';
export const COMPARISON_JSON = 'comparison.json';

/** The report pages the report formats write (md, html). */
const REPORT_PAGES = ['report.md', 'report.html'] as const;

/** The chart sources' names: mermaidFileName's prefix and suffix around the chart's name. */
const CHART_SOURCE = (() => {
  const marker = '\u0000';
  const [prefix, suffix] = mermaidFileName(marker).split(marker) as [string, string];
  return { prefix, suffix, shown: `${prefix}<chart>${suffix}` };
})();

/**
 * The names compare writes at the top of its output folder that a variant could be given, as a
 * message lists them (the results marker starts with a dot, which no variant name can).
 */
export const RESERVED_OUTPUT_NAMES: readonly string[] = [COMPARISON_CSV, COMPARISON_WORKLOADS_CSV, COMPARISON_SEEDS_CSV, COMPARISON_JSON, ...REPORT_PAGES, CHART_SOURCE.shown];

/** Whether `name` is (in any letter case) one of the files compare writes at the top of its output folder. */
export function isReservedOutputName(name: string): boolean {
  const lower = name.toLowerCase();
  const fixed = [COMPARISON_CSV, COMPARISON_WORKLOADS_CSV, COMPARISON_SEEDS_CSV, COMPARISON_JSON, ...REPORT_PAGES, RESULTS_MARKER];
  if (fixed.some((f) => f.toLowerCase() === lower)) return true;
  const { prefix, suffix } = CHART_SOURCE;
  return lower.length >= prefix.length + suffix.length && lower.startsWith(prefix.toLowerCase()) && lower.endsWith(suffix.toLowerCase());
}
