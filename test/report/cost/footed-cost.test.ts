/**
 * Printed cost figures add up: in cost.csv, summary.json and report.md the pool lines add up to
 * their class line and the class lines to the total, to the cent (micro-unit, thousandth of an
 * hour), per currency and converted; each printed figure stays within one unit of its exact value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCostCsvRows, COST_CSV_HEADER } from '../../../src/report/cost/cost-csv.js';
import { buildCostReport, type CostReportInput } from '../../../src/report/cost/cost-report.js';
import type { CostRow } from '../../../src/report/cost/cost-rows.js';
import { summarizeCost, type CostSummary, type CostSummaryFigure, type CostSummaryRow } from '../../../src/report/cost/cost-summary.js';
import { formatCostTable } from '../../../src/report/markdown/summary-tables.js';
import type { RunSummary } from '../../../src/report/summary.js';
import { exactFraction, exactFromNumber, exactSubtract, type ExactAmount } from '../../../src/units/exact-amount.js';
import { costReportInput } from './cost-report-arbitraries.js';
import { makeBilling, makeNodeRecord } from './cost-fixtures.js';

/** Two classes of 1.004 USD each: 2.008 in all, printed 2.01; each rounded alone prints 1.00. */
const TWO_HALF_CENTS: CostReportInput = {
  runSeconds: 3600,
  servedRequests: 0,
  rates: [],
  reportCurrency: 'USD',
  nodes: [
    makeNodeRecord({ node: 'r', pool: 'base', billing: makeBilling({ kind: 'reserved', pricePerHour: 1.004 }) }),
    makeNodeRecord({ node: 'o', pool: 'burst', billing: makeBilling({ kind: 'onDemand', pricePerHour: 1.004, minimumSeconds: 0 }) }),
  ],
  virtualPods: [],
  usage: [],
};

