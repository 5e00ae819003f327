/**
 * Cumulative cost of a run, one chart per currency: a line per capacity class and, with more than
 * one class, the total (wide, under the classes). Left out with a note when nothing in the scenario has a price.
 */
import { CAPACITY_CLASS_LABELS, type CapacityClass } from '../cost/cost-rows.js';
import type { ChartContext } from './chart-context.js';
import type { ChartSet } from './chart-set.js';
import { chartName, type ChartLine } from './chart-spec.js';
import { calculateCostCurves } from './cost-curve.js';
import { BLUE, GREEN, LIGHT_GREY, ORANGE, PURPLE, type SeriesColour } from './palette.js';
import { WIDE_LINE_PX } from './xychart.js';

/** Each class's line colour; its label is the one every view uses (CAPACITY_CLASS_LABELS). */
const CLASS_COLOUR: Readonly<Record<CapacityClass, SeriesColour>> = { reserved: BLUE, onDemand: ORANGE, spot: GREEN, virtual: PURPLE };

export function buildCostCharts(ctx: ChartContext): ChartSet {
  const billing = ctx.billing;
  if (billing === undefined || billing.nodes.length + billing.virtualPods.length === 0) {
    return { charts: [], leftOut: ['Cumulative cost: left out (no node pool or virtual pool in the scenario has a price).'] };
  }
  const curves = calculateCostCurves(billing, ctx.timesSeconds);
  const currencies = [...new Set(curves.map((c) => c.currency))];
  const charts = currencies.map((currency) => {
    const mine = curves.filter((c) => c.currency === currency);
    const lines: ChartLine[] = mine.map((c) => ({ label: CAPACITY_CLASS_LABELS[c.capacityClass], colour: CLASS_COLOUR[c.capacityClass], values: c.values }));
    if (mine.length > 1) {
      lines.push({ label: 'total', colour: LIGHT_GREY, widthPx: WIDE_LINE_PX, values: ctx.timesSeconds.map((_, i) => mine.reduce((sum, c) => sum + c.values[i]!, 0)) });
    }
    return {
      name: chartName('cost', currency),
      title: `Cumulative cost (${currency})`,
      yAxisLabel: `cost (${currency})`,
      timeAxis: ctx.timeAxis,
      timesSeconds: ctx.timesSeconds,
      lines,
      note: 'What the run would have cost had it stopped at that time (billing steps and minimums included); it ends at the cost table’s total.',
    };
  });
  return { charts, leftOut: [] };
}
