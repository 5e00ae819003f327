/**
 * The bundled price tables: every entry names its currency and source and has positive prices; the
 * registry finds instance types and virtual pricings by name; ECI and Fargate figures match the
 * published ones (docs/fidelity-spec.md §5.2).
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIRTUAL_VARIANTS,
  allInstanceTypes,
  allVirtualPricings,
  findInstancePrice,
  findInstanceType,
  findVirtualPricing,
  instanceTypeNames,
  virtualPricingVariants,
} from '../../../src/cloud/prices/registry.js';

const GIB = 1024 ** 3;

describe('instance type tables', () => {
  it.each(allInstanceTypes().map((t) => [t.name, t] as const))('%s has a shape, a currency, sources and positive prices', (_name, entry) => {
    expect(entry.vcpu).toBeGreaterThan(0);
    expect(entry.memoryGiB).toBeGreaterThan(0);
    expect(Number.isInteger(entry.maxPods) && entry.maxPods > 0).toBe(true);
    expect(entry.currency).toMatch(/^[A-Z]{3}$/);
    expect(entry.region).not.toBe('');
    expect(entry.source).toMatch(/read \d{4}-\d{2}-\d{2}/);
    expect(entry.prices.length).toBeGreaterThan(0);
    for (const price of entry.prices) {
      expect(price.pricePerHour).toBeGreaterThan(0);
      expect(price.source).toMatch(/read \d{4}-\d{2}-\d{2}/);
      expect(price.term).not.toBe('');
    }
    expect(new Set(entry.prices.map((p) => p.kind)).size).toBe(entry.prices.length);
  });

  it('has the common EKS node types, each once', () => {
    expect(instanceTypeNames()).toEqual(expect.arrayContaining(['t3.medium', 'm5.large', 'm5.xlarge', 'm5.2xlarge', 'c5.xlarge', 'r5.large']));
    expect(new Set(instanceTypeNames()).size).toBe(instanceTypeNames().length);
  });

  it('finds m5.xlarge with its on-demand and reserved prices', () => {
    const m5 = findInstanceType('m5.xlarge');
    expect(m5).toMatchObject({ vcpu: 4, memoryGiB: 16, maxPods: 58, currency: 'USD', region: 'us-east-1' });
    expect(m5 && findInstancePrice(m5, 'onDemand')?.pricePerHour).toBe(0.192);
    expect(m5 && findInstancePrice(m5, 'reserved')?.source).toContain('approximate');
    expect(m5 && findInstancePrice(m5, 'spot')).toBeUndefined();
    expect(findInstanceType('M5.XLARGE')).toBeUndefined();
  });

  it('prices reserved capacity below on-demand', () => {
    for (const entry of allInstanceTypes()) {
      const reserved = findInstancePrice(entry, 'reserved');
      const onDemand = findInstancePrice(entry, 'onDemand');
      if (reserved && onDemand) expect(reserved.pricePerHour).toBeLessThan(onDemand.pricePerHour);
    }
  });
});

describe('virtual pricing tables', () => {
  it.each(allVirtualPricings().map((p) => [`${p.provider}/${p.variant}`, p] as const))('%s has a currency, a source, positive prices and sizes', (_name, entry) => {
    const { pricing } = entry;
    expect(pricing.currency).toMatch(/^[A-Z]{3}$/);
    expect(pricing.source).toMatch(/read \d{4}-\d{2}-\d{2}/);
    expect(pricing.pricePerVcpuSecond).toBeGreaterThan(0);
    expect(pricing.pricePerGibSecond).toBeGreaterThan(0);
    expect(pricing.minimumSeconds).toBeGreaterThanOrEqual(0);
    expect(pricing.sizes.length).toBeGreaterThan(0);
    for (const size of pricing.sizes) expect(size.cpuMillicores > 0 && size.memoryBytes > 0).toBe(true);
    const order = pricing.sizes.map((s) => [s.cpuMillicores, s.memoryBytes]);
    expect(order).toEqual([...order].sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number)));
  });

  it('ECI: 2 vCPU + 4 GiB costs 0.00012252 CNY per second (DescribeContainerGroupPrice example)', () => {
    const eci = findVirtualPricing('eci')?.pricing;
    expect(eci?.currency).toBe('CNY');
    const perSecond = 2 * (eci?.pricePerVcpuSecond ?? 0) + 4 * (eci?.pricePerGibSecond ?? 0);
    expect(perSecond).toBeCloseTo(0.00012252, 12);
    expect(eci?.sizes).toContainEqual({ cpuMillicores: 2000, memoryBytes: 4 * GIB });
    expect(eci?.sizes).toContainEqual({ cpuMillicores: 64000, memoryBytes: 512 * GIB });
    expect(eci?.minimumSeconds).toBe(0);
  });

  it('ECI economy: cheaper vCPU, same memory price, up to 8 vCPU', () => {
    const economy = findVirtualPricing('eci', 'economy')?.pricing;
    expect(economy?.pricePerVcpuSecond).toBe(0.000027);
    expect(economy?.pricePerGibSecond).toBe(findVirtualPricing('eci')?.pricing.pricePerGibSecond);
    expect(Math.max(...(economy?.sizes ?? []).map((s) => s.cpuMillicores))).toBe(8000);
  });

  it('Fargate: hourly prices per second, 1-minute minimum, 256 MiB overhead, the EKS size table', () => {
    const x86 = findVirtualPricing('fargate')?.pricing;
    expect((x86?.pricePerVcpuSecond ?? 0) * 3600).toBeCloseTo(0.04048, 10);
    expect((x86?.pricePerGibSecond ?? 0) * 3600).toBeCloseTo(0.004445, 10);
    expect(x86).toMatchObject({ currency: 'USD', minimumSeconds: 60, memoryOverheadBytes: 256 * 1024 ** 2 });
    expect(x86?.sizes[0]).toEqual({ cpuMillicores: 250, memoryBytes: 0.5 * GIB });
    expect(x86?.sizes.filter((s) => s.cpuMillicores === 4000).map((s) => s.memoryBytes / GIB)).toEqual(Array.from({ length: 23 }, (_, i) => 8 + i));
    expect(x86?.sizes).toHaveLength(3 + 4 + 7 + 13 + 23);
    expect((findVirtualPricing('fargate', 'arm')?.pricing.pricePerVcpuSecond ?? 0) * 3600).toBeCloseTo(0.03238, 10);
  });

  it('has no ACI table, and default variants for the others', () => {
    expect(findVirtualPricing('aci')).toBeUndefined();
    expect(virtualPricingVariants('aci')).toEqual([]);
    expect(DEFAULT_VIRTUAL_VARIANTS).toEqual({ eci: 'general', fargate: 'x86' });
    expect(findVirtualPricing('eci', 'nope')).toBeUndefined();
  });
});
