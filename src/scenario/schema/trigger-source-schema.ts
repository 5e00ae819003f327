/**
 * scenario.yaml `spec.triggers.<owner>/<trigger>`: where a KEDA trigger that queries something
 * (prometheus, mysql…) reads its value: a series of spec.series, or a queue of spec.workloads.
 * The key is `<ScaledObject or ScaledJob name>/<trigger index or trigger name>`.
 */
import { z } from 'zod';

export const TriggerSourceSchema = z.strictObject({
  series: z.string().min(1).optional().describe('the name of a series under spec.series'),
  queue: z.string().min(1).optional().describe('the name of a queue (spec.workloads.<name>.queue.name)'),
});

export type TriggerSourceInput = z.output<typeof TriggerSourceSchema>;
