import { describe, expect, it } from 'vitest';
import type { VirtualPricing } from '../../src/cloud/types.js';
import { exactFromNumber } from '../../src/units/exact-amount.js';
import { calculateVirtualPricePerSecond } from '../../src/cloud/virtual-price.js';
import { coversVirtualRequests, roundUpToVirtualSize } from '../../src/cloud/virtual-size.js';
import { findVirtualPricing } from '../../src/cloud/prices/registry.js';
import { ECI_PRICING, FARGATE_PRICING, GIB, MIB } from '../report/cost/cost-fixtures.js';

describe('ECI price per second (§5.2)', () => {
  it('2 vCPU + 4 GiB = 0.00012252 CNY per second (DescribeContainerGroupPrice example)', () => {
    const price = calculateVirtualPricePerSecond({ cpuMillicores: 2000, memoryBytes: 4 * GIB }, ECI_PRICING);
    expect(price).toEqual(exactFromNumber(0.00012252));
  });
});

describe('roundUpToVirtualSize: ECI (no overhead)', () => {
  it.each([
    ['exact 2 vCPU + 4 GiB is kept', 2000, 4 * GIB, 2000, 4 * GIB, 'ExactFit'],
    ['1.5 vCPU + 3 GiB rounds up to 2 vCPU + 4 GiB', 1500, 3 * GIB, 2000, 4 * GIB, 'RoundedUp'],
    ['a tiny pod gets the smallest size', 100, 100 * MIB, 250, 0.5 * GIB, 'RoundedUp'],
    ['2 vCPU + 1 GiB is a valid size', 2000, GIB, 2000, GIB, 'ExactFit'],
    ['memory-heavy 1 vCPU + 8.5 GiB goes to 2 vCPU + 16 GiB, the cheapest cover', 1000, 8.5 * GIB, 2000, 16 * GIB, 'RoundedUp'],
    ['cpu-heavy 3 vCPU + 1 GiB goes to 4 vCPU + 4 GiB', 3000, GIB, 4000, 4 * GIB, 'RoundedUp'],
  ])('%s', (_name, cpuMillicores, memoryBytes, sizeCpu, sizeMemory, reason) => {
    const result = roundUpToVirtualSize({ cpuMillicores, memoryBytes }, ECI_PRICING);
    expect(result).toMatchObject({ size: { cpuMillicores: sizeCpu, memoryBytes: sizeMemory }, reason });
  });

  it('no size covers 64 vCPU → error naming the requests', () => {
    const result = roundUpToVirtualSize({ cpuMillicores: 64_000, memoryBytes: GIB }, ECI_PRICING);
    expect(result).toEqual({ error: expect.stringContaining('64000 millicores') });
  });
});

describe('roundUpToVirtualSize: Fargate (256 MiB overhead first)', () => {
  it.each([
    ['0.25 vCPU + 0.5 GiB + 256 MiB = 0.75 GiB → 0.25 vCPU + 1 GiB', 250, 512 * MIB, 250, GIB, 'RoundedUp'],
    ['0.25 vCPU + 1792 MiB + 256 MiB = 2 GiB exactly', 250, 1792 * MIB, 250, 2 * GIB, 'ExactFit'],
    ['0.25 vCPU + 2 GiB + overhead leaves 0.25 vCPU: 0.5 vCPU + 3 GiB', 250, 2 * GIB, 500, 3 * GIB, 'RoundedUp'],
    ['1 vCPU + 2 GiB + overhead → 1 vCPU + 3 GiB', 1000, 2 * GIB, 1000, 3 * GIB, 'RoundedUp'],
  ])('%s', (_name, cpuMillicores, memoryBytes, sizeCpu, sizeMemory, reason) => {
    const result = roundUpToVirtualSize({ cpuMillicores, memoryBytes }, FARGATE_PRICING);
    expect(result).toMatchObject({ size: { cpuMillicores: sizeCpu, memoryBytes: sizeMemory }, reason });
  });

  it('4 vCPU + 30 GiB does not fit once the overhead is added (largest 4 vCPU size is 30 GiB)', () => {
    expect(roundUpToVirtualSize({ cpuMillicores: 4000, memoryBytes: 30 * GIB }, FARGATE_PRICING)).toHaveProperty('error');
  });
});

