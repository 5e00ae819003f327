/**
 * KEDA ScaledObject manifests → ScaledObjectSpec: keda.sh/v1alpha1, and the KEDA v1
 * keda.k8s.io/v1alpha1 form (scaleTargetRef.deploymentName; no advanced, fallback or annotations).
 * Defaults come from KEDA_DEFAULTS; advanced.horizontalPodAutoscalerConfig.behavior is read with
 * the HPA behavior parser and kept as written (null = the HPA's legacy path).
 */
import { defaultHpaName, KEDA_DEFAULTS } from '../../autoscalers/keda/config.js';
import type { ScaledObjectSpec } from '../../autoscalers/keda/types.js';
import type { ProblemSink } from '../problem-sink.js';
import { parseWithSchema } from '../schema/zod-problems.js';
import type { DocRef } from '../yaml/doc-ref.js';
import { toBehavior } from './hpa-behavior.js';
import { readKedaAnnotations } from './keda-annotations.js';
import { LegacyScaledObjectSchema, ScaledObjectSchema } from './keda-schema.js';
import { toTriggers } from './keda-triggers.js';
import { markBroken, type ManifestSet } from './manifest-set.js';
import { checkReplicaBounds, toFallback, toScalingModifiers } from './scaled-object-rules.js';

const KIND = 'ScaledObject';

/** keda.sh/v1alpha1 ScaledObject. */
export function loadScaledObject(ref: DocRef, apiVersion: string, out: ManifestSet, sink: ProblemSink): void {
  const triggers = toTriggers(ref, sink, { scaledObject: true });
  const input = parseWithSchema(ScaledObjectSchema, ref, [], (p) => sink.error(p));
  if (!input || !triggers) return markBroken(out, KIND, ref);
  const { metadata, spec } = input;
  const hpaConfig = spec.advanced?.horizontalPodAutoscalerConfig;
  const hpaBehavior = toBehavior(hpaConfig?.behavior, ref, ['spec', 'advanced', 'horizontalPodAutoscalerConfig', 'behavior'], sink);
  checkReplicaBounds(spec, ref, sink);
  const fallback = toFallback(spec, triggers.triggers, ref, sink);
  const scalingModifiers = toScalingModifiers(spec, triggers.triggers, ref, sink);
  const annotations = readKedaAnnotations(metadata.annotations, ref, sink);
  const { apiVersion: targetApiVersion, kind, name } = spec.scaleTargetRef;
  const so: ScaledObjectSpec = {
    ...common(metadata, apiVersion, spec, ref),
    scaleTargetRef: { ...(targetApiVersion ? { apiVersion: targetApiVersion } : {}), kind: kind ? kind : 'Deployment', name },
    initialCooldownPeriodSeconds: spec.initialCooldownPeriod ?? KEDA_DEFAULTS.initialCooldownPeriodSeconds,
    ...(spec.idleReplicaCount !== undefined ? { idleReplicaCount: spec.idleReplicaCount } : {}),
    ...(fallback ? { fallback } : {}),
    hpaBehavior,
    hpaName: hpaConfig?.name ? hpaConfig.name : defaultHpaName(metadata.name),
    ...(scalingModifiers ? { scalingModifiers } : {}),
    pausedScaleIn: annotations.pausedScaleIn,
    pausedScaleOut: annotations.pausedScaleOut,
    forceActivation: annotations.forceActivation,
    triggers: triggers.triggers,
  };
  out.scaledObjects.push({
    spec: so,
    ref,
    parsed: triggers.parsed,
    ...(annotations.paused ? { paused: annotations.paused } : {}),
    transferHpaOwnership: annotations.transferHpaOwnership,
  });
}

/** keda.k8s.io/v1alpha1 ScaledObject (KEDA v1): a Deployment target; the HPA was named after the Deployment. */
export function loadLegacyScaledObject(ref: DocRef, apiVersion: string, out: ManifestSet, sink: ProblemSink): void {
  if (ref.valueAt(['spec', 'scaleType']) === 'job') {
    sink.error(ref.problem(['spec', 'scaleType'], 'scaleType job (KEDA v1 jobs) is not supported', 'write a keda.sh/v1alpha1 ScaledJob with spec.jobTargetRef instead'));
    return markBroken(out, KIND, ref);
  }
  const triggers = toTriggers(ref, sink, { scaledObject: true });
  const input = parseWithSchema(LegacyScaledObjectSchema, ref, [], (p) => sink.error(p));
  if (!input || !triggers) return markBroken(out, KIND, ref);
  const { metadata, spec } = input;
  checkReplicaBounds(spec, ref, sink);
  const deploymentName = spec.scaleTargetRef.deploymentName;
  out.scaledObjects.push({
    spec: {
      ...common(metadata, apiVersion, spec, ref),
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: deploymentName },
      initialCooldownPeriodSeconds: KEDA_DEFAULTS.initialCooldownPeriodSeconds,
      hpaBehavior: null,
      hpaName: defaultHpaName(deploymentName),
      pausedScaleIn: false,
      pausedScaleOut: false,
      forceActivation: false,
      triggers: triggers.triggers,
    },
    ref,
    parsed: triggers.parsed,
    transferHpaOwnership: false,
  });
}

interface CommonInput {
  pollingInterval?: number | undefined;
  cooldownPeriod?: number | undefined;
  minReplicaCount?: number | undefined;
  maxReplicaCount?: number | undefined;
}

function common(metadata: { name: string; namespace: string }, apiVersion: string, spec: CommonInput, ref: DocRef) {
  return {
    name: metadata.name,
    namespace: metadata.namespace,
    apiVersion,
    pollingIntervalSeconds: spec.pollingInterval ?? KEDA_DEFAULTS.pollingIntervalSeconds,
    cooldownPeriodSeconds: spec.cooldownPeriod ?? KEDA_DEFAULTS.cooldownPeriodSeconds,
    minReplicaCount: spec.minReplicaCount ?? KEDA_DEFAULTS.minReplicaCount,
    maxReplicaCount: spec.maxReplicaCount ?? KEDA_DEFAULTS.maxReplicaCount,
    source: ref.sourceRef(),
  };
}
