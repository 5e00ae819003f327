/**
 * Types of the KEDA model: the resolved ScaledObject and ScaledJob (keda.sh/v1alpha1, also from
 * the older keda.k8s.io/v1alpha1 form), triggers, and the contract every scaler implements
 * (pkg/scalers/scaler.go: metric values, activity, the metric spec handed to the HPA).
 *
 * Units: trigger values are plain numbers (KEDA sends them to the HPA as milli-quantities, so the
 * HPA-facing targets here are in milli-units); times are simulation seconds.
 */
import type { HpaBehavior, MetricTarget, SourceRef } from '../hpa/types.js';

/**
 * spec.fallback.behavior. `scalingModifiers` (KEDA's FallbackBehaviorScalingModifiers, with a
 * scalingModifiers formula only): a trigger past its failureThreshold reaches the formula as nil
 * (for `??`), and a nil formula serves fallback.replicas × target.
 */
export type FallbackBehavior = 'static' | 'currentReplicas' | 'currentReplicasIfHigher' | 'currentReplicasIfLower' | 'scalingModifiers';

export interface FallbackSpec {
  failureThreshold: number;
  replicas: number;
  /** spec.fallback.behavior, default static. */
  behavior: FallbackBehavior;
}

export interface ScalingModifiersSpec {
  formula: string;
  /** Target of the composite metric, plain units. */
  target: number;
  /** Composite value must be strictly above this to be active (default 0). */
  activationTarget: number;
  /** Target type of the composite External metric (default AverageValue). */
  metricType: 'AverageValue' | 'Value';
}

export interface TriggerSpec {
  /** Position in spec.triggers (KEDA names external metrics s<index>-<scaler>). */
  index: number;
  type: string;
  /** triggers[].name (needed by scalingModifiers formulas). */
  name?: string;
  /** triggers[].metadata, every value a string as in the CRD. */
  metadata: Record<string, string>;
  /** triggers[].metricType: AverageValue (default), Value, or Utilization (cpu/memory only). */
  metricType?: 'AverageValue' | 'Value' | 'Utilization';
  useCachedMetrics: boolean;
  authenticationRef?: { name: string; kind?: string };
  /**
   * KEDA's ScalerConfig.AsMetricSource: the ScaledObject uses scalingModifiers
   * (IsUsingModifiers), so its triggers only feed the formula and some scalers (postgresql,
   * metrics-api) need no target of their own.
   */
  asMetricSource?: boolean;
  source: SourceRef;
}

export interface ScaleTargetRef {
  apiVersion?: string;
  kind: string;
  name: string;
}

export interface ScaledObjectSpec {
  name: string;
  namespace: string;
  apiVersion: string;
  scaleTargetRef: ScaleTargetRef;
  /** spec.pollingInterval, default 30 s. */
  pollingIntervalSeconds: number;
  /** spec.cooldownPeriod, default 300 s. */
  cooldownPeriodSeconds: number;
  /** spec.initialCooldownPeriod, default 0 s. */
  initialCooldownPeriodSeconds: number;
  /** spec.minReplicaCount, default 0. */
  minReplicaCount: number;
  /** spec.maxReplicaCount, default 100. */
  maxReplicaCount: number;
  idleReplicaCount?: number;
  fallback?: FallbackSpec;
  /** advanced.horizontalPodAutoscalerConfig.behavior, passed through unchanged (null = legacy path). */
  hpaBehavior: HpaBehavior | null;
  /** advanced.horizontalPodAutoscalerConfig.name (default keda-hpa-<name>). */
  hpaName: string;
  scalingModifiers?: ScalingModifiersSpec;
  /** autoscaling.keda.sh/paused-scale-in and paused-scale-out annotations. */
  pausedScaleIn: boolean;
  pausedScaleOut: boolean;
  /** autoscaling.keda.sh/force-activation annotation (executor treats the object as active). */
  forceActivation: boolean;
  triggers: TriggerSpec[];
  source: SourceRef;
}

export type ScalingStrategy = 'default' | 'custom' | 'accurate' | 'eager';

export interface ScaledJobSpec {
  name: string;
  namespace: string;
  apiVersion: string;
  /** spec.jobTargetRef.template: the pod template of each Job (resolved like a Deployment's). */
  jobTemplateName: string;
  pollingIntervalSeconds: number;
  /** MinReplicaCount(): spec.minReplicaCount, cut to maxReplicaCount (scaled-job-bounds.ts). */
  minReplicaCount: number;
  /** MaxReplicaCount(): spec.maxReplicaCount − MinReplicaCount() when set, else 100 (scaled-job-bounds.ts). */
  maxReplicaCount: number;
  successfulJobsHistoryLimit: number;
  failedJobsHistoryLimit: number;
  scalingStrategy: {
    strategy: ScalingStrategy;
    customScalingQueueLengthDeduction?: number;
    customScalingRunningJobPercentage?: number;
    /** multipleScalersCalculation: max (default), min, avg, sum. */
    multipleScalersCalculation: 'max' | 'min' | 'avg' | 'sum';
  };
  triggers: TriggerSpec[];
  source: SourceRef;
}

