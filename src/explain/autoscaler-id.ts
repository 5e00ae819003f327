/**
 * Which autoscaler a decision row belongs to: each HPA by name, each ScaledObject/ScaledJob by name,
 * and the one cluster-autoscaler; and how `--autoscaler <name>` selects among them.
 */
import type { ControllerKind } from './decision-row.js';

/** Output order: KEDA's activation comes before the HPA it feeds, the pods' controllers after it, and pods before nodes. */
const KIND_ORDER: Readonly<Record<ControllerKind, number>> = Object.freeze({ keda: 0, hpa: 1, deployment: 2, replicaset: 2, statefulset: 2, job: 2, ca: 3, scheduler: 4 });

/** `hpa/<name>`, `keda/<name>` or `ca/cluster-autoscaler`: unique per autoscaler. */
export function autoscalerKey(row: { controller: string; name: string }): string {
  return `${row.controller}/${row.name}`;
}

/** Orders keys by controller kind (keda, hpa, ca), then by name. */
export function compareAutoscalerKeys(a: string, b: string): number {
  const kind = (key: string): number => KIND_ORDER[key.slice(0, key.indexOf('/')) as ControllerKind] ?? Object.keys(KIND_ORDER).length;
  return kind(a) - kind(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Whether `selector` (from --autoscaler) names the autoscaler of `key`: its bare name (`nginx`),
 * its key (`hpa/nginx`), or for the cluster-autoscaler also `ca`.
 */
export function matchesAutoscaler(key: string, selector: string): boolean {
  const name = key.slice(key.indexOf('/') + 1);
  return selector === key || selector === name || (key.startsWith('ca/') && selector === 'ca');
}
