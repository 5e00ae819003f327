/**
 * scenario.yaml spec.jobs → JobRunSpec[]: every ScaledJob needs an entry (the simulator must know
 * what each Job consumes and how long it runs), every entry names a ScaledJob and an existing
 * queue. A warning flags an entry whose queue none of the ScaledJob's queue triggers read, and one
 * whose triggers also read other queues (rabbitmq useRegex), whose messages its Jobs never take.
 */
import { suggestionHint } from '../did-you-mean.js';
import type { ScaledJobEntry } from '../manifests/manifest-set.js';
import type { ProblemSink } from '../problem-sink.js';
import type { JobRunInput } from '../schema/job-run-schema.js';
import type { JobRunSpec, TriggerSourceSpec } from '../types.js';
import type { DocRef } from '../yaml/doc-ref.js';

export interface JobRunContext {
  scaledJobs: readonly ScaledJobEntry[];
  /** Every key of spec.jobs, including entries with schema problems. */
  jobNames: readonly string[];
  queueNames: readonly string[];
  triggerSources: readonly TriggerSourceSpec[];
  scenarioRef: DocRef;
  sink: ProblemSink;
}

export function resolveJobRuns(jobs: ReadonlyMap<string, JobRunInput>, ctx: JobRunContext): JobRunSpec[] {
  const out: JobRunSpec[] = [];
  for (const [name, job] of jobs) {
    const at = ['spec', 'jobs', name];
    if (!ctx.scaledJobs.some((j) => j.spec.name === name)) {
      const hint = suggestionHint(name, ctx.scaledJobs.map((j) => j.spec.name), 'ScaledJobs') ?? 'spec.jobs keys are ScaledJob names';
      ctx.sink.error(ctx.scenarioRef.problem(at, `no ScaledJob named "${name}" in the manifests`, hint, { key: true }));
      continue;
    }
    if (!ctx.queueNames.includes(job.queue)) {
      const hint = suggestionHint(job.queue, ctx.queueNames, 'queues') ?? 'add queue: { name: …, messagesPerSecondPerPod: … } to a workload under spec.workloads';
      ctx.sink.error(ctx.scenarioRef.problem([...at, 'queue'], `no workload has a queue named "${job.queue}"`, hint));
      continue;
    }
    const read = queuesReadBy(name, ctx.triggerSources);
    if (read.length > 0 && !read.includes(job.queue)) {
      ctx.sink.warn(ctx.scenarioRef.warning([...at, 'queue'], `the Jobs consume queue "${job.queue}", but the ScaledJob's triggers read ${read.map((q) => `"${q}"`).join(', ')}`));
    }
    const others = read.filter((q) => q !== job.queue);
    if (read.includes(job.queue) && others.length > 0) {
      ctx.sink.warn(
        ctx.scenarioRef.warning(
          [...at, 'queue'],
          `the ScaledJob's triggers also read ${others.map((q) => `"${q}"`).join(', ')} (a useRegex trigger reads every queue it matches), but its Jobs consume "${job.queue}" only: messages of the others are counted and never consumed, so KEDA keeps creating Jobs for them`,
          'narrow the trigger to the queue the Jobs consume, or simulate one ScaledJob per queue',
        ),
      );
    }
    out.push({ scaledJob: name, queue: job.queue, messagesPerJob: job.messagesPerJob, runSeconds: job.runSeconds });
  }
  for (const job of ctx.scaledJobs) {
    if (ctx.jobNames.includes(job.spec.name)) continue;
    const queue = queuesReadBy(job.spec.name, ctx.triggerSources)[0] ?? '<queue name>';
    ctx.sink.error(
      job.ref.problem(
        ['metadata', 'name'],
        `ScaledJob ${job.spec.name} has no spec.jobs entry in scenario.yaml: the simulator needs to know which queue its Jobs consume and how long each runs`,
        `add to scenario.yaml spec.jobs: { ${job.spec.name}: { queue: ${queue}, messagesPerJob: 1, runSeconds: <seconds> } }`,
      ),
    );
  }
  return out;
}

/** The queues `owner`'s triggers read (a useRegex trigger's every match), each once, in order. */
function queuesReadBy(owner: string, sources: readonly TriggerSourceSpec[]): string[] {
  const read = sources.flatMap((s) => (s.owner !== owner ? [] : s.source.kind === 'queue' ? [s.source.queue] : s.source.kind === 'queues' ? s.source.queues : []));
  return [...new Set(read)];
}
