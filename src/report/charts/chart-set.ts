/**
 * What a chart builder returns: the charts it could draw and, for each it could not, one sentence
 * saying what was left out and why (printed under the charts: Markdown, a name in it escaped with
 * escapeMarkdownText).
 */
import type { ChartLine, ChartSpec } from './chart-spec.js';
import { MAX_LINES_PER_CHART } from './palette.js';

export interface ChartSet {
  charts: ChartSpec[];
  leftOut: string[];
}

/** Concatenates chart sets in order. */
export function joinChartSets(sets: readonly ChartSet[]): ChartSet {
  return { charts: sets.flatMap((s) => s.charts), leftOut: sets.flatMap((s) => s.leftOut) };
}

/** Keeps the first MAX_LINES_PER_CHART lines; says how many more were not drawn (`what`: Markdown). */
export function limitLines(lines: ChartLine[], what: string): { lines: ChartLine[]; leftOut: string[] } {
  if (lines.length <= MAX_LINES_PER_CHART) return { lines, leftOut: [] };
  const dropped = lines.length - MAX_LINES_PER_CHART;
  return { lines: lines.slice(0, MAX_LINES_PER_CHART), leftOut: [`${what}: ${dropped} more series not drawn (at most ${MAX_LINES_PER_CHART} lines per chart).`] };
}
