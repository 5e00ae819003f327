/**
 * Warnings for manifest fields that change scheduling or rollouts in a real cluster but that the
 * simulator does not model, each with its field path, so a user knows which part of their manifest
 * the results ignore. Fields with no effect on autoscaling (env, image, volumes of config) stay
 * silent, and so does a value the API server would have set anyway (an export's default strategy).
 */
import type { ProblemSink } from '../problem-sink.js';
import type { DocRef } from '../yaml/doc-ref.js';

interface Unmodelled {
  path: (string | number)[];
  why: string;
  /** Whether the value is what the API server sets anyway (an export carries it): no warning then. */
  isDefault?: (value: unknown) => boolean;
}

/**
 * SetDefaults_Deployment's strategy: RollingUpdate with maxSurge and maxUnavailable 25%, each
 * defaulted when not written. Every `kubectl get deploy -o yaml` export carries it.
 */
function isDefaultDeploymentStrategy(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { type, rollingUpdate, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || (type !== undefined && type !== 'RollingUpdate')) return false;
  if (rollingUpdate === undefined || rollingUpdate === null) return true;
  if (typeof rollingUpdate !== 'object') return false;
  const { maxSurge, maxUnavailable, ...others } = rollingUpdate as Record<string, unknown>;
  return Object.keys(others).length === 0 && [maxSurge, maxUnavailable].every((v) => v === undefined || v === '25%');
}

const WORKLOAD_FIELDS: Unmodelled[] = [
  { path: ['spec', 'strategy'], why: 'rollouts are not modelled: every pod comes from one template', isDefault: isDefaultDeploymentStrategy },
  { path: ['spec', 'minReadySeconds'], why: 'minReadySeconds is not modelled: a pod counts as available once Ready' },
  { path: ['spec', 'volumeClaimTemplates'], why: 'persistent volumes are not modelled: pods start without waiting for volumes' },
];

function present(ref: DocRef, path: (string | number)[]): boolean {
  const v = ref.valueAt(path);
  return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
}

/** Warns once per unmodelled field present in a Deployment or StatefulSet document. */
export function warnUnmodelledWorkloadFields(ref: DocRef, sink: ProblemSink): void {
  for (const f of WORKLOAD_FIELDS) {
    if (present(ref, f.path) && f.isDefault?.(ref.valueAt(f.path)) !== true) sink.warn(ref.warning(f.path, `${f.why}; ignored`));
  }
}
