/**
 * Registry of vector kinds → adapters. A new kind is one adapter function and one line here;
 * kinds without an entry are reported as skipped.
 */
import { CA_VECTOR_ADAPTERS } from './ca-adapters.js';
import { adaptBehaviorLimit, adaptBehaviorRate, adaptBehaviorStabilize, adaptLegacyConvert, adaptLegacyStabilize } from './hpa-normalize-adapters.js';
import { adaptReconcile, adaptTimeline } from './hpa-reconcile-adapter.js';
import { adaptGroupPods, adaptReplicaCalc } from './hpa-replica-calc-adapter.js';
import { KEDA_VECTOR_ADAPTERS } from './keda-adapters.js';
import type { AdapterRegistry, VectorAdapter } from './vector-types.js';

/** The HPA kinds of docs/fidelity-spec.md §8. */
export const HPA_VECTOR_ADAPTERS: Readonly<Record<string, VectorAdapter>> = Object.freeze({
  'hpa.replicaCalc': adaptReplicaCalc,
  'hpa.groupPods': adaptGroupPods,
  'hpa.legacyConvert': adaptLegacyConvert,
  'hpa.legacyStabilize': adaptLegacyStabilize,
  'hpa.behaviorStabilize': adaptBehaviorStabilize,
  'hpa.behaviorRate': adaptBehaviorRate,
  'hpa.behaviorLimit': adaptBehaviorLimit,
  'hpa.reconcile': adaptReconcile,
  'hpa.timeline': adaptTimeline,
});

/** A registry from one or more kind → adapter tables (later tables win on a repeated kind). */
export function createAdapterRegistry(...tables: Readonly<Record<string, VectorAdapter>>[]): AdapterRegistry {
  const map = new Map<string, VectorAdapter>();
  for (const table of tables) for (const [kind, adapter] of Object.entries(table)) map.set(kind, adapter);
  return map;
}

/** Every adapter scalesim ships. */
export function defaultAdapterRegistry(): AdapterRegistry {
  return createAdapterRegistry(HPA_VECTOR_ADAPTERS, KEDA_VECTOR_ADAPTERS, CA_VECTOR_ADAPTERS);
}
