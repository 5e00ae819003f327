/**
 * Fixtures for the comparison and sweep tests: a comparison row with plain figures (10 USD, p95
 * 100 ms and the same worst workload p95, 2 mean replicas, 1 node…) and the fields a test sets, a grid axis over given values, and
 * the rows of a finished sweep over some axes.
 */
import type { ComparisonRow } from '../../src/compare/comparison-row.js';
import type { GridAxis } from '../../src/sweep/grid.js';
import { allSettings } from '../../src/sweep/settings.js';
import type { SweepRow } from '../../src/sweep/sweep-row.js';

/** A row's figures; with one workload, the worst workload's p95 is the busiest's unless `over` says otherwise. */
export function figures(over: Partial<ComparisonRow> = {}): ComparisonRow {
  const row = plainFigures(over);
  if (!('worstP95Ms' in over)) row.worstP95Ms = row.p95Ms;
  if (!('worstP95Workload' in over)) row.worstP95Workload = row.worstP95Ms === null ? null : 'web';
  return row;
}

function plainFigures(over: Partial<ComparisonRow>): ComparisonRow {
  return {
    variant: 'v',
    description: '',
    costTotal: 10,
    costCurrency: 'USD',
    costByClass: {},
    servedPercent: 100,
    droppedPercent: 0,
    p50Ms: 10,
    p95Ms: 100,
    p99Ms: 200,
    worstP95Ms: 100,
    worstP95Workload: 'web',
    underProvisionedSeconds: 0,
    pendingPodSeconds: 0,
    coldStarts: 0,
    scaleEvents: 0,
    flapsPerHour: 0,
    peakReplicas: 3,
    meanReplicas: 2,
    peakNodes: 1,
    meanNodes: 1,
    ...over,
  };
}

/** A resolved grid axis named `name` over `values`, setting `fieldPath` of `target`. */
export function gridAxis(name: string, target: string, fieldPath: string[], values: (string | number)[]): GridAxis {
  return { name, flag: `${name}=${values.join(',')}`, target, fieldPath, values: values.map((v) => ({ text: String(v), value: v })) };
}

/** The rows of a finished sweep over `axes`, each run's figures from `of(values)` on top of `base`. */
export function sweepRows(axes: GridAxis[], of: (values: string[]) => Partial<ComparisonRow>, base: Partial<ComparisonRow> = {}): SweepRow[] {
  return allSettings(axes).map((s) => ({ index: s.index, id: s.id, values: s.values, row: figures({ ...base, ...of(s.values) }) }));
}