describe('roundUpToVirtualSize: ties', () => {
  const flat = (over: Partial<VirtualPricing>): VirtualPricing => ({ ...ECI_PRICING, ...over });

  it('equal price → fewer vCPU (cpu free of charge)', () => {
    const result = roundUpToVirtualSize({ cpuMillicores: 500, memoryBytes: 4 * GIB }, flat({ pricePerVcpuSecond: 0 }));
    expect(result).toMatchObject({ size: { cpuMillicores: 1000, memoryBytes: 4 * GIB } });
  });

  it('equal price and vCPU → less memory (memory free of charge)', () => {
    const result = roundUpToVirtualSize({ cpuMillicores: 2000, memoryBytes: 3 * GIB }, flat({ pricePerGibSecond: 0 }));
    expect(result).toMatchObject({ size: { cpuMillicores: 2000, memoryBytes: 4 * GIB } });
  });

  it('the order of the size list does not matter', () => {
    const reversed = flat({ sizes: [...ECI_PRICING.sizes].reverse() });
    const a = roundUpToVirtualSize({ cpuMillicores: 1500, memoryBytes: 3 * GIB }, ECI_PRICING);
    const b = roundUpToVirtualSize({ cpuMillicores: 1500, memoryBytes: 3 * GIB }, reversed);
    expect(b).toEqual(a);
  });
});

describe('coversVirtualRequests: whether the provider can create the pod at all', () => {
  it.each([
    ['ECI 4 vCPU + 32 GiB (the largest size of the test table)', ECI_PRICING, 4000, 32 * GIB, true],
    ['ECI 4.001 vCPU: no size', ECI_PRICING, 4001, GIB, false],
    ['ECI 1 vCPU + 33 GiB: no size', ECI_PRICING, 1000, 33 * GIB, false],
    ['Fargate 4 vCPU + 29.75 GiB: 30 GiB with the 256 MiB overhead', FARGATE_PRICING, 4000, 30 * GIB - 256 * MIB, true],
    ['Fargate 4 vCPU + 30 GiB: over once the overhead is added', FARGATE_PRICING, 4000, 30 * GIB, false],
  ])('%s', (_name, pricing, cpuMillicores, memoryBytes, covered) => {
    expect(coversVirtualRequests({ cpuMillicores, memoryBytes }, pricing)).toBe(covered);
    // The same rule as roundUpToVirtualSize's: covered exactly when it finds a size.
    expect('size' in roundUpToVirtualSize({ cpuMillicores, memoryBytes }, pricing)).toBe(covered);
  });
});

describe('roundUpToVirtualSize: a pod without requests', () => {
  const eci = { ...ECI_PRICING, noRequestsDefault: { cpuMillicores: 2000, memoryBytes: 4 * GIB } };
  it.each([
    ['ECI: no cpu and no memory → the 2 vCPU + 4 GiB default', eci, 0, 0, 2000, 4 * GIB, 'NoRequestsDefault'],
    ['ECI: memory only is a request, rounded up as usual', eci, 0, 100 * MIB, 250, 0.5 * GIB, 'RoundedUp'],
    ['ECI: cpu only is a request, rounded up as usual', eci, 100, 0, 250, 0.5 * GIB, 'RoundedUp'],
    ['Fargate (no default): the smallest size after the overhead', FARGATE_PRICING, 0, 0, 250, 0.5 * GIB, 'RoundedUp'],
  ])('%s', (_name, pricing, cpuMillicores, memoryBytes, sizeCpu, sizeMemory, reason) => {
    expect(roundUpToVirtualSize({ cpuMillicores, memoryBytes }, pricing)).toMatchObject({ size: { cpuMillicores: sizeCpu, memoryBytes: sizeMemory }, reason });
  });

  it('the bundled ECI tables carry the default, the Fargate tables do not', () => {
    expect(findVirtualPricing('eci')?.pricing.noRequestsDefault).toEqual({ cpuMillicores: 2000, memoryBytes: 4 * GIB });
    expect(findVirtualPricing('eci', 'economy')?.pricing.noRequestsDefault).toEqual({ cpuMillicores: 2000, memoryBytes: 4 * GIB });
    expect(findVirtualPricing('fargate')?.pricing.noRequestsDefault).toBeUndefined();
  });
});
