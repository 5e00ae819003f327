/**
 * scenario.yaml `spec.workloads.<name>.queue`: the message queue in front of a queue worker (a Kafka
 * topic, RabbitMQ queue or Redis list that KEDA triggers read). Resolved into QueueSpec.
 */
import { z } from 'zod';
import { nonNegativeInteger, positiveNumber } from './fields.js';

export const QueueSchema = z.strictObject({
  name: z.string().min(1).optional().describe('the queue name triggers refer to (default: the workload name)'),
  messagesPerSecondPerPod: positiveNumber('messages per second one ready pod consumes'),
  partitions: z.number().int().min(1).optional().describe('an integer ≥ 1: Kafka partitions (default: not partitioned)'),
  maxMessages: nonNegativeInteger('messages the queue holds at most; default unbounded').optional(),
});

export type QueueInput = z.output<typeof QueueSchema>;

/**
 * scenario.yaml `spec.queues.<name>`: a queue with no consumer Deployment (the work of a ScaledJob):
 * messages arrive from a trace and wait until a Job takes them.
 */
export const StandaloneQueueSchema = z.strictObject({
  trace: z.string().min(1).describe('the name of a trace under spec.traces: the message arrivals'),
  maxMessages: nonNegativeInteger('messages the queue holds at most; default unbounded').optional(),
});

export type StandaloneQueueInput = z.output<typeof StandaloneQueueSchema>;
