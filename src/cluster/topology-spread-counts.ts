/**
 * The matching-pod counts that PodTopologySpread's PreScore and Score take from the node snapshot
 * (podtopologyspread/common.go countPodsMatchSelector over NodeInfo.Pods: pods of the incoming
 * pod's namespace matching the selector, terminating ones skipped, #87621), kept as pods bind,
 * start terminating and go, so that a scheduling cycle does not walk the pods of every node.
 *
 * One SpreadGroup per selector the system default constraints use: helper.DefaultSelector is the
 * owning ReplicaSet's selector (which carries pod-template-hash) or StatefulSet's, so the matching
 * pods are the pods of one workload (each ElasticWorkload part is its own Deployment or
 * StatefulSet). Services are not modelled, so their selectors never narrow it, and a Job's pods
 * (a ScaledJob) have no group: DefaultSelector gives them an empty selector and no constraints.
 * Pods of another workload whose labels happen to match a StatefulSet's selector are not counted.
 *
 * Zone counts are per value of topology.kubernetes.io/zone over every node. Upstream counts only
 * nodes that match the incoming pod's nodeSelector (NodeAffinityPolicy Honor); a group's pods share
 * one template and node labels do not change here, so they are all on such nodes.
 */
import type { SimNode } from './model.js';
import { ZONE_LABEL } from './topology-spread-score.js';

export class SpreadGroup {
  /** Bound, non-terminating pods of the group per node; a node with none has no entry. */
  private readonly podsByNode = new Map<SimNode, number>();
  /** The same per value of the node's zone label (nodes without the label are not counted). */
  private readonly podsByZone = new Map<string, number>();

  /** Matching pods on `node` (the hostname constraint's domain). */
  podsOnNode(node: SimNode): number {
    return this.podsByNode.get(node) ?? 0;
  }

  /** Matching pods on the nodes labelled with zone `zone`. */
  podsInZone(zone: string): number {
    return this.podsByZone.get(zone) ?? 0;
  }

  /** A pod of the group starts counting on `node` (bound, not terminating): delta 1, or stops: −1. */
  count(node: SimNode, delta: 1 | -1): void {
    bump(this.podsByNode, node, delta);
    const zone = node.labels[ZONE_LABEL];
    if (zone !== undefined) bump(this.podsByZone, zone, delta);
  }
}

function bump<K>(map: Map<K, number>, key: K, delta: number): void {
  const next = (map.get(key) ?? 0) + delta;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}
