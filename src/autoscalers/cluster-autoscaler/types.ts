/**
 * Plain input records of the cluster-autoscaler rules: pods, nodes, node groups and budgets as the
 * CA's cluster snapshot sees them (simulator/framework NodeInfo, cloudprovider.NodeGroup). The
 * simulation copies its mutable objects into these; nothing here points back into the simulation.
 * Resources are cpuMillicores / memoryBytes; times are simulation seconds.
 */
import type { AffinityTerm } from '../../cluster/inter-pod-affinity-terms.js';
import type { SpreadFilterConstraint } from '../../cluster/topology-spread-filter.js';
import type { NodeSelectorTerm } from '../../scenario/node-affinity-types.js';
import type { LabelSelectorSpec, Taint, Toleration } from '../../scenario/types.js';

/** The pods a topology spread constraint counts: its selector in the incoming pod's namespace. */
export interface CaPodSelector {
  namespace: string;
  /** undefined: no labelSelector, which selects no pod. */
  labels: LabelSelectorSpec | undefined;
  /** Only pods of this revision (CaPod.revision: a revision label in matchLabelKeys). */
  revision?: number;
}

/** An explicit DoNotSchedule topology spread constraint of a pod, for the PodTopologySpread filter. */
export interface CaSpreadConstraint extends SpreadFilterConstraint {
  selector: CaPodSelector;
}

export interface CaPod {
  name: string;
  namespace: string;
  cpuMillicores: number;
  memoryBytes: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  nodeSelector: Record<string, string>;
  /** spec.affinity.nodeAffinity's required terms (ORed), when set. */
  requiredNodeAffinity?: readonly NodeSelectorTerm[];
  tolerations: Toleration[];
  /** containers[].ports[].hostPort values (> 0). */
  hostPorts?: number[];
  /**
   * Kind of the controller owner reference (metadata.ownerReferences[controller=true].kind):
   * ReplicaSet for a Deployment's pods, StatefulSet, Job, ReplicationController, DaemonSet, or a
   * custom kind. Undefined = no controller (the pod blocks scale-down unless safe-to-evict).
   */
  ownerKind?: string;
  /** Name of the controller owner; pods of one owner with the same spec form one equivalence group. */
  ownerName?: string;
  /** Owned by a DaemonSet (also implied by ownerKind DaemonSet). */
  daemonSet?: boolean;
  /** Static (mirror) pod: kubernetes.io/config.mirror annotation. */
  mirror?: boolean;
  /** Names of hostPath volumes and emptyDir volumes not backed by memory (block scale-down). */
  localStorageVolumes?: string[];
  /** spec.priority (default 0); pods below expendable-pods-priority-cutoff never trigger a scale-up. */
  priority?: number;
  /** spec.preemptionPolicy Never (unset: PreemptLowerPriority): such a pod is never expendable. */
  preemptionPolicy?: 'Never';
  /** status.nominatedNodeName of a pending pod whose preemption freed room there. */
  nominatedNodeName?: string;
  /** Phase Succeeded or Failed. */
  terminal?: boolean;
  /** metadata.deletionTimestamp, when the pod is terminating. */
  deletionSeconds?: number;
  /** spec.terminationGracePeriodSeconds (default 30). */
  terminationGracePeriodSeconds?: number;
  /** spec.topologySpreadConstraints with whenUnsatisfiable DoNotSchedule, in order (the filter's). */
  spreadConstraints?: readonly CaSpreadConstraint[];
  /** The pod's revision (its pod-template-hash or controller-revision-hash), when some constraint's selector names it. */
  revision?: number;
  /** Required inter-pod affinity and anti-affinity terms (for InterPodAffinity's filter), when the pod has some. */
  podAffinity?: CaPodAffinity;
}

/** A pod's required spec.affinity.podAffinity and podAntiAffinity terms (inter-pod-affinity-terms.ts). */
export interface CaPodAffinity {
  requiredAffinity: readonly AffinityTerm[];
  requiredAnti: readonly AffinityTerm[];
}

/** What a new node of a group looks like (the CA's template NodeInfo). */
export interface CaNodeTemplate {
  cpuMillicores: number;
  memoryBytes: number;
  maxPods: number;
  labels: Record<string, string>;
  taints: Taint[];
  /** The DaemonSet pods a new node of the group runs (upstream's template NodeInfo holds them). */
  daemonSetPods?: readonly CaPod[];
}

export interface CaNode {
  name: string;
  /** Node group (pool) name; a node of no known group is not autoscaled. */
  group: string;
  cpuAllocatableMillicores: number;
  memoryAllocatableBytes: number;
  maxPods: number;
  labels: Record<string, string>;
  taints: Taint[];
  /** Pods bound to the node (DaemonSet and mirror pods included). */
  pods: CaPod[];
  /** Ready condition. */
  ready: boolean;
  annotations?: Record<string, string>;
  /** Already being deleted by the CA (ToBeDeletedByClusterAutoscaler taint). */
  beingDeleted?: boolean;
  /**
   * Cordoned: spec.unschedulable (kubectl cordon, an interruption handler's drain), which the
   * simulation shows as its node.kubernetes.io/unschedulable taint. Not a ready node (isReadyNode).
   */
  cordoned?: boolean;
}

export interface CaNodeGroup {
  name: string;
  template: CaNodeTemplate;
  minSize: number;
  maxSize: number;
  /** Current target size: registered nodes plus nodes requested and still booting. */
  targetSize: number;
  /** Price of one node per hour (any currency, the same for every group) for the price expander. */
  priceUsdPerHour?: number;
  /** The priority expander's priority (higher wins); undefined = not listed in the priority config. */
  priority?: number;
}

/** A PodDisruptionBudget as the drain check sees it: status.disruptionsAllowed already computed. */
export interface CaPdb {
  name?: string;
  namespace: string;
  /** spec.selector.matchLabels; an empty selector matches every pod of the namespace (policy/v1). */
  selector: Record<string, string>;
  disruptionsAllowed: number;
}

/** Cluster-wide resource totals (for --cores-total / --memory-total). */
export interface CaResourceTotals {
  cpuMillicores: number;
  memoryBytes: number;
}
