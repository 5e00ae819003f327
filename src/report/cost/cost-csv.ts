/**
 * cost.csv: one line per row and currency of the cost report (basis "billed"), plus one line in the
 * report currency when the row converts (basis "converted"; never add the two bases; a billed line
 * counts the nodes, pods, billed time and usage of its own currency, a converted line all of the
 * row's), and after the total one line per pool without a price (basis "unpriced": no money, its usage only). Money is
 * rounded to cents, per-unit costs to micro-units, hours to 3 decimals; nothing is summed after rounding.
 */
import { csvLine, type Cell } from '../csv-line.js';
import type { CostFigure } from './cost-figure.js';
import type { CostReport } from './cost-report.js';
import type { CostRow } from './cost-rows.js';
import { toUsageHours } from './cost-usage.js';
import { exactDivide, exactFraction, exactToFixed, type ExactAmount } from '../../units/exact-amount.js';
import { amountIn, formatCents } from './money.js';

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

const SECONDS_PER_HOUR = exactFraction(3600n, 1n);
const PER_UNIT_DECIMALS = 6;

/**
 * The data lines (the header is COST_CSV_HEADER): for each class its pool rows then the class row, and the total last. A row
 * with no billed currency (an empty run) gets one line in the report currency, or with no currency.
 */
export function buildCostCsvRows(report: CostReport): Cell[][] {
  const lines: Cell[][] = [];
  for (const classRow of report.classes) {
    for (const poolRow of report.pools.filter((p) => p.capacityClass === classRow.capacityClass)) {
      lines.push(...rowLines('pool', poolRow, report.reportCurrency));
    }
    lines.push(...rowLines('class', classRow, report.reportCurrency));
  }
  lines.push(...rowLines('total', report.total, report.reportCurrency));
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

function rowLines(scope: 'pool' | 'class' | 'total', row: CostRow, reportCurrency: string | undefined): Cell[][] {
  const shared = sharedCells(row);
  const head = [scope, row.capacityClass ?? '', row.pool ?? ''];
  // A line in one currency counts that currency's nodes and pods only (their time and usage too).
  const lines = row.cost.byCurrency.map((m) => [
    ...head,
    m.currency,
    'billed',
    ...moneyCells(row, (f) => amountIn(f.byCurrency, m.currency)),
    ...sharedCells(row.shares.find((s) => s.currency === m.currency) ?? row),
  ]);
  const converted = row.cost.inReportCurrency;
  if (converted !== undefined && (row.cost.byCurrency.length !== 1 || row.cost.byCurrency[0]?.currency !== converted.currency)) {
    lines.push([...head, converted.currency, 'converted', ...moneyCells(row, (f) => f.inReportCurrency?.amount), ...shared]);
  }
  if (lines.length === 0) lines.push([...head, reportCurrency ?? '', 'billed', '0.00', '', '', '', ...shared]);
  return lines;
}

function moneyCells(row: CostRow, pick: (figure: CostFigure) => ExactAmount | undefined): Cell[] {
  const cell = (figure: CostFigure | undefined, decimals: number): Cell => {
    const amount = figure === undefined ? undefined : pick(figure);
    return amount === undefined ? '' : decimals === 2 ? formatCents(amount) : exactToFixed(amount, decimals);
  };
  return [
    cell(row.cost, 2),
    cell(row.idleCost, 2),
    cell(row.costPerMillionRequests, PER_UNIT_DECIMALS),
    cell(row.costPerActiveUserHour, PER_UNIT_DECIMALS),
  ];
}

/** Counts, billed time and usage: of the whole row, or of its part in one currency. */
function sharedCells(row: Pick<CostRow, 'nodeCount' | 'podCount' | 'billedNodeSeconds' | 'billedPodSeconds' | 'usage'>): Cell[] {
  const hours = row.usage === undefined ? undefined : toUsageHours(row.usage);
  const fixed = (v: number | undefined): Cell => (v === undefined ? '' : v.toFixed(3));
  return [
    row.nodeCount,
    exactToFixed(exactDivide(row.billedNodeSeconds, SECONDS_PER_HOUR), 3),
    row.podCount,
    exactToFixed(row.billedPodSeconds, 3),
    fixed(hours?.cpuRequestedCoreHours),
    fixed(hours?.cpuAllocatableCoreHours),
    fixed(hours?.cpuUsedCoreHours),
    fixed(hours?.memoryRequestedGibHours),
    fixed(hours?.memoryAllocatableGibHours),
    fixed(hours?.memoryUsedGibHours),
  ];
}
