/**
 * The resolved scenario: what the loaders produce from scenario.yaml, the Kubernetes manifests and
 * the trace files, after validation and defaulting. The simulation is built from this alone; all
 * Kubernetes quantities are already converted (cpuMillicores, memoryBytes, seconds).
 */
import type { HpaControllerConfig, HpaSpec, SourceRef } from '../autoscalers/hpa/types.js';
import type { ScaledJobSpec, ScaledObjectSpec } from '../autoscalers/keda/types.js';
import type { NodeBilling, VirtualPoolSettings } from '../cloud/types.js';
import type { RolloutSettings } from '../cluster/deployment/strategy.js';
import type { StatefulSetSettings } from '../cluster/stateful-set/update-strategy.js';
import type { InputProblem } from '../errors/user-input-error.js';
import type { FaultSpec } from './fault-types.js';
import type { RolloutSpec } from './rollout-types.js';
import type { PodTemplateSpec, Taint, Toleration } from './pod-template-types.js';
import type { ResourceQuotaSpec } from './resource-quota-types.js';

export type { SourceRef, StatefulSetSettings };
export type { FaultSpec };
export type {
  ContainerSpec,
  LabelSelectorRequirement,
  LabelSelectorSpec,
  PodTemplateSpec,
  ProbeSpec,
  Taint,
  Toleration,
  TopologySpreadConstraintSpec,
} from './pod-template-types.js';
export type { QuotaResource, QuotaScopeName, QuotaScopeRequirement, ResourceQuotaSpec } from './resource-quota-types.js';

/** Something in the input the simulator accepts but does not model, with where it stands. */
export type Warning = InputProblem;

export type WorkloadKind = 'Deployment' | 'StatefulSet';


export interface WorkloadSpec {
  kind: WorkloadKind;
  /** Set for StatefulSets. */
  statefulSet?: StatefulSetSettings;
  /** Set for Deployments: spec.strategy, minReadySeconds and progressDeadlineSeconds, defaults filled. */
  rollout?: RolloutSettings;
  apiVersion: string;
  name: string;
  namespace: string;
  /** spec.replicas, default 1. */
  replicas: number;
  /** spec.selector.matchLabels. */
  selector: Record<string, string>;
  template: PodTemplateSpec;
  source: SourceRef;
}

/**
 * apps/v1 DaemonSet: one pod on every node whose labels and taints its template accepts. Its pods
 * hold their requests on each such node from the node's start (node-pools/daemon-set-pods.ts).
 */
export interface DaemonSetSpec {
  name: string;
  namespace: string;
  template: PodTemplateSpec;
  /** spec.template.spec.hostNetwork: its pods also tolerate node.kubernetes.io/network-unavailable. */
  hostNetwork: boolean;
  source: SourceRef;
}

/** A DaemonSet's pod on each node of a pool: its requests, held on the node from its start. */
export interface DaemonSetPodSpec {
  daemonSet: string;
  namespace: string;
  /** The pod template as the controller creates the pods (the tolerations it adds included). */
  template: PodTemplateSpec;
  cpuMillicores: number;
  memoryBytes: number;
  /** The requests with unset ones at the scheduler's defaults (100m, 200 MiB), for scoring. */
  cpuNonZeroMillicores: number;
  memoryNonZeroBytes: number;
}

export interface NodePoolSpec {
  name: string;
  /** Nodes at t = 0 (the group's initial size). */
  count: number;
  /** Allocatable CPU and memory of one node. */
  cpuMillicores: number;
  memoryBytes: number;
  /** kubelet --max-pods, default 110. */
  maxPods: number;
  labels: Record<string, string>;
  taints: Taint[];
  /** Node group bounds for the cluster-autoscaler; minSize = maxSize = count means a fixed pool. */
  minSize: number;
  maxSize: number;
  /** Instance type name (from a bundled price table or the scenario), for reports and expanders. */
  instanceType?: string;
  /** How a node is billed; undefined = not priced (costs reported as unknown). */
  billing?: NodeBilling;
  /** Time from the cloud request to a Ready node: uniform in [min, max] from the seeded `cloud` stream. */
  bootSeconds: { min: number; max: number };
  /** The priority expander's priority of this group (higher wins). */
  expanderPriority?: number;
  /** Set for a virtual-kubelet pool (ECI/ACI/Fargate): one node of no practical capacity, billed per pod. */
  virtual?: VirtualPoolSettings;
  /** The DaemonSets' pods each node of the pool runs (set only when some DaemonSet runs there). */
  daemonSetPods?: DaemonSetPodSpec[];
}

