/**
 * The autoscaling.keda.sh/* annotations of a ScaledObject, read as KEDA reads them
 * (scaledobject_types.go getBoolAnnotation: a present value that is not a Go boolean counts as
 * true). Pausing (`paused`, `paused-replicas`) is returned for the loader to model; unknown
 * annotations of the group get a warning so a typo is not silently ignored.
 */
import type { ProblemSink } from '../problem-sink.js';
import type { DocRef } from '../yaml/doc-ref.js';

export const KEDA_ANNOTATIONS = Object.freeze({
  paused: 'autoscaling.keda.sh/paused',
  pausedReplicas: 'autoscaling.keda.sh/paused-replicas',
  pausedScaleIn: 'autoscaling.keda.sh/paused-scale-in',
  pausedScaleOut: 'autoscaling.keda.sh/paused-scale-out',
  forceActivation: 'autoscaling.keda.sh/force-activation',
  transferHpaOwnership: 'scaledobject.keda.sh/transfer-hpa-ownership',
});

const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

export interface KedaAnnotations {
  pausedScaleIn: boolean;
  pausedScaleOut: boolean;
  forceActivation: boolean;
  transferHpaOwnership: boolean;
  /** Set when the object is paused: with `replicas`, KEDA scales the target to that count first. */
  paused?: { replicas?: number };
}

/** getBoolAnnotation: absent → false; a Go boolean → its value; anything else → true. */
export function boolAnnotation(annotations: Record<string, string>, key: string): boolean {
  const value = annotations[key];
  if (value === undefined) return false;
  return GO_TRUE.has(value) || !GO_FALSE.has(value);
}

export function readKedaAnnotations(annotations: Record<string, string>, ref: DocRef, sink: ProblemSink): KedaAnnotations {
  const at = (key: string) => ['metadata', 'annotations', key];
  const known = new Set<string>(Object.values(KEDA_ANNOTATIONS));
  for (const key of Object.keys(annotations)) {
    if (key.startsWith('autoscaling.keda.sh/') && !known.has(key)) {
      sink.warn(ref.warning(at(key), `annotation ${key} is not known to the simulator; ignored`, `known: ${[...known].join(', ')}`, { key: true }));
    }
  }
  const out: KedaAnnotations = {
    pausedScaleIn: boolAnnotation(annotations, KEDA_ANNOTATIONS.pausedScaleIn),
    pausedScaleOut: boolAnnotation(annotations, KEDA_ANNOTATIONS.pausedScaleOut),
    forceActivation: boolAnnotation(annotations, KEDA_ANNOTATIONS.forceActivation),
    transferHpaOwnership: boolAnnotation(annotations, KEDA_ANNOTATIONS.transferHpaOwnership),
  };
  const pausedReplicas = annotations[KEDA_ANNOTATIONS.pausedReplicas];
  if (pausedReplicas !== undefined) {
    // GetPausedReplicaCount: strconv.ParseInt(value, 10, 32), no trimming ("+3" is 3, " 3" fails).
    const replicas = Number(pausedReplicas);
    if (!/^\+?\d+$/.test(pausedReplicas) || !Number.isSafeInteger(replicas) || replicas >= 2 ** 31) {
      sink.error(ref.problem(at(KEDA_ANNOTATIONS.pausedReplicas), `"${pausedReplicas}" is not a replica count; expected an integer ≥ 0 (as a string)`));
      out.paused = {};
    } else {
      out.paused = { replicas };
    }
  } else if (boolAnnotation(annotations, KEDA_ANNOTATIONS.paused)) {
    out.paused = {};
  }
  return out;
}
