/**
 * Warnings for manifest fields that change scheduling or rollouts in a real cluster but that the
 * simulator does not model, each with its field path, so a user knows which part of their manifest
 * the results ignore. Fields with no effect on autoscaling (env, image, volumes of config) stay
 * silent.
 */
import type { ProblemSink } from '../problem-sink.js';
import type { WorkloadKind } from '../types.js';
import type { DocRef } from '../yaml/doc-ref.js';

interface Unmodelled {
  path: (string | number)[];
  why: string;
  /** The workload kinds the field is unmodelled for (default: every kind). */
  kinds?: WorkloadKind[];
}

/** A Deployment's and a StatefulSet's strategy and minReadySeconds are modelled (deployment-strategy.ts, stateful-set-update.ts). */
const WORKLOAD_FIELDS: Unmodelled[] = [
  { path: ['spec', 'volumeClaimTemplates'], why: 'persistent volumes are not modelled: pods start without waiting for volumes' },
];

function present(ref: DocRef, path: (string | number)[]): boolean {
  const v = ref.valueAt(path);
  return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
}

/** Warns once per unmodelled field present in a Deployment or StatefulSet document. */
export function warnUnmodelledWorkloadFields(kind: WorkloadKind, ref: DocRef, sink: ProblemSink): void {
  for (const f of WORKLOAD_FIELDS) {
    if (f.kinds !== undefined && !f.kinds.includes(kind)) continue;
    if (present(ref, f.path)) sink.warn(ref.warning(f.path, `${f.why}; ignored`));
  }
}
