/**
 * HPA controller defaults: the kube-controller-manager flags that shape every HPA
 * (pkg/controller/podautoscaler/config/v1alpha1/defaults.go RecommendedDefaultHPAControllerConfiguration).
 */
import type { HpaControllerConfig } from './types.js';

export const HPA_DEFAULTS: Readonly<HpaControllerConfig> = Object.freeze({
  /** --horizontal-pod-autoscaler-sync-period=15s */
  syncPeriodSeconds: 15,
  /** --horizontal-pod-autoscaler-tolerance=0.1 */
  tolerance: 0.1,
  /** --horizontal-pod-autoscaler-downscale-stabilization=5m */
  downscaleStabilizationWindowSeconds: 300,
  /** --horizontal-pod-autoscaler-cpu-initialization-period=5m */
  cpuInitializationPeriodSeconds: 300,
  /** --horizontal-pod-autoscaler-initial-readiness-delay=30s */
  initialReadinessDelaySeconds: 30,
  /** horizontal.go scaleUpLimitFactor = 2.0 (the test file overrides it to 8) */
  scaleUpLimitFactor: 2,
  /** horizontal.go scaleUpLimitMinimum = 4.0 */
  scaleUpLimitMinimum: 4,
  /** HPAConfigurableTolerance feature gate: beta and on by default since v1.35 (KEP-4951). */
  configurableTolerance: true,
});

/** spec.minReplicas default (apis/autoscaling/v2/defaults.go). */
export const HPA_DEFAULT_MIN_REPLICAS = 1;

/** Metric used when spec.metrics is empty (apis/autoscaling/v2/defaults.go DefaultCPUUtilization). */
export const HPA_DEFAULT_CPU_UTILIZATION_PERCENT = 80;
