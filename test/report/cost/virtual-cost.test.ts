import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactCompare, exactFromNumber, exactMultiply } from '../../../src/units/exact-amount.js';
import { calculateVirtualPodCost } from '../../../src/report/cost/virtual-cost.js';
import { calculateVirtualPricePerSecond } from '../../../src/cloud/virtual-price.js';
import { ECI_PRICING, FARGATE_PRICING, GIB, makeVirtualRecord } from './cost-fixtures.js';

const ECI_2_4 = { cpuMillicores: 2000, memoryBytes: 4 * GIB };
const FARGATE_025_1 = { cpuMillicores: 250, memoryBytes: GIB };

describe('calculateVirtualPodCost', () => {
  it.each([
    ['ECI: 100 s at 0.00012252 CNY/s', ECI_PRICING, ECI_2_4, 0, 100, 100, 'ExactLife'],
    ['ECI: no minimum, 5 s is 5 s', ECI_PRICING, ECI_2_4, 10, 15, 5, 'ExactLife'],
    ['ECI: a partial second is rounded up', ECI_PRICING, ECI_2_4, 0, 4.2, 5, 'RoundedUpToGranularity'],
    ['ECI: still running at the end → billed to runSeconds', ECI_PRICING, ECI_2_4, 3000, undefined, 600, 'ExactLife'],
    ['Fargate: 20 s pays the 60 s minimum', FARGATE_PRICING, FARGATE_025_1, 0, 20, 60, 'MinimumBilled'],
    ['Fargate: 61 s is 61 s', FARGATE_PRICING, FARGATE_025_1, 100, 161, 61, 'ExactLife'],
    ['Fargate: gone in its sandbox phase, before its image pull started, pays nothing', FARGATE_PRICING, FARGATE_025_1, 108, 105, 0, 'PullNotStarted'],
    ['Fargate: its image pull not started when the run ends pays nothing in the run', FARGATE_PRICING, FARGATE_025_1, 3600, undefined, 0, 'PullNotStarted'],
    ['ECI: gone before its image pull started pays nothing', ECI_PRICING, ECI_2_4, 108, 105, 0, 'PullNotStarted'],
  ] as const)('%s', (_name, pricing, size, startSeconds, endSeconds, billedSeconds, reason) => {
    const result = calculateVirtualPodCost(makeVirtualRecord({ pricing, size, startSeconds, endSeconds }), 3600);
    expect(result.billedSeconds).toEqual(exactFromNumber(billedSeconds));
    const expected = exactMultiply(exactFromNumber(billedSeconds), calculateVirtualPricePerSecond(size, pricing));
    expect(result.cost).toEqual({ currency: pricing.currency, amount: expected });
    expect(result.reason).toBe(reason);
  });

  it('ECI 2 vCPU + 4 GiB for one hour = 0.441072 CNY', () => {
    const result = calculateVirtualPodCost(makeVirtualRecord({ startSeconds: 0, endSeconds: 3600 }), 3600);
    expect(result.cost.amount).toEqual(exactFromNumber(0.441072));
  });

  it('Fargate 0.25 vCPU + 1 GiB for one hour = 0.04048/4 + 0.004445 USD', () => {
    const record = makeVirtualRecord({ pricing: FARGATE_PRICING, size: FARGATE_025_1, startSeconds: 0, endSeconds: 3600 });
    const cost = calculateVirtualPodCost(record, 3600).cost.amount;
    // The per-second prices are the hourly ones ÷ 3600 as floats; compare at micro-unit precision.
    expect(Number(cost.numerator) / Number(cost.denominator)).toBeCloseTo(0.01012 + 0.004445, 9);
  });
});

describe('properties', () => {
  it('cost is monotone in the life (with and without a minimum)', () => {
    const life = fc.integer({ min: 0, max: 50_000 }).map((n) => n / 10);
    fc.assert(
      fc.property(fc.constantFrom(ECI_PRICING, FARGATE_PRICING), life, life, (pricing, a, b) => {
        const [short, long] = a <= b ? [a, b] : [b, a];
        const cost = (l: number) =>
          calculateVirtualPodCost(makeVirtualRecord({ pricing, size: pricing.sizes[3]!, startSeconds: 0, endSeconds: l }), 10_000).cost.amount;
        expect(exactCompare(cost(short), cost(long))).toBeLessThanOrEqual(0);
      }),
      { seed: 17, numRuns: 300 },
    );
  });
});
