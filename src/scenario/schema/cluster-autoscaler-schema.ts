/**
 * scenario.yaml `spec.clusterAutoscaler`: the cluster-autoscaler flags the simulation models
 * (config/flags/flags.go), each optional with its CA_DEFAULTS value; durations as in the flags
 * ("10m"), `expander` as the flag's comma list or a YAML list, totals as "min:max" or {min, max}.
 */
import { z } from 'zod';
import { durationSeconds, nonNegativeInteger, positiveDurationSeconds, positiveInteger } from './fields.js';

/** Expanders the simulation has (expander/factory names); grpc needs an external server. */
export const CA_EXPANDER_NAMES = ['random', 'most-pods', 'least-waste', 'least-nodes', 'price', 'priority'] as const;

const expanderList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (typeof v === 'string' ? v.split(',') : v).map((name) => name.trim()))
  .describe('an expander name or a comma list such as "priority,least-waste", or a YAML list');

/** "--cores-total=0:320000" style bounds, or {min, max}. */
const minMax = (unit: string) =>
  z
    .union([
      z.string().transform((text, ctx) => {
        const match = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(text);
        if (!match) {
          ctx.addIssue({ code: 'custom', message: `"${text}" is not "min:max" (${unit})`, params: { hint: 'write e.g. "0:320000", or {min: 0, max: 320000}' }, input: text });
          return z.NEVER;
        }
        return { min: Number(match[1]), max: Number(match[2]) };
      }),
      z.strictObject({ min: nonNegativeInteger(unit), max: nonNegativeInteger(unit) }),
    ])
    // main.go validateMinMaxFlag: the cluster-autoscaler does not start with max < min.
    .superRefine((v, ctx) => {
      if (v.max < v.min) {
        ctx.addIssue({ code: 'custom', message: `expected min ≤ max (${unit}), got min ${v.min} above max ${v.max}: the cluster-autoscaler refuses to start ("max size must be greater or equal to min size")`, input: v });
      }
    })
    .describe(`"min:max" or {min, max} (${unit})`);

export const ClusterAutoscalerSchema = z.strictObject({
  enabled: z.boolean().optional().describe('true or false (default: true when a node pool has minSize < maxSize)'),
  scanInterval: positiveDurationSeconds('scanInterval').optional(),
  expander: expanderList.optional(),
  scaleDownEnabled: z.boolean().optional().describe('true or false'),
  scaleDownUtilizationThreshold: z.number().min(0).max(1).optional().describe('a ratio between 0 and 1'),
  scaleDownUnneededTime: durationSeconds('scaleDownUnneededTime').optional(),
  scaleDownUnreadyTime: durationSeconds('scaleDownUnreadyTime').optional(),
  scaleDownDelayAfterAdd: durationSeconds('scaleDownDelayAfterAdd').optional(),
  scaleDownDelayAfterDelete: durationSeconds('scaleDownDelayAfterDelete').optional(),
  scaleDownDelayAfterFailure: durationSeconds('scaleDownDelayAfterFailure').optional(),
  unremovableNodeRecheckTimeout: durationSeconds('unremovableNodeRecheckTimeout').optional(),
  maxNodeProvisionTime: positiveDurationSeconds('maxNodeProvisionTime').optional(),
  maxNodesTotal: nonNegativeInteger('nodes, 0 = unlimited').optional(),
  coresTotal: minMax('cores').optional(),
  memoryTotal: minMax('GiB').optional(),
  maxNodesPerScaleUp: positiveInteger('nodes').optional(),
  newPodScaleUpDelay: durationSeconds('newPodScaleUpDelay').optional(),
  maxScaleDownParallelism: positiveInteger('nodes').optional(),
  maxDrainParallelism: positiveInteger('nodes').optional(),
  maxGracefulTermination: durationSeconds('maxGracefulTermination').optional(),
  skipNodesWithSystemPods: z.boolean().optional().describe('true or false'),
  skipNodesWithLocalStorage: z.boolean().optional().describe('true or false'),
  ignoreDaemonSetsUtilization: z.boolean().optional().describe('true or false'),
  scaleDownUnreadyEnabled: z.boolean().optional().describe('true or false (false: unready nodes are never scaled down)'),
  maxBulkSoftTaintCount: z.number().int().min(0).optional().describe('an integer ≥ 0 (nodes soft-tainted or cleaned a loop; 0 turns it off)'),
  expendablePodsPriorityCutoff: z.number().int().optional().describe('an integer: pods of lower priority neither trigger a scale-up nor hold a node'),
});

export type ClusterAutoscalerInput = z.output<typeof ClusterAutoscalerSchema>;
