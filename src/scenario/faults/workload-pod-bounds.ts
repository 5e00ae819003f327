/**
 * The most pods each workload can ever have, where the manifests settle it at load time: the
 * fixed spec.replicas of a workload no autoscaler scales (or the count a paused ScaledObject holds
 * it at), else the largest of its spec.replicas (the pods it starts with) and the maxReplicas of
 * the HPAs or maxReplicaCount (and fallback replicas) of the ScaledObjects that scale it. The
 * simulator does not model rollouts, so no surge pod ever exceeds this. The source of an
 * ElasticWorkload, and a name two workloads share, have no bound here. Fault checks use it to warn
 * about a pod index no pod ever has (fault-reach.ts).
 */
import type { ScaledObjectSpec } from '../../autoscalers/keda/types.js';
import type { ElasticSources } from '../elastic-workload-checks.js';
import type { HpaEntry, ManifestSet, WorkloadEntry } from '../manifests/manifest-set.js';

export interface PodBound {
  /** Pods the workload never exceeds. */
  max: number;
  /** Why, for messages, e.g. "HorizontalPodAutoscaler web's maxReplicas". */
  why: string;
}

export interface PodBoundInputs {
  manifests: ManifestSet;
  /** HPAs a ScaledObject took over (transfer-hpa-ownership): they do not scale on their own. */
  adoptedHpas: ReadonlySet<HpaEntry>;
  /** The ScaledObjects that run (paused ones left out). */
  scaledObjects: readonly ScaledObjectSpec[];
  /** Targets of ScaledObjects paused with paused-replicas, and that count. */
  pausedReplicas: ReadonlyMap<WorkloadEntry, number>;
  elasticSources: ElasticSources;
}

/** Workload name (as spec.faults names workloads) → its bound; names without one are left out. */
export function workloadPodBounds(inputs: PodBoundInputs): Map<string, PodBound> {
  const { manifests } = inputs;
  const elastic = new Set(inputs.elasticSources.values());
  const named = new Map<string, number>();
  for (const w of manifests.workloads) named.set(w.spec.name, (named.get(w.spec.name) ?? 0) + 1);
  // The autoscalers by the workload they target, in manifest order (HPAs, then ScaledObjects): one
  // pass over each list instead of one per workload (1,000 of each in bench-large).
  const scalersOf = new Map<string, PodBound[]>();
  const add = (ref: { kind: string; name: string }, namespace: string, bound: PodBound): void => {
    const key = targetKey(ref.kind, namespace, ref.name);
    const list = scalersOf.get(key);
    if (list === undefined) scalersOf.set(key, [bound]);
    else list.push(bound);
  };
  for (const h of manifests.hpas) {
    if (!inputs.adoptedHpas.has(h)) add(h.spec.scaleTargetRef, h.spec.namespace, { max: h.spec.maxReplicas, why: `HorizontalPodAutoscaler ${h.spec.name}'s maxReplicas is ${h.spec.maxReplicas}` });
  }
  for (const so of inputs.scaledObjects) {
    add(so.scaleTargetRef, so.namespace, { max: Math.max(so.maxReplicaCount, so.fallback?.replicas ?? 0), why: `ScaledObject ${so.name}'s maxReplicaCount is ${so.maxReplicaCount}` });
  }
  const out = new Map<string, PodBound>();
  for (const w of manifests.workloads) {
    if (named.get(w.spec.name) !== 1 || elastic.has(w)) continue;
    out.set(w.spec.name, boundOf(w, inputs.pausedReplicas, scalersOf.get(targetKey(w.spec.kind, w.spec.namespace, w.spec.name)) ?? []));
  }
  return out;
}

/** A scale target's identity: kind, namespace and name (NUL cannot occur in any of them). */
function targetKey(kind: string, namespace: string, name: string): string {
  return `${kind}\0${namespace}\0${name}`;
}

function boundOf(w: WorkloadEntry, pausedReplicas: ReadonlyMap<WorkloadEntry, number>, scalers: readonly PodBound[]): PodBound {
  const paused = pausedReplicas.get(w);
  if (paused !== undefined) return { max: paused, why: `a paused ScaledObject holds ${w.spec.kind} ${w.spec.name} at ${paused} replicas` };
  const replicas = w.spec.replicas;
  if (scalers.length === 0) return { max: replicas, why: `spec.replicas is ${replicas} and no autoscaler scales ${w.spec.kind} ${w.spec.name}` };
  const top = scalers.reduce((a, b) => (b.max > a.max ? b : a));
  if (replicas > top.max) return { max: replicas, why: `it starts with spec.replicas ${replicas}; ${top.why}` };
  return top;
}