/** cluster-autoscaler flags (config/flags/flags.go); see src/autoscalers/cluster-autoscaler/config.ts. */
export interface ClusterAutoscalerSettings {
  enabled: boolean;
  /** Each priced node pool's price per node-hour in USD, as the price expander compares them (resolve-cluster-autoscaler.ts). */
  nodePriceUsdPerHour: Readonly<Record<string, number>>;
  scanIntervalSeconds: number;
  /** --expander, comma list in order (filters, then a final strategy; random is the fallback). */
  expanders: string[];
  scaleDownEnabled: boolean;
  scaleDownUtilizationThreshold: number;
  scaleDownUnneededTimeSeconds: number;
  scaleDownUnreadyTimeSeconds: number;
  scaleDownDelayAfterAddSeconds: number;
  scaleDownDelayAfterDeleteSeconds: number;
  scaleDownDelayAfterFailureSeconds: number;
  maxNodeProvisionTimeSeconds: number;
  maxNodesTotal: number;
  coresTotal: { min: number; max: number };
  memoryTotalGiB: { min: number; max: number };
  maxNodesPerScaleUp: number;
  newPodScaleUpDelaySeconds: number;
  maxScaleDownParallelism: number;
  maxDrainParallelism: number;
  unremovableNodeRecheckTimeoutSeconds: number;
  maxGracefulTerminationSeconds: number;
  skipNodesWithSystemPods: boolean;
  skipNodesWithLocalStorage: boolean;
  ignoreDaemonSetsUtilization: boolean;
  /** --scale-down-unready-enabled: false keeps every unready node (ScaleDownUnreadyDisabled). */
  scaleDownUnreadyEnabled: boolean;
  /** --max-bulk-soft-taint-count: unneeded nodes soft-tainted (PreferNoSchedule) or cleaned a loop; 0 = none. */
  maxBulkSoftTaintCount: number;
  /** --expendable-pods-priority-cutoff: pods of lower priority are expendable (not in the CA's snapshot). */
  expendablePodsPriorityCutoff: number;
}

/** autoscaling.alibabacloud.com/v1beta1 ElasticWorkload (docs/fidelity-spec.md §5.1). */
export interface ElasticWorkloadSpec {
  name: string;
  namespace: string;
  /** The source Deployment (or StatefulSet) and how many replicas stay on it. */
  sourceTarget: { kind: string; name: string; min: number; max: number };
  /** spec.replicas: the total. */
  replicas: number;
  /** Ordered clones of the source that take the excess (e.g. to the virtual-kubelet node). */
  elasticUnits: ElasticUnitSpec[];
  source: SourceRef;
}

export interface ElasticUnitSpec {
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
  min?: number;
  max?: number;
}

/** policy/v1 PodDisruptionBudget: the cluster-autoscaler's drain respects it. */
export interface PodDisruptionBudgetSpec {
  name: string;
  namespace: string;
  selector: Record<string, string>;
  minAvailable?: number | { percent: number };
  maxUnavailable?: number | { percent: number };
  source: SourceRef;
}

/**
 * A piecewise-constant series over simulation time: value[i] holds from startSeconds[i] until
 * startSeconds[i+1] (the last value holds until endSeconds). startSeconds is strictly increasing,
 * startSeconds[0] is the series' first instant (normally 0).
 */
export interface StepSeries {
  startSeconds: Float64Array;
  values: Float64Array;
  endSeconds: number;
}

/** What a trace's `value` column means (issue 2 §4). */
export type TraceValueKind = 'countPerBucket' | 'ratePerSecond' | 'activeUsers';

