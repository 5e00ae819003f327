/** fast-check generators of cost-report inputs: nodes and virtual pods in several pools and currencies. */
import fc from 'fast-check';
import type { BillingKind, NodeBillingRecord, VirtualPodBillingRecord, VirtualPricing } from '../../../src/cloud/types.js';
import type { CostReportInput } from '../../../src/report/cost/cost-report.js';
import type { PoolUsage } from '../../../src/report/cost/cost-usage.js';
import type { ExchangeRate } from '../../../src/report/cost/money.js';
import { ECI_PRICING, FARGATE_PRICING, makeBilling, makeNodeRecord, makeVirtualRecord } from './cost-fixtures.js';

export const RUN_SECONDS = 7200;
export const CURRENCIES = ['CNY', 'EUR', 'USD'] as const;

const tenths = (max: number) => fc.integer({ min: 0, max: max * 10 }).map((n) => n / 10);
const life = fc.tuple(tenths(RUN_SECONDS), fc.option(tenths(RUN_SECONDS), { nil: undefined })).map(([a, b]) =>
  b === undefined ? { startSeconds: a, endSeconds: undefined } : { startSeconds: Math.min(a, b), endSeconds: Math.max(a, b) },
);

const nodeRecord = fc
  .record({
    kind: fc.constantFrom<BillingKind>('reserved', 'onDemand', 'spot'),
    pool: fc.constantFrom('a', 'b', 'c'),
    currency: fc.constantFrom(...CURRENCIES),
    pricePerHour: fc.integer({ min: 0, max: 50_000 }).map((n) => n / 10_000),
    granularitySeconds: fc.constantFrom(1, 60, 3600),
    minimumSeconds: fc.constantFrom(0, 60),
    life,
  })
  .map(
    (r): Omit<NodeBillingRecord, 'node'> =>
      makeNodeRecord({
        pool: `${r.kind}-${r.pool}`,
        billing: makeBilling({ kind: r.kind, currency: r.currency, pricePerHour: r.pricePerHour, granularitySeconds: r.granularitySeconds, minimumSeconds: r.minimumSeconds }),
        ...r.life,
      }),
  );

const virtualPricing = fc
  .tuple(fc.constantFrom(ECI_PRICING, FARGATE_PRICING), fc.constantFrom(...CURRENCIES))
  .map(([p, currency]): VirtualPricing => ({ ...p, currency }));

const virtualRecord = fc
  .record({ pricing: virtualPricing, sizeIndex: fc.nat(), pool: fc.constantFrom('eci', 'fargate'), life })
  .map(
    (r): Omit<VirtualPodBillingRecord, 'pod'> =>
      makeVirtualRecord({ pricing: r.pricing, size: r.pricing.sizes[r.sizeIndex % r.pricing.sizes.length]!, pool: r.pool, ...r.life }),
  );

const usage = (pool: string) =>
  fc
    .record({
      cpuRequestedMillicoreSeconds: fc.integer({ min: 0, max: 10 ** 9 }),
      cpuUsedMillicoreSeconds: fc.integer({ min: 0, max: 10 ** 9 }),
      cpuAllocatableMillicoreSeconds: fc.integer({ min: 0, max: 10 ** 9 }),
      memoryRequestedByteSeconds: fc.integer({ min: 0, max: 2 ** 50 }),
      memoryUsedByteSeconds: fc.integer({ min: 0, max: 2 ** 50 }),
      memoryAllocatableByteSeconds: fc.integer({ min: 0, max: 2 ** 50 }),
    })
    .map((u): PoolUsage => ({ pool, ...u }));

const POOLS = ['reserved-a', 'onDemand-a', 'onDemand-b', 'spot-c', 'eci', 'fargate'];

const rate = fc.record({
  from: fc.constantFrom(...CURRENCIES),
  to: fc.constantFrom(...CURRENCIES),
  rate: fc.integer({ min: 1, max: 100_000 }).map((n) => n / 1000),
});

export const costReportInput: fc.Arbitrary<CostReportInput> = fc
  .record({
    nodes: fc.array(nodeRecord, { maxLength: 12 }),
    virtualPods: fc.array(virtualRecord, { maxLength: 12 }),
    usage: fc.subarray(POOLS).chain((pools) => fc.tuple(...pools.map(usage))),
    servedRequests: fc.integer({ min: 0, max: 10 ** 7 }),
    activeUserSeconds: fc.option(fc.integer({ min: 0, max: 10 ** 6 }), { nil: undefined }),
    rates: fc.array(rate, { maxLength: 4 }) as fc.Arbitrary<ExchangeRate[]>,
    reportCurrency: fc.option(fc.constantFrom(...CURRENCIES), { nil: undefined }),
  })
  .map((input) => ({
    runSeconds: RUN_SECONDS,
    ...input,
    nodes: input.nodes.map((n, i) => ({ ...n, node: `n${i}` })),
    virtualPods: input.virtualPods.map((p, i) => ({ ...p, pod: `p${i}` })),
  }));
