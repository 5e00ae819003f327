/**
 * scenario.yaml `spec.nodePools[]`: groups of identical nodes (allocatable cpu/memory, max pods,
 * labels and taints as a kubelet would register them), their size bounds for the cluster-autoscaler,
 * boot time, billing, and virtual burst pools. Cross-field rules and defaults that depend on the
 * price tables are applied in ../node-pools/resolve-node-pools.ts.
 */
import { z } from 'zod';
import { BillingSchema } from './billing-schema.js';
import { cpuMillicores, durationSeconds, memoryBytes, nonNegativeInteger, positiveInteger, stringMap } from './fields.js';
import { VirtualPoolSchema } from './virtual-pool-schema.js';

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

export const TaintSchema = z.strictObject({
  key: z.string().min(1).describe('the taint key'),
  value: z.string().optional(),
  effect: z.enum(TAINT_EFFECTS).describe('NoSchedule, PreferNoSchedule or NoExecute'),
});

/** A single duration (fixed boot time) or {min, max}, both → seconds {min, max}. */
export const BootTimeSchema = z
  .union([
    durationSeconds('bootTime'),
    z.strictObject({ min: durationSeconds('bootTime.min'), max: durationSeconds('bootTime.max') }),
  ])
  .transform((v) => (typeof v === 'number' ? { min: v, max: v } : v))
  .describe('a duration such as 90s, or {min: 60s, max: 120s}');

export const NodePoolSchema = z.strictObject({
  name: z.string().min(1).describe('the pool name'),
  /** Nodes at t = 0; default minSize; a virtual pool is one node. */
  count: nonNegativeInteger('nodes').optional(),
  instanceType: z.string().min(1).optional().describe('an instance type of the bundled price tables, e.g. m5.xlarge'),
  cpu: cpuMillicores().optional(),
  memory: memoryBytes().optional(),
  maxPods: positiveInteger('kubelet --max-pods').optional(),
  labels: stringMap().default({}),
  taints: z.array(TaintSchema).default([]),
  minSize: nonNegativeInteger('nodes').optional(),
  maxSize: nonNegativeInteger('nodes').optional(),
  bootTime: BootTimeSchema.optional(),
  billing: BillingSchema.optional(),
  expanderPriority: z.number().int().describe('an integer (the priority expander prefers higher values)').optional(),
  virtual: VirtualPoolSchema.optional(),
});

export type NodePoolInput = z.output<typeof NodePoolSchema>;
