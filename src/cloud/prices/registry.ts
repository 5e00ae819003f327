/**
 * The bundled price tables by name: instance types (findInstanceType) and per-pod prices of
 * virtual burst providers by provider and variant (findVirtualPricing). Adding a table is one data
 * module plus one line here, and a row in ./README.md. Azure ACI has no bundled table (./README.md).
 */
import type { BillingKind, VirtualProvider } from '../types.js';
import { ALIBABA_ECI_CN } from './alibaba-eci-cn.js';
import { AWS_EC2_US_EAST_1 } from './aws-ec2-us-east-1.js';
import { AWS_FARGATE_US_EAST_1 } from './aws-fargate-us-east-1.js';
import type { InstancePrice, InstanceTypeEntry, VirtualPricingEntry } from './types.js';

export type { InstancePrice, InstanceTypeEntry, VirtualPricingEntry } from './types.js';

const INSTANCE_TYPES: readonly InstanceTypeEntry[] = [...AWS_EC2_US_EAST_1];

const VIRTUAL_PRICINGS: readonly VirtualPricingEntry[] = [...ALIBABA_ECI_CN, ...AWS_FARGATE_US_EAST_1];

/** The variant `pricing: default` means, per provider (none for a provider without a bundled table). */
export const DEFAULT_VIRTUAL_VARIANTS: Readonly<Partial<Record<VirtualProvider, string>>> = Object.freeze({
  /** ECI without a compute category is billed at the general unit prices. */
  eci: 'general',
  /** EKS Fargate pods run on x86. */
  fargate: 'x86',
});

/** Every bundled instance type, in table order. */
export function allInstanceTypes(): readonly InstanceTypeEntry[] {
  return INSTANCE_TYPES;
}

/** The bundled instance type called `name` (exact, case-sensitive as the cloud spells it), or undefined. */
export function findInstanceType(name: string): InstanceTypeEntry | undefined {
  return INSTANCE_TYPES.find((t) => t.name === name);
}

/** Names of every bundled instance type, for "did you mean" hints. */
export function instanceTypeNames(): string[] {
  return INSTANCE_TYPES.map((t) => t.name);
}

/** The bundled hourly price of `entry` for a billing kind, or undefined when the table has none. */
export function findInstancePrice(entry: InstanceTypeEntry, kind: BillingKind): InstancePrice | undefined {
  return entry.prices.find((p) => p.kind === kind);
}

/** Every bundled virtual pricing, in table order. */
export function allVirtualPricings(): readonly VirtualPricingEntry[] {
  return VIRTUAL_PRICINGS;
}

/**
 * The bundled per-pod pricing of `provider` in `variant` (default: DEFAULT_VIRTUAL_VARIANTS), or
 * undefined when there is none (Azure ACI, or an unknown variant).
 */
export function findVirtualPricing(provider: VirtualProvider, variant?: string): VirtualPricingEntry | undefined {
  const wanted = variant ?? DEFAULT_VIRTUAL_VARIANTS[provider];
  return VIRTUAL_PRICINGS.find((p) => p.provider === provider && p.variant === wanted);
}

/** The bundled variants of `provider` (empty when it has no table). */
export function virtualPricingVariants(provider: VirtualProvider): string[] {
  return VIRTUAL_PRICINGS.filter((p) => p.provider === provider).map((p) => p.variant);
}
