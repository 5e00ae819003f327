/**
 * scenario.yaml `spec.nodePools[].virtual`: a virtual-kubelet burst pool (Alibaba ECI, Azure ACI,
 * AWS Fargate): the provider, its per-pod pricing (a bundled table or explicit prices and sizes),
 * pod start-up latency, quotas and stock-out windows. Defaults: VIRTUAL_POOL_DEFAULTS.
 */
import { z } from 'zod';
import { cpuMillicores, currencyCode, durationSeconds, memoryBytes, nonNegativeNumber, positiveInteger } from './fields.js';

export const VIRTUAL_PROVIDERS = ['eci', 'aci', 'fargate'] as const;

export const VirtualPodSizeSchema = z.strictObject({
  cpu: cpuMillicores(),
  memory: memoryBytes(),
});

export const ExplicitVirtualPricingSchema = z.strictObject({
  currency: currencyCode(),
  pricePerVcpuSecond: nonNegativeNumber('price per vCPU-second, in `currency`'),
  pricePerGibSecond: nonNegativeNumber('price per GiB-second of memory, in `currency`'),
  minimum: durationSeconds('minimum').optional(),
  memoryOverhead: memoryBytes().optional(),
  sizes: z.array(VirtualPodSizeSchema).min(1).describe('a list of the {cpu, memory} sizes the provider sells (at least one)'),
});

export const VirtualStartupSchema = z.strictObject({
  sandbox: durationSeconds('sandbox').optional(),
  imagePull: durationSeconds('imagePull').optional(),
  cachedImagePull: durationSeconds('cachedImagePull').optional(),
  containerStart: durationSeconds('containerStart').optional(),
});

export const StockOutSchema = z.strictObject({
  from: durationSeconds('from'),
  to: durationSeconds('to'),
});

export const VirtualPoolSchema = z.strictObject({
  provider: z.enum(VIRTUAL_PROVIDERS).describe('eci, aci or fargate'),
  pricing: z
    .union([z.string().min(1), ExplicitVirtualPricingSchema])
    .default('default')
    .describe('"default", a bundled variant name, or {currency, pricePerVcpuSecond, pricePerGibSecond, minimum, memoryOverhead, sizes}'),
  imageCache: z.boolean().optional().describe('true or false'),
  startup: VirtualStartupSchema.optional(),
  maxPods: positiveInteger('pods the provider runs at once').optional(),
  maxCpu: cpuMillicores().optional(),
  stockOuts: z.array(StockOutSchema).default([]).describe('a list of {from, to} windows since t = 0'),
});

export type VirtualPoolInput = z.output<typeof VirtualPoolSchema>;
export type ExplicitVirtualPricingInput = z.output<typeof ExplicitVirtualPricingSchema>;
