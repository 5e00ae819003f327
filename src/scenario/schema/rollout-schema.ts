/**
 * scenario.yaml `spec.rollouts`: when a Deployment's or StatefulSet's pod template changes, as
 * `kubectl rollout restart` changes it (a new revision with the same pods): `at` an instant (a
 * duration since t = 0 or a clock time "HH:MM" of the first day, as faults take it), and optionally
 * `every` a period of at least 1 s after that (a daily deploy). The workload's own spec.strategy or
 * spec.updateStrategy says how the new pods replace the old ones. Cross-field rules are checked by
 * resolve-rollouts.ts.
 */
import { z } from 'zod';
import { faultInstant } from './fault-schema.js';
import { durationSeconds } from './fields.js';

export const RolloutSchema = z.strictObject({
  workload: z.string().min(1).describe('the name of a Deployment or StatefulSet in the manifests'),
  at: faultInstant(),
  // kubectl rollout restart stamps the template with the time in whole seconds (RFC 3339): two
  // restarts within a second leave one revision, so a period under a second would repeat nothing.
  every: durationSeconds('every', { minSeconds: 1 }).optional().describe('a period of at least 1 s after which the rollout repeats, such as 24h (default: once)'),
});

export type RolloutInput = z.output<typeof RolloutSchema>;
