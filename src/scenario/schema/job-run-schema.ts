/**
 * scenario.yaml `spec.jobs.<ScaledJob name>`: how the Jobs a ScaledJob creates run: the queue each
 * Job takes its messages from, how many, and how long it runs.
 */
import { z } from 'zod';
import { positiveNumber } from './fields.js';
import { JOB_RUN_DEFAULTS } from './scenario-defaults.js';

export const JobRunSchema = z.strictObject({
  queue: z.string().min(1).describe('the name of a queue (spec.workloads.<name>.queue.name)'),
  messagesPerJob: z.number().int().min(1).default(JOB_RUN_DEFAULTS.messagesPerJob).describe('an integer ≥ 1 (messages each Job takes)'),
  runSeconds: positiveNumber('seconds one Job runs'),
});

export type JobRunInput = z.output<typeof JobRunSchema>;
