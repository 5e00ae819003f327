/**
 * keda.sh/v1alpha1 ScaledJob → ScaledJobSpec plus the pod template of its Jobs
 * (spec.jobTargetRef.template, resolved like a Deployment's). Defaults come from KEDA_DEFAULTS
 * (scaledjob_types.go); the Job's own parallelism and completions are not modelled (one pod per Job).
 */
import { KEDA_DEFAULTS } from '../../autoscalers/keda/config.js';
import { scaledJobBounds } from '../../autoscalers/keda/scaled-job-bounds.js';
import type { ScaledJobSpec } from '../../autoscalers/keda/types.js';
import type { ProblemSink } from '../problem-sink.js';
import { parseWithSchema } from '../schema/zod-problems.js';
import type { DocRef } from '../yaml/doc-ref.js';
import { ScaledJobSchema, type ScaledJobInput } from './keda-schema.js';
import { toTriggers } from './keda-triggers.js';
import { markBroken, type ManifestSet } from './manifest-set.js';
import { toPodTemplate } from './pod-template.js';

const KIND = 'ScaledJob';

export function loadScaledJob(ref: DocRef, apiVersion: string, out: ManifestSet, sink: ProblemSink): void {
  const triggers = toTriggers(ref, sink);
  const input = parseWithSchema(ScaledJobSchema, ref, [], (p) => sink.error(p));
  if (!input || !triggers) return markBroken(out, KIND, ref);
  const { metadata, spec } = input;
  const { template } = toPodTemplate(spec.jobTargetRef.template, ref, ['spec', 'jobTargetRef', 'template'], sink);
  warnAboutJobShape(spec.jobTargetRef, ref, sink);
  // The executor reads MinReplicaCount() and MaxReplicaCount(), not the fields (scaled-job-bounds.ts).
  const { minReplicaCount, maxReplicaCount } = scaledJobBounds(spec.minReplicaCount, spec.maxReplicaCount);
  if (spec.minReplicaCount !== undefined && spec.maxReplicaCount !== undefined && spec.minReplicaCount > spec.maxReplicaCount) {
    sink.warn(
      ref.warning(['spec', 'minReplicaCount'], `minReplicaCount ${spec.minReplicaCount} is above maxReplicaCount ${spec.maxReplicaCount}: KEDA keeps ${spec.maxReplicaCount} Jobs running and starts none beyond them (MinReplicaCount() and MaxReplicaCount() are both ${spec.maxReplicaCount})`),
    );
  }
  const job: ScaledJobSpec = {
    name: metadata.name,
    namespace: metadata.namespace,
    apiVersion,
    jobTemplateName: metadata.name,
    pollingIntervalSeconds: spec.pollingInterval ?? KEDA_DEFAULTS.pollingIntervalSeconds,
    minReplicaCount,
    maxReplicaCount,
    successfulJobsHistoryLimit: spec.successfulJobsHistoryLimit ?? KEDA_DEFAULTS.jobsHistoryLimit,
    failedJobsHistoryLimit: spec.failedJobsHistoryLimit ?? KEDA_DEFAULTS.jobsHistoryLimit,
    scalingStrategy: toStrategy(spec.scalingStrategy),
    triggers: triggers.triggers,
    source: ref.sourceRef(),
  };
  out.scaledJobs.push({
    spec: job,
    ref,
    parsed: triggers.parsed,
    template: { name: metadata.name, namespace: metadata.namespace, template, source: ref.child(['spec', 'jobTargetRef', 'template']).sourceRef() },
  });
}

function toStrategy(input: ScaledJobInput['spec']['scalingStrategy']): ScaledJobSpec['scalingStrategy'] {
  const s = input ?? {};
  return {
    strategy: s.strategy ? s.strategy : KEDA_DEFAULTS.scaledJobStrategy,
    ...(s.customScalingQueueLengthDeduction !== undefined ? { customScalingQueueLengthDeduction: s.customScalingQueueLengthDeduction } : {}),
    ...(s.customScalingRunningJobPercentage !== undefined ? { customScalingRunningJobPercentage: s.customScalingRunningJobPercentage } : {}),
    multipleScalersCalculation: s.multipleScalersCalculation ? s.multipleScalersCalculation : KEDA_DEFAULTS.multipleScalersCalculation,
  };
}

function warnAboutJobShape(jobTargetRef: ScaledJobInput['spec']['jobTargetRef'], ref: DocRef, sink: ProblemSink): void {
  for (const field of ['parallelism', 'completions'] as const) {
    const value = jobTargetRef[field];
    if (value !== undefined && value > 1) {
      sink.warn(ref.warning(['spec', 'jobTargetRef', field], `${field} ${value} is not modelled: each Job runs one pod for spec.jobs.<name>.runSeconds`));
    }
  }
}
