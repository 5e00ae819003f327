/**
 * Validates scenario.yaml against ScenarioDocumentSchema, reporting every issue at its YAML
 * position, and returns what could be read section by section: a bad trace binding or node pool
 * does not hide the manifests, so one run reports the problems of every file.
 */
import type { z } from 'zod';
import type { ProblemSink } from './problem-sink.js';
import type { NodePoolItem } from './node-pools/resolve-node-pools.js';
import type { ClusterAutoscalerSchema } from './schema/cluster-autoscaler-schema.js';
import { ControllersSchema, StartupSchema } from './schema/controllers-schema.js';
import type { CurrencySchema } from './schema/currency-schema.js';
import { FaultSchema, type FaultInput } from './schema/fault-schema.js';
import { JobRunSchema, type JobRunInput } from './schema/job-run-schema.js';
import { LoadModelSchema, type LoadModelInput } from './schema/load-model-schema.js';
import { NodePoolSchema } from './schema/node-pool-schema.js';
import { RolloutSchema, type RolloutInput } from './schema/rollout-schema.js';
import { TRACE_BINDING_DEFAULTS } from './schema/scenario-defaults.js';
import { ScenarioDocumentSchema, ScenarioSpecSchema, type DecisionDetail } from './schema/scenario-schema.js';
import { StandaloneQueueSchema, type StandaloneQueueInput } from './schema/queue-schema.js';
import { SeriesSchema, type SeriesInput } from './schema/series-schema.js';
import { TraceBindingSchema, type TraceBindingInput } from './schema/trace-binding-schema.js';
import { TriggerSourceSchema, type TriggerSourceInput } from './schema/trigger-source-schema.js';
import { issueToProblems } from './schema/zod-problems.js';
import type { DocRef } from './yaml/doc-ref.js';

export interface ScenarioSections {
  name: string | undefined;
  seed: number | undefined;
  durationSeconds: number | undefined;
  outputIntervalSeconds: number | undefined;
  decisions: DecisionDetail | undefined;
  manifests: string[];
  traces: Map<string, TraceBindingInput>;
  /** file and format of bindings that failed validation, so their files can still be checked. */
  uncheckedTraceFiles: Map<string, { file: string; format: string }>;
  /** Every key of spec.traces, also those whose binding is invalid (so references to them are not re-reported). */
  traceNames: string[];
  /** spec.nodePools: the items that passed the schema, with their index in the list. */
  nodePools: NodePoolItem[];
  workloads: Map<string, LoadModelInput>;
  workloadNames: string[];
  /** Every spec.workloads.<w>.queue.name written, also in entries that are invalid (triggers reading them are not re-reported). */
  workloadQueueNames: string[];
  series: Map<string, SeriesInput>;
  seriesNames: string[];
  controllers: z.output<typeof ControllersSchema> | undefined;
  startup: z.output<typeof StartupSchema> | undefined;
  /** spec.startTime as epoch seconds, and as written (its UTC offset places clock-time faults). */
  startTime: { epochSeconds: number; text: string } | undefined;
  /** spec.triggers: valid entries by key, and every key. */
  triggerSources: Map<string, TriggerSourceInput>;
  triggerSourceKeys: string[];
  /** spec.faults: the valid items with their index in the list. */
  faults: { index: number; fault: FaultInput }[];
  /** spec.rollouts: the valid items with their index in the list. */
  rollouts: { index: number; item: RolloutInput }[];
  /** spec.jobs: valid entries by ScaledJob name, and every key. */
  jobs: Map<string, JobRunInput>;
  jobNames: string[];
  /** spec.queues: valid standalone queues by name, and every key. */
  queues: Map<string, StandaloneQueueInput>;
  queueNames: string[];
  clusterAutoscaler: z.output<typeof ClusterAutoscalerSchema> | undefined;
  currency: z.output<typeof CurrencySchema> | undefined;
}

type Shape = typeof ScenarioSpecSchema.shape;

