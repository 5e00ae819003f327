/**
 * cost.csv: one line per row and currency of the cost report (basis "billed"), plus one line in the
 * report currency when the row converts (basis "converted"; never add the two bases; a billed line
 * counts the nodes, pods, billed time and usage of its own currency, a converted line all of the
 * row's), and after the total one line per pool without a price (basis "unpriced": no money, its usage only). Money is
 * printed in cents, per-unit costs in micro-units, hours to 3 decimals, footed (footed-cost.ts): in every
 * column the pool lines add up to their class line and the class lines to the total.
 */
import { csvLine, type Cell } from '../csv-line.js';
import type { CostReport } from './cost-report.js';
import type { CostRow } from './cost-rows.js';
import { toUsageHours } from './cost-usage.js';
import { footCostReport, type FootedFigure, type FootedRow, type FootedTime } from './footed-cost.js';

export const COST_CSV_HEADER: readonly string[] = Object.freeze([
  'scope',
  'capacity_class',
  'pool',
  'currency',
  'basis',
  'cost',
  'idle_cost',
  'cost_per_million_requests',
  'cost_per_active_user_hour',
  'node_count',
  'billed_node_hours',
  'pod_count',
  'billed_pod_seconds',
  'cpu_requested_core_hours',
  'cpu_allocatable_core_hours',
  'cpu_used_core_hours',
  'memory_requested_gib_hours',
  'memory_allocatable_gib_hours',
  'memory_used_gib_hours',
]);

/**
 * The data lines (the header is COST_CSV_HEADER): for each class its pool rows then the class row, and the total last. A row
 * with no billed currency (an empty run) gets one line in the report currency, or with no currency.
 */
export function buildCostCsvRows(report: CostReport): Cell[][] {
  const footed = footCostReport(report);
  const lines: Cell[][] = [];
  for (const classRow of report.classes) {
    for (const poolRow of report.pools.filter((p) => p.capacityClass === classRow.capacityClass)) {
      lines.push(...rowLines('pool', poolRow, footed.get(poolRow)!, report.reportCurrency));
    }
    lines.push(...rowLines('class', classRow, footed.get(classRow)!, report.reportCurrency));
  }
  lines.push(...rowLines('total', report.total, footed.get(report.total)!, report.reportCurrency));
  // Pools without a price: what they used, so a run without prices still shows its capacity.
  for (const u of report.unpriced) {
    const hours = toUsageHours(u.usage);
    lines.push(['pool', '', u.pool, '', 'unpriced', '', '', '', '', '', '', '', '', ...[
      hours.cpuRequestedCoreHours, hours.cpuAllocatableCoreHours, hours.cpuUsedCoreHours,
      hours.memoryRequestedGibHours, hours.memoryAllocatableGibHours, hours.memoryUsedGibHours,
    ].map((v) => v.toFixed(3))]);
  }
  return lines;
}

/** The whole cost.csv text, lines ending in "\n". */
export function formatCostCsv(report: CostReport): string {
  return [[...COST_CSV_HEADER], ...buildCostCsvRows(report)].map((cells) => `${csvLine(cells)}\n`).join('');
}

function rowLines(scope: 'pool' | 'class' | 'total', row: CostRow, footed: FootedRow, reportCurrency: string | undefined): Cell[][] {
  const head = [scope, row.capacityClass ?? '', row.pool ?? ''];
  // A line in one currency counts that currency's nodes and pods only (their time and usage too).
  const lines = row.cost.byCurrency.map((m) => [
    ...head,
    m.currency,
    'billed',
    ...moneyCells(footed, (f) => f.byCurrency.get(m.currency)),
    ...sharedCells(row.shares.find((s) => s.currency === m.currency) ?? row, footed.shares.get(m.currency) ?? footed),
  ]);
  const converted = row.cost.inReportCurrency;
  if (converted !== undefined && (row.cost.byCurrency.length !== 1 || row.cost.byCurrency[0]?.currency !== converted.currency)) {
    lines.push([...head, converted.currency, 'converted', ...moneyCells(footed, (f) => f.inReportCurrency), ...sharedCells(row, footed)]);
  }
  if (lines.length === 0) lines.push([...head, reportCurrency ?? '', 'billed', '0.00', '', '', '', ...sharedCells(row, footed)]);
  return lines;
}

/** Cost, idle cost and the per-unit costs as footed (cents, micro-units); empty where the row has none. */
function moneyCells(footed: FootedRow, pick: (figure: FootedFigure) => string | undefined): Cell[] {
  const cell = (figure: FootedFigure | undefined): Cell => (figure === undefined ? '' : (pick(figure) ?? ''));
  return [cell(footed.cost), cell(footed.idleCost), cell(footed.costPerMillionRequests), cell(footed.costPerActiveUserHour)];
}

/** Counts, then billed time and usage as footed: of the whole row, or of its part in one currency. */
function sharedCells(counts: Pick<CostRow, 'nodeCount' | 'podCount'>, time: FootedTime): Cell[] {
  const u = time.usage;
  return [
    counts.nodeCount,
    time.billedNodeHours,
    counts.podCount,
    time.billedPodSeconds,
    ...(u === undefined
      ? ['', '', '', '', '', '']
      : [u.cpuRequestedCoreHours, u.cpuAllocatableCoreHours, u.cpuUsedCoreHours, u.memoryRequestedGibHours, u.memoryAllocatableGibHours, u.memoryUsedGibHours]),
  ];
}
