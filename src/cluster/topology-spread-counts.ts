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
 * nodes that match the incoming pod's nodeSelector and required node affinity (NodeAffinityPolicy
 * Honor, RequiredNodeAffinity.Match); a group's pods share one template and node labels do not
 * change here, so they are all on such nodes.
 */
import type { SimNode } from './model.js';
import { ZONE_LABEL } from './topology-spread-score.js';

/** Zero entries a group keeps before it drops them (see SpreadGroup.zeroNodes). */
const ZERO_ENTRIES_KEPT = 64;

export class SpreadGroup {
  /**
   * Bound, non-terminating pods of the group per node. A node whose count falls to 0 keeps its
   * entry: deleting a key and adding it again soon after makes V8 rebuild the Map's table, which over
   * a long run is old-generation garbage (a one-year run peaked 0.9 MiB higher with deletes).
   */
  private readonly podsByNode = new Map<SimNode, number>();
  /** Entries of podsByNode at 0; past ZERO_ENTRIES_KEPT and half the map they are dropped at once (removed nodes' too). */
  private zeroNodes = 0;
  /** The same per value of the node's zone label (nodes without the label are not counted); zones are few, zeros are kept. */
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
    const byNode = this.podsByNode;
    const before = byNode.get(node);
    const after = (before ?? 0) + delta;
    byNode.set(node, after);
    if (before === 0) this.zeroNodes--;
    if (after === 0 && ++this.zeroNodes > ZERO_ENTRIES_KEPT && this.zeroNodes * 2 > byNode.size) this.dropZeroNodes();
    const zone = node.labels[ZONE_LABEL];
    if (zone !== undefined) this.podsByZone.set(zone, (this.podsByZone.get(zone) ?? 0) + delta);
  }

  /** Nodes with an entry, zeros included (bounded: at most ZERO_ENTRIES_KEPT, or half the map, at 0). */
  get trackedNodeCount(): number {
    return this.podsByNode.size;
  }

  private dropZeroNodes(): void {
    for (const [node, pods] of this.podsByNode) if (pods === 0) this.podsByNode.delete(node);
    this.zeroNodes = 0;
  }
}