/** Reports every schema issue of the document at `ref`, then returns the sections that are valid. */
export function readScenarioSections(ref: DocRef, sink: ProblemSink): ScenarioSections {
  const raw = ref.valueAt();
  const full = ScenarioDocumentSchema.safeParse(raw);
  if (!full.success) {
    for (const issue of full.error.issues) sink.errors(issueToProblems(issue, ScenarioDocumentSchema, ref, [], raw));
  }
  const spec = asRecord(asRecord(raw).spec);
  const metadataName = asRecord(asRecord(raw).metadata).name;
  const field = <K extends keyof Shape>(key: K): z.output<Shape[K]> | undefined => {
    const parsed = ScenarioSpecSchema.shape[key].safeParse(spec[key]);
    return parsed.success ? (parsed.data as z.output<Shape[K]>) : undefined;
  };
  return {
    name: typeof metadataName === 'string' && metadataName !== '' ? metadataName : undefined,
    seed: field('seed'),
    durationSeconds: field('duration'),
    outputIntervalSeconds: field('outputInterval'),
    decisions: field('decisions'),
    manifests: field('manifests') ?? [],
    traces: entries(spec.traces, TraceBindingSchema),
    uncheckedTraceFiles: invalidTraceFiles(spec.traces),
    traceNames: Object.keys(asRecord(spec.traces)),
    nodePools: indexedItems(spec.nodePools, NodePoolSchema).map(({ index, item }) => ({ index, pool: item })),
    workloads: entries(spec.workloads, LoadModelSchema),
    workloadNames: Object.keys(asRecord(spec.workloads)),
    workloadQueueNames: Object.values(asRecord(spec.workloads)).flatMap((w) => {
      const name = asRecord(asRecord(w).queue).name;
      return typeof name === 'string' ? [name] : [];
    }),
    series: entries(spec.series, SeriesSchema),
    seriesNames: Object.keys(asRecord(spec.series)),
    controllers: field('controllers'),
    startup: field('startup'),
    startTime: startTime(field('startTime'), spec.startTime),
    triggerSources: entries(spec.triggers, TriggerSourceSchema),
    triggerSourceKeys: Object.keys(asRecord(spec.triggers)),
    faults: faultItems(spec.faults),
    rollouts: indexedItems(spec.rollouts, RolloutSchema),
    jobs: entries(spec.jobs, JobRunSchema),
    jobNames: Object.keys(asRecord(spec.jobs)),
    queues: entries(spec.queues, StandaloneQueueSchema),
    queueNames: Object.keys(asRecord(spec.queues)),
    clusterAutoscaler: field('clusterAutoscaler'),
    currency: field('currency'),
  };
}

function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Bindings that fail the schema but name a file (and a format, or the default): their files are still read. */
function invalidTraceFiles(value: unknown): Map<string, { file: string; format: string }> {
  const out = new Map<string, { file: string; format: string }>();
  for (const [key, entry] of Object.entries(asRecord(value))) {
    if (TraceBindingSchema.safeParse(entry).success) continue;
    const { file, format = TRACE_BINDING_DEFAULTS.format } = asRecord(entry);
    if (typeof file === 'string' && file !== '' && typeof format === 'string') out.set(key, { file, format });
  }
  return out;
}

/** The valid values of a map section, by key, in document order. */
function entries<S extends z.ZodType>(value: unknown, schema: S): Map<string, z.output<S>> {
  const out = new Map<string, z.output<S>>();
  for (const [key, entry] of Object.entries(asRecord(value))) {
    const parsed = schema.safeParse(entry);
    if (parsed.success) out.set(key, parsed.data);
  }
  return out;
}

function startTime(epochSeconds: number | undefined, text: unknown): ScenarioSections['startTime'] {
  return epochSeconds !== undefined && typeof text === 'string' ? { epochSeconds, text } : undefined;
}

/** The valid items of spec.faults with their index (for field paths), in order. */
function faultItems(value: unknown): ScenarioSections['faults'] {
  return indexedItems(value, FaultSchema).map(({ index, item }) => ({ index, fault: item }));
}

/** The valid items of a list section with their index in the list (for field paths), in order. */
function indexedItems<S extends z.ZodType>(value: unknown, schema: S): { index: number; item: z.output<S> }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [{ index, item: parsed.data as z.output<S> }] : [];
  });
}
