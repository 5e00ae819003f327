/**
 * A Deployment's update strategy and the numbers the deployment controller derives from it
 * (pkg/controller/deployment/util/deployment_util.go ResolveFenceposts, MaxSurge, MaxUnavailable;
 * k8s.io/apimachinery intstr GetScaledValueFromIntOrPercent). Defaults as SetDefaults_Deployment
 * (apps/v1): type RollingUpdate, maxSurge and maxUnavailable 25%, minReadySeconds 0,
 * progressDeadlineSeconds 600. Pure.
 */

/** An IntOrString field: a count, or a percentage of spec.replicas (`"25%"`). */
export type IntOrPercent = { kind: 'int'; value: number } | { kind: 'percent'; value: number };

export type DeploymentStrategy =
  | { type: 'RollingUpdate'; maxSurge: IntOrPercent; maxUnavailable: IntOrPercent }
  | { type: 'Recreate' };

/** What a Deployment's rollouts follow (spec.strategy, spec.minReadySeconds, spec.progressDeadlineSeconds). */
export interface RolloutSettings {
  strategy: DeploymentStrategy;
  /** spec.minReadySeconds (default 0): a new pod counts as available once Ready for this long. */
  minReadySeconds: number;
  /**
   * spec.progressDeadlineSeconds (default 600): a rollout making no progress this long is reported
   * stalled; at NO_PROGRESS_DEADLINE (math.MaxInt32) there is no deadline and no Progressing condition.
   */
  progressDeadlineSeconds: number;
  /** spec.paused: `kubectl rollout restart` refuses a paused Deployment. */
  paused: boolean;
}

/** deploymentutil.HasProgressDeadline: math.MaxInt32 means none. */
export const NO_PROGRESS_DEADLINE = 2147483647;

const PERCENT_25: IntOrPercent = { kind: 'percent', value: 25 };

/** SetDefaults_Deployment: spec.strategy.rollingUpdate.maxSurge and maxUnavailable, 25% each. */
export const ROLLING_UPDATE_DEFAULTS: Readonly<{ maxSurge: IntOrPercent; maxUnavailable: IntOrPercent }> = Object.freeze({ maxSurge: PERCENT_25, maxUnavailable: PERCENT_25 });

/** SetDefaults_Deployment (pkg/apis/apps/v1/defaults.go). */
export const DEPLOYMENT_DEFAULTS: Readonly<RolloutSettings> = Object.freeze({
  strategy: { type: 'RollingUpdate' as const, ...ROLLING_UPDATE_DEFAULTS },
  minReadySeconds: 0,
  progressDeadlineSeconds: 600,
  paused: false,
});

/** intstr.GetScaledValueFromIntOrPercent: a count as is, a percentage of `total` rounded up or down. */
export function scaledValue(value: IntOrPercent, total: number, roundUp: boolean): number {
  if (value.kind === 'int') return value.value;
  const scaled = (value.value * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/**
 * ResolveFenceposts: maxSurge rounded up, maxUnavailable rounded down, of `desired` replicas; when
 * both come to 0, maxUnavailable is 1 (a rollout must be able to move: "10%" of 5 replicas).
 */
export function resolveFenceposts(maxSurge: IntOrPercent, maxUnavailable: IntOrPercent, desired: number): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge, desired, true);
  const unavailable = scaledValue(maxUnavailable, desired, false);
  return surge === 0 && unavailable === 0 ? { surge, unavailable: 1 } : { surge, unavailable };
}

/** MaxSurge: 0 unless RollingUpdate. */
export function maxSurge(strategy: DeploymentStrategy, replicas: number): number {
  if (strategy.type !== 'RollingUpdate') return 0;
  return resolveFenceposts(strategy.maxSurge, strategy.maxUnavailable, replicas).surge;
}

/** MaxUnavailable: 0 unless RollingUpdate with replicas; never more than spec.replicas. */
export function maxUnavailable(strategy: DeploymentStrategy, replicas: number): number {
  if (strategy.type !== 'RollingUpdate' || replicas === 0) return 0;
  return Math.min(resolveFenceposts(strategy.maxSurge, strategy.maxUnavailable, replicas).unavailable, replicas);
}
