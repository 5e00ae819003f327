/**
 * The `cost` section of summary.json: the cost report's rows as plain JSON (money in cents,
 * per-unit costs in micro-units, hours to 3 decimals, footed as cost.csv prints them, so pools add
 * up to their class and classes to the total), keyed by currency so that amounts in different
 * currencies stay apart. Deterministic: rows and currencies come sorted from the report.
 */
import type { Currency } from '../../cloud/types.js';
import type { CostReport } from './cost-report.js';
import type { CapacityClass, CostRow } from './cost-rows.js';
import type { UsageHours } from './cost-usage.js';
import { roundRequests } from '../round-figure.js';
import { footCostReport, type FootedFigure, type FootedRow } from './footed-cost.js';

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
  /** The requests every workload served, rounded as the workloads' counts are (../round-figure.ts); the per-unit costs divide by the exact sum. */
  servedRequests: number;
  activeUserSeconds?: number;
  total: CostSummaryRow;
  classes: CostSummaryRow[];
  pools: CostSummaryRow[];
  warnings: string[];
}

/** summary.json's cost section from a cost report; absent figures are left out of the JSON. */
export function summarizeCost(report: CostReport): CostSummary {
  const footed = footCostReport(report);
  const summarize = (row: CostRow): CostSummaryRow => summarizeRow(row, footed.get(row)!);
  return {
    runSeconds: report.runSeconds,
    reportCurrency: report.reportCurrency ?? null,
    servedRequests: roundRequests(report.servedRequests),
    ...(report.activeUserSeconds === undefined ? {} : { activeUserSeconds: report.activeUserSeconds }),
    total: summarize(report.total),
    classes: report.classes.map(summarize),
    pools: report.pools.map(summarize),
    warnings: [...report.warnings],
  };
}

function summarizeRow(row: CostRow, footed: FootedRow): CostSummaryRow {
  const summary: CostSummaryRow = {
    capacityClass: row.capacityClass ?? 'total',
    ...(row.pool === undefined ? {} : { pool: row.pool }),
    nodeCount: row.nodeCount,
    billedNodeHours: Number(footed.billedNodeHours),
    podCount: row.podCount,
    billedPodSeconds: Number(footed.billedPodSeconds),
    cost: summarizeFigure(footed.cost),
  };
  if (footed.idleCost) summary.idleCost = summarizeFigure(footed.idleCost);
  if (footed.costPerMillionRequests) summary.costPerMillionRequests = summarizeFigure(footed.costPerMillionRequests);
  if (footed.costPerActiveUserHour) summary.costPerActiveUserHour = summarizeFigure(footed.costPerActiveUserHour);
  const u = footed.usage;
  if (u) {
    summary.usage = {
      cpuRequestedCoreHours: Number(u.cpuRequestedCoreHours),
      cpuUsedCoreHours: Number(u.cpuUsedCoreHours),
      cpuAllocatableCoreHours: Number(u.cpuAllocatableCoreHours),
      memoryRequestedGibHours: Number(u.memoryRequestedGibHours),
      memoryUsedGibHours: Number(u.memoryUsedGibHours),
      memoryAllocatableGibHours: Number(u.memoryAllocatableGibHours),
    };
  }
  return summary;
}

function summarizeFigure(figure: FootedFigure): CostSummaryFigure {
  const byCurrency: Record<Currency, number> = {};
  for (const [currency, text] of figure.byCurrency) byCurrency[currency] = Number(text);
  return figure.inReportCurrency === undefined ? { byCurrency } : { byCurrency, inReportCurrency: Number(figure.inReportCurrency) };
}
