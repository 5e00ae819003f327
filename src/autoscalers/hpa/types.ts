/**
 * Types of the Horizontal Pod Autoscaler model: the resolved HPA spec (autoscaling/v2 shape, also
 * produced from v1 and v2beta2 manifests), the controller flags, and the records the pure
 * calculators exchange. Mirrors k8s.io/api/autoscaling/v2 and pkg/controller/podautoscaler.
 *
 * Units: CPU in millicores; every other metric value in milli-units (Quantity.MilliValue()), so a
 * target of `15` is 15000. Utilization targets are whole percent.
 */

export type MetricTargetType = 'Utilization' | 'AverageValue' | 'Value';

/** A metric target after quantity parsing. Exactly the field matching `type` is set. */
export interface MetricTarget {
  type: MetricTargetType;
  /** Utilization: percent of the pods' summed requests (spec.metrics[].*.target.averageUtilization). */
  averageUtilizationPercent?: number;
  /** AverageValue: per-pod value in milli-units (target.averageValue). */
  averageValueMilli?: number;
  /** Value: total value in milli-units (target.value). */
  valueMilli?: number;
}

export interface LabelSelector {
  matchLabels: Record<string, string>;
}

export type HpaMetricSpec =
  | { type: 'Resource'; resourceName: string; target: MetricTarget }
  | { type: 'ContainerResource'; resourceName: string; containerName: string; target: MetricTarget }
  | { type: 'Pods'; metricName: string; selector?: LabelSelector; target: MetricTarget }
  | {
      type: 'Object';
      metricName: string;
      selector?: LabelSelector;
      describedObject: { apiVersion?: string; kind: string; name: string };
      target: MetricTarget;
    }
  | { type: 'External'; metricName: string; selector?: LabelSelector; target: MetricTarget };

export type MetricSourceType = HpaMetricSpec['type'];

export interface HpaScalingPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

export type SelectPolicy = 'Max' | 'Min' | 'Disabled';

/** One side of spec.behavior as the user wrote it: unset fields are undefined (defaulting is the calculators' job). */
export interface HpaScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: SelectPolicy;
  policies?: HpaScalingPolicy[];
  /** spec.behavior.scaleUp/scaleDown.tolerance (KEP-4951), a ratio ≥ 0. */
  tolerance?: number;
}

export interface HpaBehavior {
  scaleUp?: HpaScalingRules;
  scaleDown?: HpaScalingRules;
}

/** Where a spec came from, for messages: file, line (1-based) and field path. */
export interface SourceRef {
  file: string;
  line?: number;
  column?: number;
  path?: string;
}

export interface HpaSpec {
  name: string;
  namespace: string;
  /** apiVersion the manifest used: autoscaling/v1, autoscaling/v2beta2 or autoscaling/v2. */
  apiVersion: string;
  scaleTargetRef: { apiVersion?: string; kind: string; name: string };
  /** spec.minReplicas, defaulted to 1 (apis/autoscaling/v2/defaults.go). */
  minReplicas: number;
  maxReplicas: number;
  /** spec.metrics; defaulted to cpu Utilization 80% when empty (DefaultCPUUtilization). */
  metrics: HpaMetricSpec[];
  /** spec.behavior as written; null when absent, which selects the legacy path (§1.10). */
  behavior: HpaBehavior | null;
  source: SourceRef;
}

/** kube-controller-manager HPA flags (config/v1alpha1/defaults.go). */
export interface HpaControllerConfig {
  /** --horizontal-pod-autoscaler-sync-period */
  syncPeriodSeconds: number;
  /** --horizontal-pod-autoscaler-tolerance */
  tolerance: number;
  /** --horizontal-pod-autoscaler-downscale-stabilization */
  downscaleStabilizationWindowSeconds: number;
  /** --horizontal-pod-autoscaler-cpu-initialization-period */
  cpuInitializationPeriodSeconds: number;
  /** --horizontal-pod-autoscaler-initial-readiness-delay */
  initialReadinessDelaySeconds: number;
  /** horizontal.go scaleUpLimitFactor (production 2; horizontal_test.go sets 8) */
  scaleUpLimitFactor: number;
  /** horizontal.go scaleUpLimitMinimum */
  scaleUpLimitMinimum: number;
  /** HPAConfigurableTolerance feature gate (alpha 1.33, beta/on 1.35). */
  configurableTolerance: boolean;
}

/** §1.4 outcome of groupPods. */
export type PodClass = 'ready' | 'unready' | 'missing' | 'ignored';

/** A pod as the replica calculator sees it, after classification. */
export interface ClassifiedPod {
  name: string;
  class: PodClass;
  /** Sum of container requests for the metric's resource (or the named container's), milli-units. */
  requestMilli?: number | undefined;
  /** The sample's value, milli-units; absent (or undefined) for missing pods. */
  usageMilli?: number | undefined;
}

/**
 * The pods of a per-pod observation as class counts, for pods with distinct names, no orphan
 * samples and one request for all: the calculators' results depend on nothing else. Milli values
 * are whole numbers (int64 upstream), so sums do not depend on the order of the pods.
 */
export interface PodClassTotals {
  ready: number;
  unready: number;
  missing: number;
  ignored: number;
  /** Every pod's request for the metric's resource, milli-units. */
  requestMilli: number;
  /** Σ usage over the ready pods, milli-units. */
  readyUsageMilli: number;
}

/** A sample for a pod name the selector does not match (§1.4, vector hpa-rc-013). */
export interface OrphanSample {
  name: string;
  usageMilli: number;
}

export interface Tolerances {
  scaleUp: number;
  scaleDown: number;
}

/** A recorded recommendation (horizontal.go timestampedRecommendation); time is simulation seconds. */
export interface TimestampedRecommendation {
  replicas: number;
  timestampSeconds: number;
}

/** A recorded scale event (horizontal.go timestampedScaleEvent). */
export interface TimestampedScaleEvent {
  replicaChange: number;
  timestampSeconds: number;
  outdated: boolean;
}

/** Per-HPA history the controller keeps in memory between syncs (§1.1). */
export interface HpaHistory {
  /** undefined until the first reconcile seeds it (recordInitialRecommendation). */
  recommendations: readonly TimestampedRecommendation[] | undefined;
  /** Never mutated: a sync that stores an event returns a new list. */
  scaleUpEvents: readonly TimestampedScaleEvent[];
  scaleDownEvents: readonly TimestampedScaleEvent[];
}

/** Condition reason codes used by the controller (§1.12). */
export type AbleToScaleReason =
  | 'SucceededGetScale'
  | 'FailedGetScale'
  | 'SucceededRescale'
  | 'FailedUpdateScale'
  | 'ReadyForNewScale'
  | 'ScaleUpStabilized'
  | 'ScaleDownStabilized';

export type ScalingActiveReason =
  | 'ValidMetricFound'
  | 'ScalingDisabled'
  | 'InvalidSelector'
  | 'AmbiguousSelector'
  | 'InvalidMetricSourceType'
  | 'FailedGetResourceMetric'
  | 'FailedGetContainerResourceMetric'
  | 'FailedGetPodsMetric'
  | 'FailedGetObjectMetric'
  | 'FailedGetExternalMetric';

export type ScalingLimitedReason =
  | 'DesiredWithinRange'
  | 'TooFewReplicas'
  | 'TooManyReplicas'
  | 'ScaleUpLimit'
  | 'ScaleDownLimit';
