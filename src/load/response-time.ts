/**
 * Response time of one interval, a documented queueing model on top of the fluid queue (workload-flow.ts).
 *
 * Model. Each ready pod is an M/M/1 processor-sharing server: a request alone on an idle pod takes
 * S = serviceTimeSeconds; at utilization ρ = servedRpsPerPod / capacityRpsPerPod its mean sojourn in
 * the pod is R = S / (1 − ρ). ρ is capped at maxUtilizationRatio (0.99, R ≤ 100·S) so R stays finite.
 * While the pods are saturated (a backlog exists), requests wait in the backlog and reach a pod only as
 * it frees capacity, so their time in the pod is S and all the queueing is the backlog term: a
 * request first waits W = B̄ / μ (Little's law on the saturated time's mean fluid backlog B̄, μ = total
 * capacity) — see saturatedResponseTime. The M/M/1-PS
 * sojourn is taken as exponential with mean R (exact for M/M/1-FCFS, the usual approximation for PS),
 * so in a steady interval P(T ≤ x) = 0 for x < W and 1 − exp(−(x − W)/R) beyond, and the p-quantile is
 * W + R·(−ln(1 − p)). ResponseTimeAccumulator mixes intervals weighted by served requests.
 */

/** Response-time model constants. */
export const RESPONSE_TIME_DEFAULTS = Object.freeze({
  /** Utilization at which the per-pod M/M/1 sojourn stops growing (R ≤ S / (1 − 0.99) = 100·S). */
  maxUtilizationRatio: 0.99,
});

/** One interval's load, as advanceFlow and the pod capacity give it. */
export interface IntervalResponseTimeInput {
  /** Mean served rate per ready pod over the interval, requests per second. */
  servedRpsPerPod: number;
  /** Requests per second one ready pod serves at most (may be Infinity). */
  capacityRpsPerPod: number;
  /** S: time to serve one request on an idle pod, seconds. */
  serviceTimeSeconds: number;
  /** B̄: time-average backlog over the interval (backlogRequestSeconds / dtSeconds), requests. */
  meanBacklogRequests: number;
  /** μ = readyPods × capacityRpsPerPod, requests per second. */
  totalCapacityRps: number;
  /** Interval length, seconds: the wait reported when μ = 0 and requests are queued (default 0). */
  intervalSeconds?: number;
}

export interface IntervalResponseTime {
  /** W + R, seconds. */
  meanSeconds: number;
  /** W = B̄ / μ, seconds (0 without backlog). */
  waitSeconds: number;
  /** R = S / (1 − ρ), seconds. */
  sojournMeanSeconds: number;
  /** ρ after the cap, 0..maxUtilizationRatio. */
  utilizationRatio: number;
  /**
   * True when μ = 0 (no ready pods or zero capacity): nothing is served in the interval. waitSeconds
   * is then intervalSeconds if requests are queued (a lower bound), else 0.
   */
  unserved: boolean;
}

/**
 * The interval's response-time components under the model in the file header. Never returns
 * Infinity or NaN for finite, non-negative inputs: ρ is capped, and μ = 0 is reported as `unserved`
 * rather than an infinite wait. With capacityRpsPerPod = Infinity, ρ = 0 and R = S.
 */
export function intervalResponseTime(
  input: IntervalResponseTimeInput,
  maxUtilizationRatio: number = RESPONSE_TIME_DEFAULTS.maxUtilizationRatio,
): IntervalResponseTime {
  const unserved = !(input.totalCapacityRps > 0);
  const utilizationRatio =
    input.capacityRpsPerPod > 0
      ? Math.min(maxUtilizationRatio, Math.max(0, input.servedRpsPerPod / input.capacityRpsPerPod))
      : maxUtilizationRatio;
  const sojournMeanSeconds = input.serviceTimeSeconds / (1 - utilizationRatio);
  const hasBacklog = input.meanBacklogRequests > 0;
  let waitSeconds = 0;
  if (hasBacklog) waitSeconds = unserved ? (input.intervalSeconds ?? 0) : input.meanBacklogRequests / input.totalCapacityRps;
  return {
    meanSeconds: waitSeconds + sojournMeanSeconds,
    waitSeconds,
    sojournMeanSeconds,
    utilizationRatio,
    unserved,
  };
}

/**
 * The response-time components while the pods are saturated: the wait in the backlog,
 * W = meanBacklogRequests / totalCapacityRps, then the service time S in the pod (the backlog, not
 * the pod, holds the queue). With no capacity the wait is `intervalSeconds` and the interval is unserved.
 */
export function saturatedResponseTime(input: Omit<IntervalResponseTimeInput, 'servedRpsPerPod' | 'capacityRpsPerPod'>): IntervalResponseTime {
  const unserved = !(input.totalCapacityRps > 0);
  const waitSeconds = unserved ? (input.intervalSeconds ?? 0) : input.meanBacklogRequests / input.totalCapacityRps;
  return { meanSeconds: waitSeconds + input.serviceTimeSeconds, waitSeconds, sojournMeanSeconds: input.serviceTimeSeconds, utilizationRatio: 1, unserved };
}

/** The p-quantile of one steady interval's response time, W + R·(−ln(1 − p)), seconds; p in [0, 1). */
export function intervalQuantileSeconds(waitSeconds: number, sojournMeanSeconds: number, p: number): number {
  return waitSeconds + sojournMeanSeconds * -Math.log1p(-p);
}
