/**
 * Response time of one request, a documented queueing model on top of the fluid queue (workload-flow.ts).
 *
 * Model. Each ready pod is an M/M/1 processor-sharing server: a request alone on an idle pod takes
 * S = serviceTimeSeconds; at utilization ρ = servedRpsPerPod / capacityRpsPerPod its mean sojourn in
 * the pod is R = S / (1 − ρ). ρ is capped at maxUtilizationRatio (0.99, R ≤ 100·S) so R stays finite.
 * While the pods are saturated (they serve their capacity: arrivals above it, or a backlog), each pod
 * runs at ρ = 1, so a request's time in the pod is the capped R = S / (1 − 0.99) = 100·S
 * (saturatedSojournMeanSeconds), and a request that queued in the backlog first waits there: the
 * FIFO wait of its cohort (cohort-queue.ts), from its admission to the moment the pods take it. So the
 * response time never falls as the load grows at a fixed capacity: saturation costs at least what ρ
 * just below the cap does, plus the backlog's wait.
 * The M/M/1-PS sojourn is taken as exponential with mean R (exact for M/M/1-FCFS, the usual
 * approximation for PS). A request that waits W has P(T ≤ x) = 0 for x < W and 1 − exp(−(x − W)/R)
 * beyond, the p-quantile W + R·(−ln(1 − p)); requests whose waits spread evenly over [lo, hi] (a
 * piece of a cohort) have the convolution of that uniform with the exponential
 * (uniformWaitResponseCdf). ResponseTimeAccumulator mixes them weighted by served requests.
 */

/** Response-time model constants. */
export const RESPONSE_TIME_DEFAULTS = Object.freeze({
  /** Utilization at which the per-pod M/M/1 sojourn stops growing (R ≤ S / (1 − 0.99) = 100·S). */
  maxUtilizationRatio: 0.99,
});

/**
 * R = S / (1 − ρ), the mean sojourn in a pod, seconds (S = serviceTimeSeconds), with
 * ρ = servedRpsPerPod / capacityRpsPerPod capped to [0, maxUtilizationRatio] (the cap when a pod has
 * no capacity): never Infinity for finite, non-negative inputs. Infinite capacity gives ρ = 0, R = S.
 */
export function sojournMeanSeconds(
  servedRpsPerPod: number,
  capacityRpsPerPod: number,
  serviceTimeSeconds: number,
  maxUtilizationRatio: number = RESPONSE_TIME_DEFAULTS.maxUtilizationRatio,
): number {
  const utilizationRatio = capacityRpsPerPod > 0 ? Math.min(maxUtilizationRatio, Math.max(0, servedRpsPerPod / capacityRpsPerPod)) : maxUtilizationRatio;
  return serviceTimeSeconds / (1 - utilizationRatio);
}

/**
 * R of a saturated pod (ρ = 1, capped at maxUtilizationRatio): S / (1 − 0.99) = 100·S by default,
 * the most {@link sojournMeanSeconds} gives. Requests served while the pods run at capacity spend this
 * in the pod, after any wait in the backlog.
 */
export function saturatedSojournMeanSeconds(
  serviceTimeSeconds: number,
  maxUtilizationRatio: number = RESPONSE_TIME_DEFAULTS.maxUtilizationRatio,
): number {
  return sojournMeanSeconds(1, 1, serviceTimeSeconds, maxUtilizationRatio);
}

/** The p-quantile of one steady interval's response time, W + R·(−ln(1 − p)), seconds; p in [0, 1). */
export function intervalQuantileSeconds(waitSeconds: number, sojournMeanSeconds: number, p: number): number {
  return waitSeconds + sojournMeanSeconds * -Math.log1p(-p);
}

/** exp(−40) < 5e-18: beyond 40 mean sojourns an exponential counts as complete. */
export const COMPLETE_SOJOURNS = 40;

/**
 * P(T ≤ x) for T = U + E, U uniform on [waitLoSeconds, waitHiSeconds] (lo < hi) and E exponential of
 * mean sojournMeanSeconds (0: a step, T = U). With y = (x − lo)/R and δ = (hi − lo)/R, in closed form:
 * 0 for x ≤ lo; (y − (1 − e^(−y))) / δ for lo < x < hi; 1 − e^(−(x − hi)/R)·(1 − e^(−δ))/δ from hi on
 * (expm1 keeps both exact for small y and δ).
 */
export function uniformWaitResponseCdf(xSeconds: number, waitLoSeconds: number, waitHiSeconds: number, sojournMeanSeconds: number): number {
  if (!(xSeconds > waitLoSeconds)) return 0;
  const widthSeconds = waitHiSeconds - waitLoSeconds;
  if (!(sojournMeanSeconds > 0)) return xSeconds >= waitHiSeconds ? 1 : (xSeconds - waitLoSeconds) / widthSeconds;
  const delta = widthSeconds / sojournMeanSeconds;
  if (xSeconds < waitHiSeconds) {
    const y = (xSeconds - waitLoSeconds) / sojournMeanSeconds;
    return (y + Math.expm1(-y)) / delta;
  }
  const z = (xSeconds - waitHiSeconds) / sojournMeanSeconds;
  if (z > COMPLETE_SOJOURNS) return 1;
  return 1 - (Math.exp(-z) * -Math.expm1(-delta)) / delta;
}

/** The density of {@link uniformWaitResponseCdf} at x, per second (a step at R = 0 has 1/(hi − lo) inside). */
export function uniformWaitResponseDensity(xSeconds: number, waitLoSeconds: number, waitHiSeconds: number, sojournMeanSeconds: number): number {
  if (!(xSeconds > waitLoSeconds)) return 0;
  const widthSeconds = waitHiSeconds - waitLoSeconds;
  if (!(sojournMeanSeconds > 0)) return xSeconds >= waitHiSeconds ? 0 : 1 / widthSeconds;
  if (xSeconds < waitHiSeconds) return -Math.expm1(-(xSeconds - waitLoSeconds) / sojournMeanSeconds) / widthSeconds;
  const z = (xSeconds - waitHiSeconds) / sojournMeanSeconds;
  if (z > COMPLETE_SOJOURNS) return 0;
  return (Math.exp(-z) * -Math.expm1(-widthSeconds / sojournMeanSeconds)) / widthSeconds;
}
