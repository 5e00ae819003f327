/**
 * Where each KEDA trigger reads from in the simulation: a queue (kafka lag, rabbitmq messages, redis
 * LLEN, a stream's lag, …) or the queues a regex matched (rabbitmq's and azure-servicebus's useRegex),
 * a named series (prometheus, mysql and postgresql queries, metrics-api), or the calendar clock (cron). Reads inside a
 * scenario fault window fail, as a scaler does when its server is unreachable.
 */
import { findScaler } from '../../autoscalers/keda/scalers/registry.js';
import type { ParsedTrigger, QueueReading, ScalerReading } from '../../autoscalers/keda/types.js';
import { TOO_MANY_QUEUES } from '../../autoscalers/keda/scalers/rabbitmq-composed-queue.js';
import type { MetricSeries } from '../../engine/metric-series.js';
import type { ScalerFaultSpec, TriggerSourceSpec } from '../../scenario/types.js';

/** Something with a queue a scaler can read (a queue worker's flow, or a ScaledJob's queue). */
export interface QueueSource {
  queueReading(nowSeconds: number): ScalerReading;
  /** Integrates the queue's arrivals (and its consumers, if any) up to `nowSeconds`. */
  settle(nowSeconds: number): void;
}

export interface TriggerReadContext {
  queues: ReadonlyMap<string, QueueSource>;
  series: ReadonlyMap<string, MetricSeries>;
  sources: readonly TriggerSourceSpec[];
  faults: readonly ScalerFaultSpec[];
  /** Told of a read that a fault failed (the summary counts each fault that failed some read once). */
  faultHit?: (fault: ScalerFaultSpec) => void;
  /** Calendar instant of t = 0, epoch seconds. */
  startEpochSeconds: number;
}

export type TriggerRead = (nowSeconds: number) => ScalerReading;

function faultAt(ctx: TriggerReadContext, owner: string, index: number, type: string, nowSeconds: number): ScalerFaultSpec | undefined {
  return ctx.faults.find(
    (f) =>
      nowSeconds >= f.fromSeconds &&
      nowSeconds < f.toSeconds &&
      (f.triggerType === type || (f.owner === owner && f.triggerIndex === index)),
  );
}

/** Builds the read function of trigger `index` of `owner` (a ScaledObject or ScaledJob). */
export function triggerReader(ctx: TriggerReadContext, owner: string, index: number, parsed: ParsedTrigger): TriggerRead {
  const explicit = ctx.sources.find((s) => s.owner === owner && s.triggerIndex === index)?.source;
  const needs = parsed.needs;
  let base: TriggerRead;
  if (explicit?.kind === 'series' || (explicit === undefined && needs.kind === 'series')) {
    const name = explicit?.kind === 'series' ? explicit.series : undefined;
    const series = name === undefined ? undefined : ctx.series.get(name);
    if (series === undefined) throw new Error(`${owner} trigger ${index}: no series to read`);
    base = (t) => ({ kind: 'value', value: series.valueAt(t) });
  } else if (explicit?.kind === 'queues') {
    base = queuesReader(ctx, owner, index, explicit.queues, needs.kind === 'queue' ? needs.regex?.pageSize : undefined);
  } else if (explicit?.kind === 'queue' || needs.kind === 'queue') {
    const name = explicit?.kind === 'queue' ? explicit.queue : needs.kind === 'queue' ? needs.queueName : '';
    const queue = ctx.queues.get(name);
    if (queue === undefined) throw new Error(`${owner} trigger ${index}: no queue named ${name}`);
    base = (t) => queue.queueReading(t);
  } else if (needs.kind === 'clock') {
    base = (t) => ({ kind: 'cron', epochSeconds: ctx.startEpochSeconds + t });
  } else {
    base = () => ({ kind: 'value', value: null });
  }
  const remember = findScaler(parsed.type)?.readingMemory?.(parsed);
  return (t) => {
    const fault = faultAt(ctx, owner, index, parsed.type, t);
    if (fault === undefined) return remember === undefined ? base(t) : remember(base(t));
    ctx.faultHit?.(fault);
    return { kind: 'error', message: fault.message };
  };
}

/**
 * The queues a regex matched (rabbitmq's useRegex: one management API page of `pageSize` queues),
 * each read as one queue: more than a page fails every read, as KEDA's getJSON does.
 */
function queuesReader(ctx: TriggerReadContext, owner: string, index: number, names: readonly string[], pageSize: number | undefined): TriggerRead {
  const queues = names.map((name) => {
    const queue = ctx.queues.get(name);
    if (queue === undefined) throw new Error(`${owner} trigger ${index}: no queue named ${name}`);
    return queue;
  });
  if (pageSize !== undefined && queues.length > pageSize) return () => ({ kind: 'error', message: TOO_MANY_QUEUES });
  return (t) => {
    const readings: QueueReading[] = [];
    for (const queue of queues) {
      const reading = queue.queueReading(t);
      if (reading.kind !== 'queue') return reading;
      readings.push(reading);
    }
    return { kind: 'queues', readings };
  };
}
