/**
 * scenario.yaml `spec.series.<metricName>`: where the values of an HPA Pods, Object or External
 * metric come from: a trace, or a quantity the simulation computes for a workload.
 */
import { z } from 'zod';
import { durationSeconds, positiveNumber } from './fields.js';
import { SERIES_DEFAULTS } from './scenario-defaults.js';

export const WORKLOAD_QUANTITIES = [
  'offeredRequestsPerSecond',
  'servedRequestsPerSecond',
  'backlogRequests',
  'droppedRequestsPerSecond',
] as const;

export const SeriesSchema = z.strictObject({
  trace: z.string().min(1).optional().describe('the name of a trace under spec.traces'),
  workload: z.string().min(1).optional().describe('the name of a workload (Deployment or StatefulSet)'),
  quantity: z.enum(WORKLOAD_QUANTITIES).optional().describe(`one of ${WORKLOAD_QUANTITIES.join(', ')}`),
  perPod: z.enum(['perPod', 'total']).default(SERIES_DEFAULTS.perPod).describe('perPod or total'),
  scale: positiveNumber('multiplier').default(SERIES_DEFAULTS.scale),
  delay: durationSeconds('delay').default(SERIES_DEFAULTS.delaySeconds),
});

export type SeriesInput = z.output<typeof SeriesSchema>;
