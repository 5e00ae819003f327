/**
 * Shapes of the bundled price tables: instance types of a cloud (shape, max pods, hourly prices by
 * billing kind) and per-pod prices of virtual burst pools. Every figure carries its currency and a
 * `source` saying where it was read and when, or that it could not be verified.
 */
import type { BillingKind, Currency, VirtualPricing, VirtualProvider } from '../types.js';

/** One hourly price of an instance type for one billing kind. */
export interface InstancePrice {
  kind: BillingKind;
  /** onDemand/spot: the hourly price; reserved: the effective hourly price of the commitment. */
  pricePerHour: number;
  /** What the price is exactly (e.g. "1-year Standard Reserved Instance, No Upfront"). */
  term: string;
  /** Where the figure comes from and when it was read. */
  source: string;
}

/** A VM instance type of a bundled table. */
export interface InstanceTypeEntry {
  name: string;
  provider: 'aws';
  region: string;
  os: 'Linux';
  vcpu: number;
  memoryGiB: number;
  /** Pods one node runs at most (EKS: the VPC CNI ENI limit, eni-max-pods.txt). */
  maxPods: number;
  currency: Currency;
  /** Prices by billing kind; a kind that is missing has no bundled price (give it in the scenario). */
  prices: InstancePrice[];
  /** Where the shape (vCPU, memory) and max pods come from. */
  source: string;
}

/** A bundled per-pod price table of a virtual burst provider, in one variant (x86, arm, economy…). */
export interface VirtualPricingEntry {
  provider: VirtualProvider;
  variant: string;
  region: string;
  pricing: VirtualPricing;
  /** Anything the figures do not say (an approximation, a region, a feature not modelled). */
  caveats: string[];
}
