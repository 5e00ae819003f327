/**
 * The `cost` section of summary.json: the cost report's rows as plain JSON (money rounded to cents,
 * per-unit costs to micro-units, hours to 3 decimals), keyed by currency so that amounts in
 * different currencies stay apart. Deterministic: rows and currencies come sorted from the report.
 */
import type { Currency } from '../../cloud/types.js';
import type { CostFigure } from './cost-figure.js';
import type { CostReport } from './cost-report.js';
import type { CapacityClass, CostRow } from './cost-rows.js';
import { toUsageHours, type UsageHours } from './cost-usage.js';
import { exactDivide, exactFraction, exactToFixed } from '../../units/exact-amount.js';

/** Amounts per currency code, plus their converted sum when the report currency has every rate. */
export interface CostSummaryFigure {
  byCurrency: Record<Currency, number>;
  inReportCurrency?: number;
}

export interface CostSummaryRow {
  capacityClass: CapacityClass | 'total';
  pool?: string;
  nodeCount: number;
  billedNodeHours: number;
  podCount: number;
  billedPodSeconds: number;
  cost: CostSummaryFigure;
  idleCost?: CostSummaryFigure;
  costPerMillionRequests?: CostSummaryFigure;
  costPerActiveUserHour?: CostSummaryFigure;
  usage?: UsageHours;
}

export interface CostSummary {
  runSeconds: number;
  /** null when no report currency was set (nothing converted). */
  reportCurrency: Currency | null;
  servedRequests: number;
  activeUserSeconds?: number;
  total: CostSummaryRow;
  classes: CostSummaryRow[];
  pools: CostSummaryRow[];
  warnings: string[];
}

const SECONDS_PER_HOUR = exactFraction(3600n, 1n);
const PER_UNIT_DECIMALS = 6;

/** summary.json's cost section from a cost report; absent figures are left out of the JSON. */
export function summarizeCost(report: CostReport): CostSummary {
  return {
    runSeconds: report.runSeconds,
    reportCurrency: report.reportCurrency ?? null,
    servedRequests: report.servedRequests,
    ...(report.activeUserSeconds === undefined ? {} : { activeUserSeconds: report.activeUserSeconds }),
    total: summarizeRow(report.total),
    classes: report.classes.map(summarizeRow),
    pools: report.pools.map(summarizeRow),
    warnings: [...report.warnings],
  };
}

function summarizeRow(row: CostRow): CostSummaryRow {
  const summary: CostSummaryRow = {
    capacityClass: row.capacityClass ?? 'total',
    ...(row.pool === undefined ? {} : { pool: row.pool }),
    nodeCount: row.nodeCount,
    billedNodeHours: Number(exactToFixed(exactDivide(row.billedNodeSeconds, SECONDS_PER_HOUR), 3)),
    podCount: row.podCount,
    billedPodSeconds: Number(exactToFixed(row.billedPodSeconds, 3)),
    cost: summarizeFigure(row.cost, 2),
  };
  if (row.idleCost) summary.idleCost = summarizeFigure(row.idleCost, 2);
  if (row.costPerMillionRequests) summary.costPerMillionRequests = summarizeFigure(row.costPerMillionRequests, PER_UNIT_DECIMALS);
  if (row.costPerActiveUserHour) summary.costPerActiveUserHour = summarizeFigure(row.costPerActiveUserHour, PER_UNIT_DECIMALS);
  if (row.usage) summary.usage = roundUsageHours(toUsageHours(row.usage));
  return summary;
}

function summarizeFigure(figure: CostFigure, decimals: number): CostSummaryFigure {
  const byCurrency: Record<Currency, number> = {};
  for (const m of figure.byCurrency) byCurrency[m.currency] = Number(exactToFixed(m.amount, decimals));
  return figure.inReportCurrency === undefined
    ? { byCurrency }
    : { byCurrency, inReportCurrency: Number(exactToFixed(figure.inReportCurrency.amount, decimals)) };
}

function roundUsageHours(hours: UsageHours): UsageHours {
  const r = (v: number): number => Math.round(v * 1000) / 1000;
  return {
    cpuRequestedCoreHours: r(hours.cpuRequestedCoreHours),
    cpuUsedCoreHours: r(hours.cpuUsedCoreHours),
    cpuAllocatableCoreHours: r(hours.cpuAllocatableCoreHours),
    memoryRequestedGibHours: r(hours.memoryRequestedGibHours),
    memoryUsedGibHours: r(hours.memoryUsedGibHours),
    memoryAllocatableGibHours: r(hours.memoryAllocatableGibHours),
  };
}