/** What the simulation gives a scaler at a read: the value(s) of the quantity it queries. */
export type ScalerReading =
  | { kind: 'value'; value: number | null }
  | {
      kind: 'queue';
      messages: number;
      unacked: number;
      publishRatePerSecond: number;
      /** Messages delivered to consumers per second (rabbitmq's deliver_get rate); unset = 0. */
      deliverRatePerSecond?: number;
      /** Messages not yet visible (SQS ApproximateNumberOfMessagesDelayed); unset = 0, as the simulated queues delay none. */
      delayed?: number;
      /**
       * Seconds since the oldest message not yet acknowledged arrived (Pub/Sub's
       * oldest_unacked_message_age); unset = 0.
       */
      oldestUnackedAgeSeconds?: number;
      partitionLags: number[];
      /** Kafka: the consumer group's committed offset per partition (what excludePersistentLag compares between reads). */
      consumerOffsets?: number[];
      partitionsMoved?: boolean[];
      /**
       * Kafka: partitions whose consumer group has no committed offset (sarama invalidOffset, -1);
       * their `partitionLags` entry then holds the partition's newest offset (the lag from the earliest message).
       */
      invalidOffsets?: boolean[];
    }
  | { kind: 'cron'; epochSeconds: number }
  /** Every queue a regex matched (rabbitmq's useRegex), each read as one queue; the scaler composes them. */
  | { kind: 'queues'; readings: QueueReading[] }
  | { kind: 'error'; message: string };

/** One queue's reading. */
export type QueueReading = Extract<ScalerReading, { kind: 'queue' }>;

/** One scaler read: metric value (plain units), activity, and an error when the read failed. */
export interface ScalerResult {
  metricValue: number;
  isActive: boolean;
  error?: string;
  /** Why, for the decision log (e.g. "lag 1000 capped at 3 partitions × 10"). */
  reason: string;
}

/** Scaler configuration after its metadata was parsed and defaulted. */
export interface ParsedTrigger {
  type: string;
  /** The scaler's own settings (thresholds, modes, names…). */
  config: Record<string, unknown>;
  /** The HPA target (External AverageValue/Value in milli-units, or Resource for cpu/memory). */
  hpaTarget: MetricTarget;
  /** For cpu/memory triggers: the resource and optional container (a Resource/ContainerResource metric). */
  resource?: { name: 'cpu' | 'memory'; containerName?: string };
  /** What the scenario must provide to read it: a queue (by name), a series, the clock, or nothing (cpu/memory). */
  needs: { kind: 'queue'; queueName: string; regex?: QueueRegex } | { kind: 'series' } | { kind: 'clock' } | { kind: 'none' };
}

/**
 * A regex over the scenario's queue names instead of one name: rabbitmq's useRegex (`pcre`: PCRE,
 * case-insensitive, matching anywhere; more matches than `pageSize` fail the read) or
 * azure-servicebus's (`re2`: Go's regexp, the whole name, no limit).
 */
export interface QueueRegex {
  syntax: 'pcre' | 're2';
  pageSize?: number;
}

export interface MetadataProblem {
  /** The metadata key, e.g. `lagThreshold`. */
  field: string;
  message: string;
}

/**
 * A parse: the trigger, with `warnings` for metadata keys that change what KEDA computes but that
 * the simulation cannot honour (the scenario loads, and says so at the key), or the problems.
 */
export type ParseTriggerResult = { ok: true; trigger: ParsedTrigger; warnings?: MetadataProblem[] } | { ok: false; problems: MetadataProblem[] };

/**
 * A scaler type (one file in src/autoscalers/keda/scalers/, one registry entry): parses its
 * metadata and turns a reading into a metric value and activity.
 */
export interface ScalerDefinition {
  readonly type: string;
  parse(trigger: Pick<TriggerSpec, 'metadata' | 'metricType' | 'asMetricSource'>): ParseTriggerResult;
  read(trigger: ParsedTrigger, reading: ScalerReading): ScalerResult;
  /**
   * State a scaler keeps from one read to the next (KEDA caches one scaler per ScaledObject, shared
   * by its polls and the HPA's reads): a function that completes each reading from the ones before,
   * made once per trigger; absent for stateless scalers.
   */
  readingMemory?(trigger: ParsedTrigger): (reading: ScalerReading) => ScalerReading;
  /**
   * Metadata keys KEDA may read from the scale target container's env (`<key>FromEnv`) that change
   * what the simulation computes, each with what is lost when the scenario cannot resolve it
   * (src/scenario/keda/resolve-trigger-env.ts warns with it).
   */
  readonly fromEnvEffects?: Readonly<Record<string, string>>;
  /**
   * Keys KEDA may read from the trigger's TriggerAuthentication (authParams, between the metadata
   * and the env in the key's order) that change what the simulation computes, each with what is
   * lost when the scenario cannot resolve it (src/scenario/keda/resolve-auth-params.ts).
   */
  readonly authParamEffects?: Readonly<Record<string, string>>;
  /**
   * Keys TypedConfig requires that may come from the TriggerAuthentication (authParams) when the
   * metadata leaves them out, each with where KEDA looks: given by neither, KEDA fails to build the
   * scaler ("missing required parameter"), which resolve-trigger-env.ts reports at the metadata.
   * The simulation need not read their values (aws-sqs-queue's awsRegion). A key may list
   * alternatives, any one of which will do: `account|accountID` (scalers/required-params.ts).
   */
  readonly requiredAuthParams?: Readonly<Record<string, string>>;
}