export interface TraceBinding {
  name: string;
  file: string;
  format: string;
  valueKind: TraceValueKind;
  /** Requests per second per active user, for valueKind activeUsers. */
  requestsPerUserPerSecond?: number;
  /** Multiplier applied to the rate. */
  scale: number;
  /** Positive: the trace starts later in simulation time; negative: its first seconds are skipped. */
  shiftSeconds: number;
  /** Repeat the trace when it ends (period = its span). */
  loop: boolean;
  /** Bucket width used to turn counts into rates (the trace's dominant step unless given). */
  bucketSeconds: number;
  /** Offered request rate, requests per second, over simulation time (loop is not expanded). */
  rate: StepSeries;
}

/** How one workload turns offered load into CPU, memory and served requests (issue 2 §4). */
export interface LoadModelSpec {
  workload: string;
  trace: string;
  /** CPU a request costs: millicore-seconds per request (= millicores per request/s). */
  cpuMillicoreSecondsPerRequest: number;
  /** CPU a running pod uses with no traffic, millicores. */
  baseCpuMillicores: number;
  /** Working set of a running pod with no traffic, bytes. */
  baseMemoryBytes: number;
  /** Extra working set per request/s served by the pod, bytes. */
  memoryBytesPerRequestPerSecond: number;
  /** Largest request rate one ready pod serves; undefined = derived from the CPU cap. */
  maxRequestsPerSecondPerPod?: number;
  /** Requests that may wait when the pods are saturated; the rest is dropped. */
  maxBacklogRequests: number;
  /** Time to serve one request on an idle pod, seconds (default: cpu cost on one core). */
  serviceTimeSeconds: number;
  /** The container that serves traffic (default: the first container). */
  container?: string;
  /** Set for a queue worker: arrivals wait in a named queue that KEDA triggers can read. */
  queue?: QueueSpec;
}

/**
 * A message queue (Kafka topic, RabbitMQ queue, Redis list…) in front of a queue worker: messages
 * arrive from the workload's trace, each ready pod consumes `messagesPerSecondPerPod`.
 */
export interface QueueSpec {
  /** The name triggers refer to (kafka `topic`, rabbitmq `queueName`, redis `listName`); default: the workload name. */
  name: string;
  messagesPerSecondPerPod: number;
  /**
   * Kafka partitions: consumers beyond this many sit idle and the lag is spread evenly over them.
   * Unset for a queue that any number of consumers share (RabbitMQ, Redis lists).
   */
  partitions?: number;
  /** Messages the queue holds at most (default unbounded); the rest is rejected (dropped). */
  maxMessages: number;
}

/** A queue no Deployment consumes (the work of a ScaledJob): messages arrive from a trace. */
export interface StandaloneQueueSpec {
  name: string;
  trace: string;
  /** Messages the queue holds at most (Infinity = unbounded); the rest is rejected (dropped). */
  maxMessages: number;
}

/** Where a KEDA trigger reads its value, for triggers that query something (prometheus, mysql…). */
export interface TriggerSourceSpec {
  /** ScaledObject or ScaledJob name. */
  owner: string;
  /** Trigger index in spec.triggers. */
  triggerIndex: number;
  /** `queues`: the queues a regex matched (rabbitmq's useRegex), in the scenario's queue order. */
  source: { kind: 'series'; series: string } | { kind: 'queue'; queue: string } | { kind: 'queues'; queues: string[] };
}

/** A window in which reads of matching triggers fail (e.g. "prometheus unreachable from 02:00 to 02:20"). */
export interface ScalerFaultSpec {
  /** Every trigger of this type fails (e.g. prometheus), or only `owner`'s trigger `triggerIndex`. */
  triggerType?: string;
  owner?: string;
  triggerIndex?: number;
  fromSeconds: number;
  toSeconds: number;
  message: string;
}

/** How the Jobs of a ScaledJob run: the queue they take messages from and how long each takes. */
export interface JobRunSpec {
  scaledJob: string;
  /** Queue the jobs consume (each job takes `messagesPerJob` messages when it starts). */
  queue: string;
  messagesPerJob: number;
  runSeconds: number;
}

/** The pod template of a ScaledJob's Jobs (spec.jobTargetRef.template), found by ScaledJobSpec.jobTemplateName. */
export interface JobTemplateSpec {
  /** The ScaledJob's name (ScaledJob names are unique in a scenario). */
  name: string;
  namespace: string;
  template: PodTemplateSpec;
  source: SourceRef;
}

