/**
 * scenario.yaml `spec.nodePools[]`: fixed groups of identical nodes (allocatable cpu/memory, max
 * pods, labels and taints as a kubelet would register them).
 */
import { z } from 'zod';
import { cpuMillicores, memoryBytes, nonNegativeInteger, stringMap } from './fields.js';
import { NODE_POOL_DEFAULTS } from './scenario-defaults.js';

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

export const TaintSchema = z.strictObject({
  key: z.string().min(1).describe('the taint key'),
  value: z.string().optional(),
  effect: z.enum(TAINT_EFFECTS).describe('NoSchedule, PreferNoSchedule or NoExecute'),
});

export const NodePoolSchema = z.strictObject({
  name: z.string().min(1).describe('the pool name'),
  count: nonNegativeInteger('nodes'),
  cpu: cpuMillicores(),
  memory: memoryBytes(),
  maxPods: z.number().int().min(1).default(NODE_POOL_DEFAULTS.maxPods).describe('an integer ≥ 1 (kubelet --max-pods)'),
  labels: stringMap().default({}),
  taints: z.array(TaintSchema).default([]),
});

export type NodePoolInput = z.output<typeof NodePoolSchema>;
