/** Price tables and record builders shared by the cost tests (docs/fidelity-spec.md §5.2 prices). */
import type { NodeBilling, NodeBillingRecord, VirtualPodBillingRecord, VirtualPodSize, VirtualPricing } from '../../../src/cloud/types.js';

export const GIB = 2 ** 30;
export const MIB = 2 ** 20;

const size = (vcpu: number, gib: number): VirtualPodSize => ({ cpuMillicores: vcpu * 1000, memoryBytes: gib * GIB });

/** Alibaba ECI (Chinese mainland, CNY): per second, no minimum, no overhead. */
export const ECI_PRICING: VirtualPricing = {
  currency: 'CNY',
  pricePerVcpuSecond: 0.000049,
  pricePerGibSecond: 0.00000613,
  minimumSeconds: 0,
  memoryOverheadBytes: 0,
  sizes: [
    size(0.25, 0.5), size(0.25, 1),
    size(0.5, 1), size(0.5, 2),
    size(1, 2), size(1, 4), size(1, 8),
    size(2, 1), size(2, 2), size(2, 4), size(2, 8), size(2, 16),
    size(4, 4), size(4, 8), size(4, 16), size(4, 32),
  ],
  source: 'test: ECI CNY',
};

const fargateSizes: VirtualPodSize[] = [
  ...[0.5, 1, 2].map((g) => size(0.25, g)),
  ...[1, 2, 3, 4].map((g) => size(0.5, g)),
  ...[2, 3, 4, 5, 6, 7, 8].map((g) => size(1, g)),
  ...Array.from({ length: 13 }, (_, i) => size(2, 4 + i)),
  ...Array.from({ length: 23 }, (_, i) => size(4, 8 + i)),
];

/** AWS Fargate us-east-1 Linux/x86 (USD): per second, 60 s minimum, 256 MiB overhead. */
export const FARGATE_PRICING: VirtualPricing = {
  currency: 'USD',
  pricePerVcpuSecond: 0.04048 / 3600,
  pricePerGibSecond: 0.004445 / 3600,
  minimumSeconds: 60,
  memoryOverheadBytes: 256 * MIB,
  sizes: fargateSizes,
  source: 'test: Fargate USD',
};

export function makeBilling(over: Partial<NodeBilling> = {}): NodeBilling {
  return { kind: 'onDemand', currency: 'USD', pricePerHour: 0.36, granularitySeconds: 1, minimumSeconds: 60, source: 'test', ...over };
}

/** A node record; its capacity exists from its request (no boot) unless `joinedSeconds` says otherwise. */
export function makeNodeRecord(over: Partial<NodeBillingRecord> = {}): NodeBillingRecord {
  return {
    node: 'n0',
    pool: 'pool',
    billing: makeBilling(),
    startSeconds: 0,
    endSeconds: undefined,
    cpuMillicores: 4000,
    memoryBytes: 16 * GIB,
    ...over,
    joinedSeconds: 'joinedSeconds' in over ? over.joinedSeconds : (over.startSeconds ?? 0),
  };
}

export function makeVirtualRecord(over: Partial<VirtualPodBillingRecord> = {}): VirtualPodBillingRecord {
  return {
    pod: 'p0',
    workload: 'web',
    pool: 'eci',
    pricing: ECI_PRICING,
    size: size(2, 4),
    startSeconds: 0,
    endSeconds: undefined,
    ...over,
  };
}