/** A named series for Pods, Object and External metrics (issue 2 §6). */
export interface MetricSeriesSpec {
  name: string;
  source:
    | { kind: 'trace'; trace: string }
    | { kind: 'workload'; workload: string; quantity: WorkloadQuantity };
  /** Pods metrics: `perPod` = every ready pod reports the value; `total` = split equally over ready pods. */
  perPod: 'perPod' | 'total';
  scale: number;
  /** Age of the value the metrics pipeline serves (scrape + adapter delay), seconds. */
  delaySeconds: number;
}

export type WorkloadQuantity =
  | 'offeredRequestsPerSecond'
  | 'servedRequestsPerSecond'
  | 'backlogRequests'
  | 'droppedRequestsPerSecond';

/** Pod start-up delays (kube-scheduler and kubelet), seconds; see src/cluster/startup-defaults.ts. */
export interface StartupDelays {
  schedulingSeconds: number;
  imagePullSeconds: number;
  containerStartSeconds: number;
  /** Time a deleted pod keeps its node resources before it is gone (capped at the grace period). */
  terminationSeconds: number;
  /** Relative jitter (0..1) applied to each delay from the seeded `startup` stream. */
  jitterRatio: number;
}

export interface SchedulerConfig {
  /** NodeResourcesFit scoring strategy (SetDefaults_NodeResourcesFitArgs: LeastAllocated). */
  scoringStrategy: 'LeastAllocated' | 'MostAllocated';
}

export interface ResourceQuotaControllerConfig {
  /** --resource-quota-sync-period: the full recalculation of every quota (5 m); 0 disables it. */
  syncPeriodSeconds: number;
}

export interface MetricsServerConfig {
  /** --metric-resolution as the shipped manifests set it (15 s; binary default 60 s). */
  resolutionSeconds: number;
}

export interface Scenario {
  name: string;
  /** Folder the scenario was loaded from. */
  dir: string;
  seed: number;
  durationSeconds: number;
  outputIntervalSeconds: number;
  /** spec.decisions: which rows decisions.csv keeps. */
  decisions: 'all' | 'changes' | 'none';
  nodePools: NodePoolSpec[];
  workloads: WorkloadSpec[];
  hpas: HpaSpec[];
  traces: TraceBinding[];
  loads: LoadModelSpec[];
  series: MetricSeriesSpec[];
  scaledObjects: ScaledObjectSpec[];
  scaledJobs: ScaledJobSpec[];
  triggerSources: TriggerSourceSpec[];
  scalerFaults: ScalerFaultSpec[];
  /** spec.faults other than scalerUnavailable, in list order. */
  faults: FaultSpec[];
  rollouts: RolloutSpec[]; // spec.rollouts, in list order
  jobRuns: JobRunSpec[];
  /** Queues with no consumer Deployment (spec.queues). */
  queues: StandaloneQueueSpec[];
  elasticWorkloads: ElasticWorkloadSpec[];
  podDisruptionBudgets: PodDisruptionBudgetSpec[];
  /** apps/v1 DaemonSets (their pods are on the node pools: NodePoolSpec.daemonSetPods). */
  daemonSets: DaemonSetSpec[];
  /** v1 ResourceQuotas, by namespace then name: the quota admission the controllers' pod creations pass (cluster/quota-ledger.ts). */
  resourceQuotas: ResourceQuotaSpec[];
  clusterAutoscaler: ClusterAutoscalerSettings;
  /** Exchange rates the user gives for the cost report (e.g. CNY→USD); nothing is converted without one. */
  currencyRates: { from: string; to: string; rate: number }[];
  /** Currency the cost report converts to when rates allow (default: the currency of most prices). */
  reportCurrency?: string;
  /** Pod templates of the ScaledJobs' Jobs, one per ScaledJob. */
  jobTemplates: JobTemplateSpec[];
  /**
   * Calendar instant of simulation t = 0, Unix epoch seconds (cron triggers and clock-time faults
   * need it): spec.startTime, else the start of the first trace bound to a workload.
   */
  startEpochSeconds: number;
  config: {
    hpa: HpaControllerConfig;
    metricsServer: MetricsServerConfig;
    scheduler: SchedulerConfig;
    resourceQuota: ResourceQuotaControllerConfig;
    startup: StartupDelays;
  };
  warnings: Warning[];
}