describe('footed cost figures', () => {
  it('cost.csv, summary.json and report.md give classes that add up to the total (2.008 → 1.01 + 1.00 = 2.01)', () => {
    const report = buildCostReport(TWO_HALF_CENTS);
    const cost = COST_CSV_HEADER.indexOf('cost');
    expect(buildCostCsvRows(report).filter((l) => l[0] !== 'pool').map((l) => `${l[0]} ${l[1]} ${l[cost]}`)).toEqual([
      'class reserved 1.01',
      'class onDemand 1.00',
      'total  2.01',
    ]);
    const summary = summarizeCost(report);
    expect(summary.classes.map((c) => c.cost.byCurrency.USD)).toEqual([1.01, 1]);
    expect(summary.total.cost.byCurrency.USD).toBe(2.01);
    const table = formatCostTable({ cost: summary } as RunSummary)!;
    expect(table).toContain('| reserved | base | 1 | 1.00 | 0 | 0.00 | 1.01 USD | — | 1.01 USD |');
    expect(table).toContain('| on-demand | burst | 1 | 1.00 | 0 | 0.00 | 1.00 USD | — | 1.00 USD |');
    expect(table).toContain('| **total** |  | 2 | 2.00 | 0 | 0.00 | 2.01 USD | — | 2.01 USD |');
  });

  it('report.md foots node-hours to 2 decimals too (0.005 h + 0.005 h → 0.01 + 0.00 = 0.01)', () => {
    const shortNode = (node: string, pool: string) =>
      makeNodeRecord({ node, pool, billing: makeBilling({ kind: 'onDemand', pricePerHour: 1, minimumSeconds: 0 }), startSeconds: 0, endSeconds: 18 });
    const report = buildCostReport({ ...TWO_HALF_CENTS, nodes: [shortNode('a', 'pa'), shortNode('b', 'pb')] });
    const rows = formatCostTable({ cost: summarizeCost(report) } as RunSummary)!.split('\n').slice(2);
    expect(rows).toEqual([
      '| on-demand | pa | 1 | 0.01 | 0 | 0.00 | 0.01 USD | — | 0.01 USD |',
      '| on-demand | pb | 1 | 0.00 | 0 | 0.00 | 0.00 USD | — | 0.00 USD |',
      '| on-demand | all pools | 2 | 0.01 | 0 | 0.00 | 0.01 USD | — | 0.01 USD |',
      '| **total** |  | 2 | 0.01 | 0 | 0.00 | 0.01 USD | — | 0.01 USD |',
    ]);
  });

  const MONEY: [keyof CostSummaryRow & ('cost' | 'idleCost' | 'costPerMillionRequests' | 'costPerActiveUserHour'), number][] = [
    ['cost', 2],
    ['idleCost', 2],
    ['costPerMillionRequests', 6],
    ['costPerActiveUserHour', 6],
  ];
  const scaled = (v: number, decimals: number): bigint => BigInt(Math.round(v * 10 ** decimals));
  const sum = (xs: bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);

  /** Each (figure, currency or "converted") of `parent` is the sum of the children's, when they all have it. */
  function expectFooted(parent: CostSummaryRow, children: CostSummaryRow[]): void {
    if (children.length === 0) return;
    for (const [key, decimals] of MONEY) {
      const p = parent[key] as CostSummaryFigure | undefined;
      const cs = children.map((c) => c[key] as CostSummaryFigure | undefined);
      if (p === undefined || cs.some((c) => c === undefined)) continue;
      for (const [currency, amount] of Object.entries(p.byCurrency)) {
        const parts = cs.flatMap((c) => (c!.byCurrency[currency] === undefined ? [] : [scaled(c!.byCurrency[currency]!, decimals)]));
        expect(sum(parts), `${key} ${currency}`).toBe(scaled(amount, decimals));
      }
      if (p.inReportCurrency !== undefined) expect(sum(cs.map((c) => scaled(c!.inReportCurrency!, decimals))), `${key} converted`).toBe(scaled(p.inReportCurrency, decimals));
    }
    expect(sum(children.map((c) => scaled(c.billedNodeHours, 3)))).toBe(scaled(parent.billedNodeHours, 3));
    expect(sum(children.map((c) => scaled(c.billedPodSeconds, 3)))).toBe(scaled(parent.billedPodSeconds, 3));
    if (parent.usage !== undefined && children.every((c) => c.usage !== undefined)) {
      for (const k of Object.keys(parent.usage) as (keyof NonNullable<CostSummaryRow['usage']>)[]) {
        expect(sum(children.map((c) => scaled(c.usage![k], 3))), k).toBe(scaled(parent.usage[k], 3));
      }
    }
  }

  function expectSummaryFooted(summary: CostSummary): void {
    expectFooted(summary.total, summary.classes);
    for (const c of summary.classes) expectFooted(c, summary.pools.filter((p) => p.capacityClass === c.capacityClass));
  }

  it('summary.json: pools add up to their class and classes to the total, in every figure and currency', () => {
    fc.assert(
      fc.property(costReportInput, (input) => expectSummaryFooted(summarizeCost(buildCostReport(input)))),
      { seed: 11, numRuns: 300 },
    );
  });

  it('cost.csv: the billed lines of each currency add up the same way, and match summary.json', () => {
    const columns = ['cost', 'idle_cost', 'cost_per_million_requests', 'cost_per_active_user_hour', 'billed_node_hours', 'billed_pod_seconds', 'cpu_requested_core_hours', 'cpu_allocatable_core_hours', 'cpu_used_core_hours', 'memory_requested_gib_hours', 'memory_allocatable_gib_hours', 'memory_used_gib_hours'];
    const units = (cell: string | number | undefined): bigint | undefined => (cell === '' || cell === undefined ? undefined : BigInt(String(cell).replace('.', '')));
    fc.assert(
      fc.property(costReportInput, (input) => {
        const report = buildCostReport(input);
        const lines = buildCostCsvRows(report).filter((l) => l[4] === 'billed' && l[3] !== '');
        const summary = summarizeCost(report);
        for (const currency of new Set(lines.map((l) => String(l[3])))) {
          const mine = lines.filter((l) => l[3] === currency);
          const total = mine.find((l) => l[0] === 'total')!;
          const classes = mine.filter((l) => l[0] === 'class');
          expect(total[COST_CSV_HEADER.indexOf('cost')]).toBe(summary.total.cost.byCurrency[currency]!.toFixed(2));
          for (const name of columns) {
            const i = COST_CSV_HEADER.indexOf(name);
            const check = (parent: (typeof mine)[number], children: typeof mine) => {
              const parts = children.map((l) => units(l[i]));
              if (units(parent[i]) === undefined || parts.some((p) => p === undefined)) return;
              expect(sum(parts as bigint[]), `${currency} ${name} of ${String(parent[0])} ${String(parent[1])}`).toBe(units(parent[i]));
            };
            check(total, classes);
            for (const c of classes) check(c, mine.filter((l) => l[0] === 'pool' && l[1] === c[1]));
          }
        }
      }),
      { seed: 12, numRuns: 300 },
    );
  });

  it('prints each figure within one unit of its exact value (a cent, a micro-unit)', () => {
    const within = (printed: number, exact: ExactAmount, decimals: number) => {
      const error = exactSubtract(exactFromNumber(printed), exact);
      const unit = exactFraction(1n, 10n ** BigInt(decimals));
      expect(error.numerator * unit.denominator < unit.numerator * error.denominator).toBe(true);
      expect(-error.numerator * unit.denominator < unit.numerator * error.denominator).toBe(true);
    };
    fc.assert(
      fc.property(costReportInput, (input) => {
        const report = buildCostReport(input);
        const summary = summarizeCost(report);
        const pairs: [CostRow, CostSummaryRow][] = [[report.total, summary.total], ...report.classes.map((c, i): [CostRow, CostSummaryRow] => [c, summary.classes[i]!]), ...report.pools.map((p, i): [CostRow, CostSummaryRow] => [p, summary.pools[i]!])];
        for (const [row, printed] of pairs) {
          for (const [key, decimals] of MONEY) {
            const exact = row[key];
            if (exact === undefined) continue;
            for (const m of exact.byCurrency) within((printed[key] as CostSummaryFigure).byCurrency[m.currency]!, m.amount, decimals);
            if (exact.inReportCurrency) within((printed[key] as CostSummaryFigure).inReportCurrency!, exact.inReportCurrency.amount, decimals);
          }
        }
      }),
      { seed: 13, numRuns: 200 },
    );
  });
});
