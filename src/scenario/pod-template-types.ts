/**
 * The resolved pod template (k8s.io/api/core/v1 PodTemplateSpec, as the manifests' loader leaves it:
 * quantities converted, API defaults applied): containers and their probes, tolerations and the
 * node taints they answer, label selectors and topology spread constraints, node affinity
 * (node-affinity-types.ts). Re-exported by types.ts, where the rest of the resolved scenario lives.
 */
import type { NodeAffinitySpec } from './node-affinity-types.js';
import type { InterPodAffinitySpec } from './pod-affinity-types.js';

export type { InterPodAffinitySpec, PodAffinityRulesSpec, PodAffinityTermSpec, WeightedPodAffinityTermSpec } from './pod-affinity-types.js';
export interface ProbeSpec {
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

export interface ContainerSpec {
  name: string;
  /** resources.requests.cpu; undefined when the container sets no request. */
  cpuRequestMillicores?: number;
  cpuLimitMillicores?: number;
  memoryRequestBytes?: number;
  memoryLimitBytes?: number;
  readinessProbe?: ProbeSpec;
  startupProbe?: ProbeSpec;
  livenessProbe?: ProbeSpec;
  /** True for a restartable init container (sidecar, restartPolicy: Always): its requests count. */
  sidecar: boolean;
  /**
   * env, in order, every entry (a name may repeat; a later entry wins): a literal `value` (a
   * missing one is ""), or its `valueFrom` when the value is empty. The order matters to `$(VAR)`
   * references. Read only for KEDA's `<key>FromEnv` and env parameters (src/scenario/keda/container-env.ts).
   */
  env?: readonly EnvVar[];
  /** envFrom, in order: every key of a ConfigMap or Secret as a variable (prefixed). */
  envFrom?: readonly EnvFromSource[];
}

/** One env entry: its literal value, or where its value comes from. */
export type EnvVar = { name: string; value: string } | { name: string; from: EnvValueFrom };

/** An env variable's valueFrom: a key of a Secret or ConfigMap, a field, or something else (resourceFieldRef). */
export type EnvValueFrom =
  | { kind: 'Secret' | 'ConfigMap'; name: string; key: string; optional: boolean }
  | { kind: 'field'; fieldPath: string }
  | { kind: 'other' };

export interface EnvFromSource {
  kind: 'Secret' | 'ConfigMap';
  name: string;
  prefix: string;
  optional: boolean;
}

export interface Toleration {
  key?: string;
  operator: 'Equal' | 'Exists';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  /** How long a NoExecute taint is tolerated before the taint manager evicts the pod (unset: forever; ≤ 0: at once), seconds. */
  tolerationSeconds?: number;
}

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface PodTemplateSpec {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Regular containers, in manifest order. */
  containers: ContainerSpec[];
  /** Restartable init containers (sidecars) only; plain init containers are run-to-completion and add start-up time. */
  sidecars: ContainerSpec[];
  /** Number of plain (non-sidecar) init containers. */
  initContainerCount: number;
  /**
   * Every init container in manifest order, sidecars (sidecar: true) included: the effective pod
   * request takes the largest plain init container plus the sidecars started before it.
   */
  initContainers: ContainerSpec[];
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
  /** spec.terminationGracePeriodSeconds, default 30 (pkg/apis/core/v1/defaults.go). */
  terminationGracePeriodSeconds: number;
  /** Names of the hostPath and disk-backed emptyDir volumes (node-local storage: blocks cluster-autoscaler scale-down). */
  localStorageVolumes?: string[];
  /** spec.resources (PodLevelResources) when set. */
  podCpuRequestMillicores?: number;
  podMemoryRequestBytes?: number;
  /** spec.resources.limits (PodLevelResources) when set: the pod's limits for quota (limits.cpu, limits.memory). */
  podCpuLimitMillicores?: number;
  podMemoryLimitBytes?: number;
  /**
   * spec.activeDeadlineSeconds when set: it makes the pod one the Terminating quota scope counts
   * (pods.go isTerminating); the deadline itself is not enforced.
   */
  activeDeadlineSeconds?: number;
  /**
   * spec.topologySpreadConstraints is set (not empty): its presence turns off the system default
   * spreading for the pod, as upstream (podtopologyspread scoring.go initPreScoreState).
   */
  hasTopologySpreadConstraints?: boolean;
  /** spec.topologySpreadConstraints with the API defaults applied; set only when not empty. */
  topologySpreadConstraints?: TopologySpreadConstraintSpec[];
  /** spec.affinity.nodeAffinity; set only when it has required or preferred terms. */
  nodeAffinity?: NodeAffinitySpec;
  /** spec.affinity.podAffinity and podAntiAffinity (pod-affinity-types.ts); set only when some term is given. */
  podAffinity?: InterPodAffinitySpec;
  /** spec.priority as the Priority admission plugin resolves it (manifests/pod-priority.ts); unset = 0. */
  priority?: number;
  /** spec.runtimeClassName when set (a RuntimeClass: runtime-class-admission.ts). */
  runtimeClassName?: string;
  /**
   * spec.overhead as the RuntimeClass admission plugin sets it from the pod's RuntimeClass
   * (overhead.podFixed): added to the pod's requests for scheduling, the cluster-autoscaler and
   * quota, and to its non-zero limits (resourcehelper PodRequests, PodLimits); not to the HPA's.
   */
  overheadCpuMillicores?: number;
  overheadMemoryBytes?: number;
  /**
   * spec.priorityClassName as the Priority admission plugin leaves it (the globalDefault class's
   * name when the pod names none): what a quota's PriorityClass scope matches.
   */
  priorityClassName?: string;
  /** spec.preemptionPolicy Never (the pod never preempts); unset = PreemptLowerPriority. */
  preemptionPolicy?: 'Never';
}

/** metav1.LabelSelectorRequirement. */
export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

/** metav1.LabelSelector: every matchLabels pair and every requirement must hold (an empty selector matches every pod). */
export interface LabelSelectorSpec {
  matchLabels: Record<string, string>;
  matchExpressions: LabelSelectorRequirement[];
}

/**
 * core/v1 TopologySpreadConstraint with the scheduler's defaults (common.go
 * filterTopologySpreadConstraints): minDomains 1, nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore.
 */
export interface TopologySpreadConstraintSpec {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  /** undefined: no labelSelector, which selects no pod (metav1.LabelSelectorAsSelector(nil) is labels.Nothing()). */
  labelSelector: LabelSelectorSpec | undefined;
  minDomains: number;
  nodeAffinityPolicy: 'Honor' | 'Ignore';
  nodeTaintsPolicy: 'Honor' | 'Ignore';
  /** Pod label keys whose values (the incoming pod's) are added to the selector. */
  matchLabelKeys: string[];
}
