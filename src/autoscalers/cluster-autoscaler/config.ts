/**
 * cluster-autoscaler defaults (cluster-autoscaler/config/flags/flags.go, current master; see
 * docs/fidelity-spec.md §4.1 and §9.6 for where the FAQ differs).
 */
import type { ClusterAutoscalerSettings } from '../../scenario/types.js';

export const CA_DEFAULTS: Readonly<ClusterAutoscalerSettings> = Object.freeze({
  /** On when the scenario has an autoscaled node group (minSize < maxSize); scenario spec.clusterAutoscaler.enabled overrides. */
  enabled: true,
  /** Node prices come from the cloud provider (here the node pools' billing, in USD: resolve-cluster-autoscaler.ts). */
  nodePriceUsdPerHour: Object.freeze({}),
  /** --scan-interval=10s */
  scanIntervalSeconds: 10,
  /** --expander=least-waste (the default since kubernetes/autoscaler#7631; the FAQ still says random) */
  expanders: Object.freeze(['least-waste']) as unknown as string[],
  /** --scale-down-enabled=true */
  scaleDownEnabled: true,
  /** --scale-down-utilization-threshold=0.5 */
  scaleDownUtilizationThreshold: 0.5,
  /** --scale-down-unneeded-time=10m */
  scaleDownUnneededTimeSeconds: 600,
  /** --scale-down-unready-time=20m */
  scaleDownUnreadyTimeSeconds: 1200,
  /** --scale-down-delay-after-add=10m */
  scaleDownDelayAfterAddSeconds: 600,
  /** --scale-down-delay-after-delete=0 (the FAQ says "scan-interval") */
  scaleDownDelayAfterDeleteSeconds: 0,
  /** --unremovable-node-recheck-timeout=5m: a node the removal simulation rejected is not simulated again before this. */
  unremovableNodeRecheckTimeoutSeconds: 300,
  /** --scale-down-delay-after-failure=3m */
  scaleDownDelayAfterFailureSeconds: 180,
  /** --max-node-provision-time=15m */
  maxNodeProvisionTimeSeconds: 900,
  /** --max-nodes-total=0 (unlimited) */
  maxNodesTotal: 0,
  /** --cores-total=0:320000 */
  coresTotal: Object.freeze({ min: 0, max: 320000 }),
  /** --memory-total=0:6400000 (GiB) */
  memoryTotalGiB: Object.freeze({ min: 0, max: 6400000 }),
  /** --max-nodes-per-scaleup=1000 */
  maxNodesPerScaleUp: 1000,
  /** --new-pod-scale-up-delay=0s */
  newPodScaleUpDelaySeconds: 0,
  /** --max-scale-down-parallelism=10 */
  maxScaleDownParallelism: 10,
  /** --max-drain-parallelism=1 */
  maxDrainParallelism: 1,
  /** --max-graceful-termination-sec=600 */
  maxGracefulTerminationSeconds: 600,
  /** --skip-nodes-with-system-pods=true */
  skipNodesWithSystemPods: true,
  /** --skip-nodes-with-local-storage=true */
  skipNodesWithLocalStorage: true,
  /** --ignore-daemonsets-utilization=false */
  ignoreDaemonSetsUtilization: false,
  /** --scale-down-unready-enabled=true: unready nodes may be scaled down (after --scale-down-unready-time). */
  scaleDownUnreadyEnabled: true,
  /** --max-bulk-soft-taint-count=10: soft-taint API calls a loop (0 turns soft tainting off). */
  maxBulkSoftTaintCount: 10,
  /** --expendable-pods-priority-cutoff=-10 */
  expendablePodsPriorityCutoff: -10,
});

/** Annotation that overrides the controller / kube-system / local-storage blockers ("true") or blocks ("false"). */
export const SAFE_TO_EVICT_ANNOTATION = 'cluster-autoscaler.kubernetes.io/safe-to-evict';
/** Node annotation that keeps a node from scale-down. */
export const SCALE_DOWN_DISABLED_ANNOTATION = 'cluster-autoscaler.kubernetes.io/scale-down-disabled';
