/**
 * How one grid axis moves a figure (the sweep report's charts): for an axis, its values in order
 * and, for each combination of the other axes, the figure of the setting at each value — one line
 * per combination, when there are at most MAX_LINES of them; with more, three lines (the lowest,
 * median and highest figure over the combinations at each value), so that any grid fits a chart.
 * Settings judged across seeds (./replicates.ts) give their judged figures, and their seed axis is
 * no parameter: it gets no chart and is not one of the "other axes". A setting without the figure
 * (no p95 when its busiest workload served no request) has no point to draw, and a chart line cannot
 * skip one: the lines through such a setting are left out (and counted), never drawn at 0 or NaN.
 * Pure: settings in, lines out.
 */
import { median } from 'd3-array';
import type { ComparisonRow } from '../compare/comparison-row.js';
import type { GridAxis } from './grid.js';
import { parameterAxes } from './replicates.js';
import type { SweepRow } from './sweep-row.js';

/** Most lines one chart shows before it shows the spread instead (the palette's colours). */
export const MAX_LINES = 8;

export interface EffectLine {
  /** `hpa.maxReplicas=20`, `hpa.maxReplicas=20 keda.cooldownPeriod=30`, `lowest`, `median`, `highest`, or the figure's name for a one-axis grid. */
  label: string;
  /** One value per axis value, in the axis's order. */
  values: number[];
}

export interface AxisEffect {
  axis: GridAxis;
  /** The axis's values as written. */
  categories: string[];
  lines: EffectLine[];
  /** True when the lines are the lowest, median and highest over more than MAX_LINES combinations. */
  spread: boolean;
  /** How many combinations of the other axes there are (those left out included). */
  combinations: number;
  /** How many of those combinations were left out: a setting on their line lacks the figure. */
  leftOut: number;
}

/**
 * The effect of parameter axis `a` (an index into parameterAxes) on `figure`, or null when the axis
 * has one value or no line is left to draw: every line has a setting without the figure (cost
 * without prices, a p95 where nothing was served).
 */
export function axisEffect(axes: readonly GridAxis[], settings: readonly SweepRow[], a: number, figure: (row: ComparisonRow) => number | null, figureName: string): AxisEffect | null {
  const params = parameterAxes(axes, settings);
  const axis = params[a]!;
  if (axis.values.length < 2) return null;
  const categories = axis.values.map((v) => v.text);
  const byOthers = new Map<string, { label: string; values: number[] }>();
  const missing = new Set<string>();
  for (const s of settings) {
    const value = figure(s.row);
    const others = params.flatMap((p, i) => (i === a ? [] : [`${p.name}=${s.values[i]!}`]));
    const key = JSON.stringify(others);
    let line = byOthers.get(key);
    if (!line) byOthers.set(key, (line = { label: others.join(' ') || figureName, values: new Array<number>(categories.length).fill(Number.NaN) }));
    if (value === null || !Number.isFinite(value)) missing.add(key);
    else line.values[categories.indexOf(s.values[a]!)] = value;
  }
  const combinations = byOthers.size;
  const lines = [...byOthers].filter(([key]) => !missing.has(key)).map(([, line]) => line);
  if (lines.length === 0) return null;
  const leftOut = missing.size;
  if (lines.length <= MAX_LINES) return { axis, categories, lines, spread: false, combinations, leftOut };
  const at = (i: number): number[] => lines.map((l) => l.values[i]!).filter((v) => !Number.isNaN(v));
  return {
    axis,
    categories,
    lines: [
      { label: 'lowest', values: categories.map((_, i) => Math.min(...at(i))) },
      { label: 'median', values: categories.map((_, i) => median(at(i)) ?? Number.NaN) },
      { label: 'highest', values: categories.map((_, i) => Math.max(...at(i))) },
    ],
    spread: true,
    combinations,
    leftOut,
  };
}
