import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCostReport } from '../../../src/report/cost/cost-report.js';
import type { CostRow } from '../../../src/report/cost/cost-rows.js';
import {
  EXACT_ZERO,
  exactAdd,
  exactCompare,
  exactDivide,
  exactFraction,
  exactFromNumber,
  exactMultiply,
  type ExactAmount,
} from '../../../src/units/exact-amount.js';
import { convert, findRate, sumMoney, type Money } from '../../../src/report/cost/money.js';
import { calculateVirtualPricePerSecond } from '../../../src/cloud/virtual-price.js';
import { costReportInput } from './cost-report-arbitraries.js';

const RUNS = { seed: 2024, numRuns: 300 };
const rowKey = (r: CostRow) => `${r.capacityClass}/${r.pool}`;

describe('cost report invariants', () => {
  it('Σ class rows = total and Σ pool rows of a class = the class row, exactly per currency', () => {
    fc.assert(
      fc.property(costReportInput, (input) => {
        const report = buildCostReport(input);
        expect(sumMoney(report.classes.flatMap((c) => c.cost.byCurrency))).toEqual(report.total.cost.byCurrency);
        for (const classRow of report.classes) {
          const pools = report.pools.filter((p) => p.capacityClass === classRow.capacityClass);
          expect(sumMoney(pools.flatMap((p) => p.cost.byCurrency))).toEqual(classRow.cost.byCurrency);
          expect(pools.reduce((n, p) => n + p.nodeCount + p.podCount, 0)).toBe(classRow.nodeCount + classRow.podCount);
        }
        expect(report.total.nodeCount).toBe(input.nodes.length);
        expect(report.total.podCount).toBe(input.virtualPods.length);
      }),
      RUNS,
    );
  });

  it('each pool row = Σ price × billed time of its records', () => {
    fc.assert(
      fc.property(costReportInput, (input) => {
        const report = buildCostReport(input);
        const expected = new Map<string, Money[]>();
        const add = (key: string, money: Money) => expected.set(key, [...(expected.get(key) ?? []), money]);
        for (const record of input.nodes) {
          const billed = report.nodes.find((n) => n.node === record.node)!.billedSeconds;
          const perSecond = exactDivide(exactFromNumber(record.billing.pricePerHour), exactFraction(3600n, 1n));
          add(`${record.billing.kind}/${record.pool}`, { currency: record.billing.currency, amount: exactMultiply(perSecond, billed) });
        }
        for (const record of input.virtualPods) {
          const billed = report.virtualPods.find((p) => p.pod === record.pod)!.billedSeconds;
          const perSecond = calculateVirtualPricePerSecond(record.size, record.pricing);
          add(`virtual/${record.pool}`, { currency: record.pricing.currency, amount: exactMultiply(perSecond, billed) });
        }
        expect(report.pools.map(rowKey).sort()).toEqual([...expected.keys()].sort());
        for (const row of report.pools) expect(row.cost.byCurrency).toEqual(sumMoney(expected.get(rowKey(row))!));
      }),
      RUNS,
    );
  });

  it('currencies are never added without a rate: converted only when every currency has one', () => {
    fc.assert(
      fc.property(costReportInput, (input) => {
        const report = buildCostReport(input);
        const currencies = new Set([...input.nodes.map((n) => n.billing.currency), ...input.virtualPods.map((p) => p.pricing.currency)]);
        expect(report.total.cost.byCurrency.map((m) => m.currency)).toEqual([...currencies].sort());
        const to = input.reportCurrency;
        const convertible = to !== undefined && [...currencies].every((c) => findRate(c, to, input.rates) !== undefined);
        if (!convertible) {
          expect(report.total.cost.inReportCurrency).toBeUndefined();
          return;
        }
        let sum: ExactAmount = EXACT_ZERO;
        for (const m of report.total.cost.byCurrency) sum = exactAdd(sum, convert(m.amount, m.currency, to, input.rates)!);
        expect(report.total.cost.inReportCurrency).toEqual({ currency: to, amount: sum });
      }),
      RUNS,
    );
  });

  it('idle cost lies between 0 and the cost, and adds up like the cost', () => {
    fc.assert(
      fc.property(costReportInput, (input) => {
        const report = buildCostReport(input);
        for (const row of [...report.pools, ...report.classes, report.total]) {
          if (row.idleCost === undefined) continue;
          row.idleCost.byCurrency.forEach((idle, i) => {
            const cost = row.cost.byCurrency[i]!;
            expect(idle.currency).toBe(cost.currency);
            expect(exactCompare(idle.amount, EXACT_ZERO)).toBeGreaterThanOrEqual(0);
            expect(exactCompare(idle.amount, cost.amount)).toBeLessThanOrEqual(0);
          });
        }
        const classIdle = report.classes.map((c) => c.idleCost);
        if (classIdle.every((f) => f !== undefined)) {
          expect(sumMoney(classIdle.flatMap((f) => f!.byCurrency))).toEqual(report.total.idleCost?.byCurrency);
        } else {
          expect(report.total.idleCost).toBeUndefined();
        }
      }),
      RUNS,
    );
  });

  it('cost per million requests = cost × 10^6 ÷ served requests', () => {
    fc.assert(
      fc.property(costReportInput, (input) => {
        const { total } = buildCostReport(input);
        if (input.servedRequests === 0) {
          expect(total.costPerMillionRequests).toBeUndefined();
          return;
        }
        const factor = exactFraction(1_000_000n, BigInt(input.servedRequests));
        expect(total.costPerMillionRequests?.byCurrency).toEqual(
          total.cost.byCurrency.map((m) => ({ currency: m.currency, amount: exactMultiply(m.amount, factor) })),
        );
      }),
      RUNS,
    );
  });
});
