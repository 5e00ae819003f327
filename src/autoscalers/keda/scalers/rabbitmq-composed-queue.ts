/**
 * rabbitmq's useRegex (pkg/scalers/rabbitmq_scaler.go getComposedQueue, getSum, getAverage,
 * getMaximum): the queues the regex matched are combined into one by `operation`: sum (default),
 * avg or max, each field on its own: the messages (ready + unacked), the ready ones, the publish and
 * deliver_get rates. avg divides the message counts as Go ints (truncated) and the rates as floats;
 * max takes each field's maximum over the queues, possibly from different ones. No queue: all 0.
 * The composed queue has no unacked count of its own; its http count is the composed messages, and
 * excludeUnacknowledged reads the composed ready ones. Pure.
 */
import type { QueueReading } from '../types.js';

/** getJSON's error when more queues match than one page of pageSize holds (TotalPages > 1). */
export const TOO_MANY_QUEUES = 'regex matches more queues than can be recovered at once';

export type RabbitOperation = 'sum' | 'avg' | 'max';

export const RABBIT_OPERATIONS: readonly RabbitOperation[] = ['sum', 'max', 'avg'];

/** `queues` composed by `operation`, as one queue reading: ready = the composed ready, unacked = composed messages − composed ready. */
export function composeQueues(queues: readonly QueueReading[], operation: RabbitOperation): QueueReading {
  const n = queues.length;
  let messages = 0;
  let ready = 0;
  let publish = 0;
  let deliver = 0;
  for (const q of queues) {
    const total = q.messages + q.unacked;
    const deliverRate = q.deliverRatePerSecond ?? 0;
    if (operation === 'max') {
      messages = Math.max(messages, total);
      ready = Math.max(ready, q.messages);
      publish = Math.max(publish, q.publishRatePerSecond);
      deliver = Math.max(deliver, deliverRate);
    } else {
      messages += total;
      ready += q.messages;
      publish += q.publishRatePerSecond;
      deliver += deliverRate;
    }
  }
  if (operation === 'avg' && n > 0) {
    messages = Math.trunc(messages / n);
    ready = Math.trunc(ready / n);
    publish /= n;
    deliver /= n;
  }
  return { kind: 'queue', messages: ready, unacked: messages - ready, publishRatePerSecond: publish, deliverRatePerSecond: deliver, partitionLags: [] };
}
