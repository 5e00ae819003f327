/**
 * scenario.yaml `spec.queues` → StandaloneQueueSpec[]: queues no Deployment consumes (a ScaledJob's
 * work). Each reads its arrivals from a trace of spec.traces; its name must not repeat a workload's
 * queue name.
 */
import { suggestionHint } from './did-you-mean.js';
import type { ProblemSink } from './problem-sink.js';
import { QUEUE_DEFAULTS } from './schema/scenario-defaults.js';
import type { StandaloneQueueInput } from './schema/queue-schema.js';
import type { LoadModelSpec, StandaloneQueueSpec } from './types.js';
import type { DocRef } from './yaml/doc-ref.js';

export interface QueueContext {
  traceNames: readonly string[];
  loads: readonly LoadModelSpec[];
  scenarioRef: DocRef;
  sink: ProblemSink;
}

export function resolveStandaloneQueues(queues: ReadonlyMap<string, StandaloneQueueInput>, ctx: QueueContext): StandaloneQueueSpec[] {
  const workloadQueues = new Set(ctx.loads.flatMap((l) => (l.queue ? [l.queue.name] : [])));
  const out: StandaloneQueueSpec[] = [];
  for (const [name, q] of queues) {
    const at = ['spec', 'queues', name];
    if (workloadQueues.has(name)) {
      ctx.sink.error(ctx.scenarioRef.problem(at, `queue "${name}" is already the queue of a workload under spec.workloads`, 'rename one of them'));
      continue;
    }
    if (!ctx.traceNames.includes(q.trace)) {
      ctx.sink.error(ctx.scenarioRef.problem([...at, 'trace'], `trace "${q.trace}" is not defined under spec.traces`, suggestionHint(q.trace, ctx.traceNames, 'traces')));
      continue;
    }
    out.push({ name, trace: q.trace, maxMessages: q.maxMessages ?? QUEUE_DEFAULTS.maxMessages });
  }
  return out;
}
