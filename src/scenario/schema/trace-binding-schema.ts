/**
 * scenario.yaml `spec.traces.<name>`: which trace file to replay and how its `value` column becomes
 * an offered request rate (see scenarios/traces/README.md for the shipped traces).
 */
import { z } from 'zod';
import { durationSeconds, isoTimestampSeconds, positiveDurationSeconds, positiveNumber } from './fields.js';
import { TRACE_BINDING_DEFAULTS } from './scenario-defaults.js';

export const TRACE_VALUE_KINDS = ['countPerBucket', 'ratePerSecond', 'activeUsers'] as const;

export const TraceBindingSchema = z.strictObject({
  file: z.string().min(1).describe('a trace file path, relative to the scenario folder'),
  format: z.string().min(1).default(TRACE_BINDING_DEFAULTS.format).describe('a trace format name such as csv'),
  valueKind: z
    .enum(TRACE_VALUE_KINDS)
    .describe('what `value` holds: countPerBucket (requests per bucket), ratePerSecond (requests/s) or activeUsers'),
  requestsPerUserPerSecond: positiveNumber('requests per second per active user; required iff valueKind is activeUsers').optional(),
  bucket: positiveDurationSeconds('bucket').optional(),
  scale: positiveNumber('multiplier of the rate').default(TRACE_BINDING_DEFAULTS.scale),
  shift: durationSeconds('shift', { allowNegative: true }).default(TRACE_BINDING_DEFAULTS.shiftSeconds),
  start: isoTimestampSeconds().optional(),
  loop: z.boolean().default(TRACE_BINDING_DEFAULTS.loop).describe('true or false'),
});

export type TraceBindingInput = z.output<typeof TraceBindingSchema>;
