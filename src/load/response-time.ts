/**
 * Response time of one interval, a documented queueing model on top of the fluid queue (workload-flow.ts).
 *
 * Model. Each ready pod is an M/M/1 processor-sharing server: a request alone on an idle pod takes
 * S = serviceTimeSeconds; at utilization ρ = servedRpsPerPod / capacityRpsPerPod its mean sojourn in
 * the pod is R = S / (1 − ρ). ρ is capped at maxUtilizationRatio (0.99, R ≤ 100·S) so R stays finite.
 * While the pods are saturated (they serve their capacity: arrivals above it, or a backlog), each pod
 * runs at ρ = 1, so a request's time in the pod is the capped R = S / (1 − 0.99) = 100·S
 * (saturatedSojournMeanSeconds), and when requests queue in the backlog they first wait
 * W = B̄ / μ there (Little's law on the saturated time's mean fluid backlog B̄, μ = total capacity;
 * backlogWaitSeconds; W = 0 without a backlog). So the response time never falls as the load grows at
 * a fixed capacity: saturation costs at least what ρ just below the cap does, plus the backlog's wait.
 * The M/M/1-PS sojourn is taken as exponential with mean R (exact for
 * M/M/1-FCFS, the usual approximation for PS), so in a steady interval P(T ≤ x) = 0 for x < W and 1 − exp(−(x − W)/R) beyond, and the p-quantile is
 * W + R·(−ln(1 − p)). ResponseTimeAccumulator mixes intervals weighted by served requests.
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
  return serviceTimeSeconds / (1 - maxUtilizationRatio);
}

/**
 * W, the wait in the backlog, seconds: B̄ / μ (meanBacklogRequests, the time-average backlog; μ =
 * totalCapacityRps, ready pods × capacity each). With no capacity, nothing is served and the wait is
 * `intervalSeconds` (a lower bound) rather than Infinity. The caller passes B̄ > 0: no backlog, no wait.
 */
export function backlogWaitSeconds(meanBacklogRequests: number, totalCapacityRps: number, intervalSeconds = 0): number {
  return totalCapacityRps > 0 ? meanBacklogRequests / totalCapacityRps : intervalSeconds;
}

/** The p-quantile of one steady interval's response time, W + R·(−ln(1 − p)), seconds; p in [0, 1). */
export function intervalQuantileSeconds(waitSeconds: number, sojournMeanSeconds: number, p: number): number {
  return waitSeconds + sojournMeanSeconds * -Math.log1p(-p);
}
