/**
 * KEDA defaults (apis/keda/v1alpha1 scaledobject_types.go, scaledjob_types.go, withtriggers_types.go;
 * pkg/scaling/executor/scale_executor.go).
 */

export const KEDA_DEFAULTS = Object.freeze({
  /** spec.pollingInterval (defaultPollingInterval = 30) */
  pollingIntervalSeconds: 30,
  /** spec.cooldownPeriod (defaultCooldownPeriod = 300) */
  cooldownPeriodSeconds: 300,
  /** spec.initialCooldownPeriod (defaultInitialCooldownPeriod = 0) */
  initialCooldownPeriodSeconds: 0,
  /** spec.minReplicaCount (defaultMinReplicas = 0) */
  minReplicaCount: 0,
  /** spec.maxReplicaCount (defaultMaxReplicas = 100) */
  maxReplicaCount: 100,
  /** spec.fallback.behavior (FallbackBehaviorStatic) */
  fallbackBehavior: 'static' as const,
  /** triggers[].metricType (AverageValue when empty) */
  triggerMetricType: 'AverageValue' as const,
  /** triggers[].useCachedMetrics */
  useCachedMetrics: false,
  /** advanced.scalingModifiers.activationTarget */
  scalingModifiersActivationTarget: 0,
  /** ScaledJob spec.successfulJobsHistoryLimit / failedJobsHistoryLimit (defaultSuccessfulJobsHistoryLimit = 100) */
  jobsHistoryLimit: 100,
  /** ScaledJob scalingStrategy.strategy */
  scaledJobStrategy: 'default' as const,
  /** ScaledJob scalingStrategy.multipleScalersCalculation */
  multipleScalersCalculation: 'max' as const,
});

/** Generated HPA name when advanced.horizontalPodAutoscalerConfig.name is unset (controllers/keda/hpa.go getHPAName). */
export function defaultHpaName(scaledObjectName: string): string {
  return `keda-hpa-${scaledObjectName}`;
}
