/**
 * What one chart shows, independent of how it is drawn: a title, a y-axis label with its unit, a
 * shared time grid and up to eight coloured lines (wider ones lie under narrower ones). Mermaid
 * text and captions are made from it.
 */
import type { SeriesColour } from './palette.js';
import type { TimeAxis } from './time-axis.js';

export interface ChartLine {
  /** Legend text, e.g. "offered": plain text (a name may be one; the legend escapes it). */
  label: string;
  colour: SeriesColour;
  /**
   * Stroke width when wider than Mermaid's 2 px. Wider lines are drawn first, under the others,
   * so a reference (offered load, desired replicas, an earlier variant) stays visible as a halo
   * where a line on top of it has the same values.
   */
  widthPx?: number;
  /** One value per grid time. */
  values: readonly number[];
}

export interface ChartSpec {
  /** File-safe identifier, unique in a report (e.g. "load-nginx"): names report-<name>.mmd. */
  name: string;
  title: string;
  /** y-axis title with its unit, e.g. "requests/s". */
  yAxisLabel: string;
  timeAxis: TimeAxis;
  /** The grid shared by every line, ascending, seconds. */
  timesSeconds: readonly number[];
  lines: ChartLine[];
  /** One more sentence for the caption (what a point stands for, what was left out). */
  note?: string;
}

/** A file-safe chart name from parts ("load", "nginx" → "load-nginx"). */
export function chartName(...parts: string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '');
}
