/**
 * Plain records of the simulated cluster: nodes and pods, resources in cpuMillicores / memoryBytes,
 * times in simulation seconds. Field names follow the Kubernetes objects they stand for
 * (status.startTime, the Ready condition, metadata.deletionTimestamp).
 */
import type { NodeSelectorTerm } from '../scenario/node-affinity-types.js';
import type { NodePoolSpec, PodTemplateSpec, Taint, Toleration } from '../scenario/types.js';
import { templateNonZeroRequests, type PodRequests } from './pod-requests.js';
import { emptyPodSlots } from './pod-slots.js';
import type { SpreadGroup } from './topology-spread-counts.js';
import type { SpreadSource } from './topology-spread-selectors.js';

export interface SimNode {
  name: string;
  pool: NodePoolSpec;
  cpuAllocatableMillicores: number;
  memoryAllocatableBytes: number;
  maxPods: number;
  labels: Record<string, string>;
  taints: Taint[];
  /**
   * Sum of the requests of pods bound here (including terminating pods until they are gone) and of
   * the pool's DaemonSet pods (NodePoolSpec.daemonSetPods, not in `pods`).
   */
  cpuRequestedMillicores: number;
  memoryRequestedBytes: number;
  /** The same sums with each pod's non-zero requests (NodeInfo.NonZeroRequested), for scoring. */
  cpuNonZeroRequestedMillicores: number;
  memoryNonZeroRequestedBytes: number;
  /** Pods bound here, the pool's DaemonSet pods included. */
  podCount: number;
  createdSeconds: number;
  /**
   * When the node's cloud instance was terminated (a spot interruption, the cluster-autoscaler's
   * DeleteNodes); undefined while it runs. The Node object outlives it until the cloud node
   * lifecycle controller deletes it (src/cloud/node-teardown.ts).
   */
  instanceGoneSeconds: number | undefined;
  /** Set when the Node object is deleted from the API (Cluster.removeNode). */
  removed: boolean;
  /** The node's Ready condition: false while its kubelet is down (a nodeFailure fault). */
  ready: boolean;
  /**
   * Pods bound here and not yet gone (terminating ones included), in binding order. An array, not a
   * Set: a Set that lives for hours rehashes into new tables as pods come and go, and each old table
   * becomes garbage in the old generation (see PodSlot).
   */
  pods: SimPod[];
  /**
   * Moves on whenever a pod binds here, leaves, or changes state (deletion, phase, readiness…): a
   * reader that copied what it needs of the node and its pods may keep its copy while this stays.
   */
  podsVersion: number;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/** The owner of a pod: enough of the workload for scheduling, metrics and the HPA. */
export interface PodOwner {
  name: string;
  namespace: string;
  /** Index of the workload in the simulation (hot-path lookups avoid string maps). */
  index: number;
  /** A Deployment's or StatefulSet's (the revision label its pods carry: topology-spread-selectors.ts); unset for a Job's. */
  kind?: 'Deployment' | 'StatefulSet';
}

export interface SimPod {
  name: string;
  owner: PodOwner;
  /** Creation order across the whole run; the ReplicaSet ranking uses it for "newer first". */
  serial: number;
  /**
   * The stand-in for metadata.uid in the ReplicaSet ranking's ties (replica-set-order.ts pseudoUid, a
   * hash of namespace/name), kept once first hashed: undefined until a scale-down first needs it.
   */
  uidHash: number | undefined;
  createdSeconds: number;
  phase: PodPhase;
  /** Requests used by the scheduler: containers + sidecars (or pod-level requests). */
  cpuRequestMillicores: number;
  memoryRequestBytes: number;
  /** Requests with a container's missing request counted at 100m / 200 MiB (templateNonZeroRequests), for scoring. */
  cpuNonZeroRequestMillicores: number;
  memoryNonZeroRequestBytes: number;
  template: PodTemplateSpec;
  nodeSelector: Record<string, string>;
  /** The template's required node affinity terms (ORed; node-affinity.ts), undefined when it has none. */
  requiredNodeAffinity: NodeSelectorTerm[] | undefined;
  tolerations: Toleration[];
  /**
   * The pods the system default topology spread constraints count for this one (its workload's),
   * or undefined when they do not apply: a Job's pod, or a template with its own constraints.
   */
  spread: SpreadGroup | undefined;
  /**
   * The pods of this one's owner and template (topology-spread-selectors.ts): the counts of the
   * explicit constraints' selectors its labels feed, and its own explicit constraints.
   */
  spreadSource: SpreadSource | undefined;
  /** Bound node, undefined while unscheduled. */
  node: SimNode | undefined;
  /** PodScheduled=False/Unschedulable was set: no node fits. */
  unschedulable: boolean;
  boundSeconds: number | undefined;
  /** status.startTime: set when the kubelet accepts the pod (before the image pull). */
  startTimeSeconds: number | undefined;
  /**
   * On a virtual node (ECI/Fargate): when the image pull starts, after the sandbox is created; the
   * provider's charge starts here (docs/fidelity-spec.md §5.2). undefined on other nodes and for warm pods.
   */
  imagePullStartSeconds: number | undefined;
  /** When the containers last started (metrics-server's first-sample rule uses it); undefined while down. */
  containerStartSeconds: number | undefined;
  /** status.containerStatuses[].restartCount of the serving container (kubectl's RESTARTS). */
  restartCount: number;
  /** Ready condition; `readyConditionSeconds` is its lastTransitionTime (undefined = no condition yet). */
  ready: boolean;
  readyConditionSeconds: number | undefined;
  /**
   * When the pod was deleted (the delete request; upstream's metadata.deletionTimestamp is this plus
   * deletionGracePeriodSeconds, apiserver registry/rest/delete.go BeforeDelete).
   */
  deletionSeconds: number | undefined;
  /** metadata.deletionGracePeriodSeconds (0 for a pod never bound: pod strategy CheckGracefulDelete). */
  deletionGracePeriodSeconds: number | undefined;
  /** Set when the pod is gone from the API. */
  removed: boolean;
  /** State other components keep for this pod (see PodSlot), indexed by slot. */
  slots: unknown[];
}

export type { PodRequests } from './pod-requests.js';

/** A node of `pool` as it registers at `nowSeconds`: Ready, empty, labelled with its hostname. */
/** What the pool's DaemonSet pods hold on each of its nodes (scenario/node-pools/daemon-set-pods.ts). */
export function daemonSetRequests(pool: NodePoolSpec): { cpu: number; memory: number; cpuNonZero: number; memoryNonZero: number; pods: number } {
  const totals = { cpu: 0, memory: 0, cpuNonZero: 0, memoryNonZero: 0, pods: 0 };
  for (const d of pool.daemonSetPods ?? []) {
    totals.cpu += d.cpuMillicores;
    totals.memory += d.memoryBytes;
    totals.cpuNonZero += d.cpuNonZeroMillicores;
    totals.memoryNonZero += d.memoryNonZeroBytes;
    totals.pods++;
  }
  return totals;
}

export function newNode(pool: NodePoolSpec, index: number, nowSeconds: number): SimNode {
  // The pool's DaemonSet pods hold their requests from the node's start.
  const daemon = daemonSetRequests(pool);
  return {
    name: `${pool.name}-${index}`,
    pool,
    cpuAllocatableMillicores: pool.cpuMillicores,
    memoryAllocatableBytes: pool.memoryBytes,
    maxPods: pool.maxPods,
    labels: { ...pool.labels, 'kubernetes.io/hostname': `${pool.name}-${index}` },
    taints: pool.taints,
    cpuRequestedMillicores: daemon.cpu,
    memoryRequestedBytes: daemon.memory,
    cpuNonZeroRequestedMillicores: daemon.cpuNonZero,
    memoryNonZeroRequestedBytes: daemon.memoryNonZero,
    podCount: daemon.pods,
    createdSeconds: nowSeconds,
    instanceGoneSeconds: undefined,
    removed: false,
    ready: true,
    pods: [],
    podsVersion: 0,
  };
}

/** A pod as the API server creates it: Pending, unbound, no conditions yet. */
export function pendingPod(args: {
  name: string;
  owner: PodOwner;
  template: PodTemplateSpec;
  requests: PodRequests;
  serial: number;
  createdSeconds: number;
  spread?: SpreadGroup | undefined;
  spreadSource?: SpreadSource | undefined;
}): SimPod {
  const { template } = args;
  const nonZero = args.requests.nonZero ?? templateNonZeroRequests(template);
  return {
    name: args.name,
    owner: args.owner,
    serial: args.serial,
    uidHash: undefined,
    createdSeconds: args.createdSeconds,
    phase: 'Pending',
    cpuRequestMillicores: args.requests.cpuMillicores,
    memoryRequestBytes: args.requests.memoryBytes,
    cpuNonZeroRequestMillicores: nonZero.cpuMillicores,
    memoryNonZeroRequestBytes: nonZero.memoryBytes,
    template,
    nodeSelector: template.nodeSelector,
    requiredNodeAffinity: template.nodeAffinity?.required,
    tolerations: template.tolerations,
    spread: args.spread,
    spreadSource: args.spreadSource,
    node: undefined,
    unschedulable: false,
    boundSeconds: undefined,
    startTimeSeconds: undefined,
    imagePullStartSeconds: undefined,
    containerStartSeconds: undefined,
    restartCount: 0,
    ready: false,
    readyConditionSeconds: undefined,
    deletionSeconds: undefined,
    deletionGracePeriodSeconds: undefined,
    removed: false,
    slots: emptyPodSlots(),
  };
}

export function isActive(pod: SimPod): boolean {
  return pod.deletionSeconds === undefined && pod.phase !== 'Succeeded' && pod.phase !== 'Failed';
}

/**
 * The API shows the pod serving (Running, Ready, not terminating: an endpoint) but its containers
 * are down: its node's kubelet died and the node lifecycle controller has not yet marked it
 * (nodeFailure, within node-monitor-grace-period). Requests sent to it are lost.
 */
export function isUnreachableEndpoint(pod: SimPod): boolean {
  return pod.containerStartSeconds === undefined && pod.ready && pod.phase === 'Running' && pod.deletionSeconds === undefined;
}

/**
 * Running with Ready=True, terminating or not: the pods the HPA's Object and External Value metrics
 * divide by (replica_calculator.go getReadyPodsCount checks the phase and IsPodReady, not the
 * deletionTimestamp). A terminating pod keeps the Ready condition its kubelet last posted until its
 * containers stop (it is gone then), though it has left the endpoints (isServing).
 */
export function isRunningReady(pod: SimPod): boolean {
  return pod.phase === 'Running' && pod.ready;
}

/** Running, Ready and not terminating: the pod receives traffic (endpoints) and counts as a ready replica. */
export function isServing(pod: SimPod): boolean {
  return pod.phase === 'Running' && pod.ready && pod.deletionSeconds === undefined;
}
