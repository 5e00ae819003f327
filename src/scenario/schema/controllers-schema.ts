/**
 * scenario.yaml `spec.controllers` (kube-controller-manager HPA and resource quota flags,
 * metrics-server and kube-scheduler settings) and `spec.startup` (pod start-up delays). Unset fields
 * take the defaults tables: HPA_DEFAULTS, RESOURCE_QUOTA_DEFAULTS, METRICS_SERVER_DEFAULTS,
 * SCHEDULER_DEFAULTS, STARTUP_DEFAULTS.
 */
import { z } from 'zod';
import { HPA_DEFAULTS } from '../../autoscalers/hpa/config.js';
import { RESOURCE_QUOTA_DEFAULTS } from '../../cluster/resource-quota-resync.js';
import { STARTUP_DEFAULTS } from '../../cluster/startup-defaults.js';
import { durationSeconds, nonNegativeNumber, positiveDurationSeconds } from './fields.js';
import { METRICS_SERVER_DEFAULTS, METRICS_SERVER_MIN_RESOLUTION_SECONDS, SCHEDULER_DEFAULTS } from './scenario-defaults.js';

export const HpaFlagsSchema = z.strictObject({
  syncPeriod: positiveDurationSeconds('syncPeriod').default(HPA_DEFAULTS.syncPeriodSeconds),
  tolerance: nonNegativeNumber('ratio, e.g. 0.1 = 10%').default(HPA_DEFAULTS.tolerance),
  downscaleStabilization: durationSeconds('downscaleStabilization').default(HPA_DEFAULTS.downscaleStabilizationWindowSeconds),
  cpuInitializationPeriod: durationSeconds('cpuInitializationPeriod').default(HPA_DEFAULTS.cpuInitializationPeriodSeconds),
  initialReadinessDelay: durationSeconds('initialReadinessDelay').default(HPA_DEFAULTS.initialReadinessDelaySeconds),
  configurableTolerance: z.boolean().default(HPA_DEFAULTS.configurableTolerance).describe('true or false (HPAConfigurableTolerance gate)'),
});

export const ResourceQuotaFlagsSchema = z.strictObject({
  syncPeriod: durationSeconds('syncPeriod')
    .default(RESOURCE_QUOTA_DEFAULTS.syncPeriodSeconds)
    .describe('a duration such as 5m or 300 (seconds), or 0 to turn the periodic resync off'),
});

export const MetricsServerSchema = z.strictObject({
  metricResolution: durationSeconds('metricResolution', { minSeconds: METRICS_SERVER_MIN_RESOLUTION_SECONDS })
    .default(METRICS_SERVER_DEFAULTS.resolutionSeconds),
});

export const SchedulerSchema = z.strictObject({
  scoringStrategy: z
    .enum(['LeastAllocated', 'MostAllocated'])
    .default(SCHEDULER_DEFAULTS.scoringStrategy)
    .describe('LeastAllocated or MostAllocated'),
});

export const ControllersSchema = z.strictObject({
  hpa: HpaFlagsSchema.prefault({}),
  resourceQuota: ResourceQuotaFlagsSchema.prefault({}),
  metricsServer: MetricsServerSchema.prefault({}),
  scheduler: SchedulerSchema.prefault({}),
});

export const StartupSchema = z.strictObject({
  scheduling: durationSeconds('scheduling').default(STARTUP_DEFAULTS.schedulingSeconds),
  imagePull: durationSeconds('imagePull').default(STARTUP_DEFAULTS.imagePullSeconds),
  containerStart: durationSeconds('containerStart').default(STARTUP_DEFAULTS.containerStartSeconds),
  termination: durationSeconds('termination').default(STARTUP_DEFAULTS.terminationSeconds),
  jitterRatio: z.number().min(0).max(1).default(STARTUP_DEFAULTS.jitterRatio).describe('a ratio between 0 and 1'),
});
