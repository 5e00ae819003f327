/**
 * How one grid axis moves a figure (the sweep report's charts): for an axis, its values in order
 * and, for each combination of the other axes, the figure of the setting at each value — one line
 * per combination, when there are at most MAX_LINES of them; with more, three lines (the lowest,
 * median and highest figure over the combinations at each value), so that any grid fits a chart.
 * Settings judged across seeds (./replicates.ts) give their judged figures, and their seed axis is
 * no parameter: it gets no chart and is not one of the "other axes". Pure: settings in, lines out.
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
  /** How many combinations of the other axes there are. */
  combinations: number;
}

/**
 * The effect of parameter axis `a` (an index into parameterAxes) on `figure`, or null when the axis
 * has one value or a setting lacks the figure (cost without prices).
 */
export function axisEffect(axes: readonly GridAxis[], settings: readonly SweepRow[], a: number, figure: (row: ComparisonRow) => number | null, figureName: string): AxisEffect | null {
  const params = parameterAxes(axes, settings);
  const axis = params[a]!;
  if (axis.values.length < 2) return null;
  const categories = axis.values.map((v) => v.text);
  const byOthers = new Map<string, { label: string; values: number[] }>();
  for (const s of settings) {
    const value = figure(s.row);
    if (value === null) return null;
    const others = params.flatMap((p, i) => (i === a ? [] : [`${p.name}=${s.values[i]!}`]));
    const key = JSON.stringify(others);
    let line = byOthers.get(key);
    if (!line) byOthers.set(key, (line = { label: others.join(' ') || figureName, values: new Array<number>(categories.length).fill(Number.NaN) }));
    line.values[categories.indexOf(s.values[a]!)] = value;
  }
  const lines = [...byOthers.values()];
  if (lines.length <= MAX_LINES) return { axis, categories, lines, spread: false, combinations: lines.length };
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
    combinations: lines.length,
  };
}
