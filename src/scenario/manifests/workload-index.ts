/**
 * Lookups of the manifests' workloads by name, and by kind, namespace and name, through maps built
 * once per workload list (rebuilt if the list grows), so that resolving 1,000 autoscalers' targets
 * and 1,000 load models' workloads is linear in the manifests, not quadratic. Each lookup returns
 * what the linear search over `workloads` in reading order would: the first match, or every match
 * in reading order.
 */
import type { ManifestSet, WorkloadEntry } from './manifest-set.js';

interface WorkloadIndex {
  /** The list's length when indexed. */
  length: number;
  byName: Map<string, WorkloadEntry[]>;
  byIdentity: Map<string, WorkloadEntry>;
}

const INDEXES = new WeakMap<readonly WorkloadEntry[], WorkloadIndex>();

/** Kind, namespace and name as one key (NUL occurs in none of them). */
function identityKey(kind: string, namespace: string, name: string): string {
  return `${kind}\0${namespace}\0${name}`;
}

function indexOf(workloads: readonly WorkloadEntry[]): WorkloadIndex {
  const cached = INDEXES.get(workloads);
  if (cached !== undefined && cached.length === workloads.length) return cached;
  const index: WorkloadIndex = { length: workloads.length, byName: new Map(), byIdentity: new Map() };
  for (const w of workloads) {
    const named = index.byName.get(w.spec.name);
    if (named === undefined) index.byName.set(w.spec.name, [w]);
    else named.push(w);
    const key = identityKey(w.spec.kind, w.spec.namespace, w.spec.name);
    if (!index.byIdentity.has(key)) index.byIdentity.set(key, w);
  }
  INDEXES.set(workloads, index);
  return index;
}

/** The workloads named `name`, in reading order (any kind, any namespace). */
export function workloadsNamed(manifests: Pick<ManifestSet, 'workloads'>, name: string): readonly WorkloadEntry[] {
  return indexOf(manifests.workloads).byName.get(name) ?? [];
}

/** The first workload of this kind, namespace and name, in reading order. */
export function workloadOf(manifests: Pick<ManifestSet, 'workloads'>, kind: string, namespace: string, name: string): WorkloadEntry | undefined {
  return indexOf(manifests.workloads).byIdentity.get(identityKey(kind, namespace, name));
}

/** `"web" names several workloads (Deployment a/web, Deployment b/web)`: the problem of a name several workloads share. */
export function severalWorkloadsMessage(name: string, matches: readonly WorkloadEntry[]): string {
  return `"${name}" names several workloads (${matches.map((w) => `${w.spec.kind} ${w.spec.namespace}/${w.spec.name}`).join(', ')})`;
}

/**
 * Whether a Deployment or StatefulSet named `name` failed to load, or some manifest could not be
 * read at all: its own problem is reported, so a reference to it adds none.
 */
export function workloadMayHaveFailedToLoad(manifests: Pick<ManifestSet, 'broken' | 'incomplete'>, name: string): boolean {
  return manifests.incomplete || [...manifests.broken].some((key) => /^(Deployment|StatefulSet)\//.test(key) && key.endsWith(`/${name}`));
}

