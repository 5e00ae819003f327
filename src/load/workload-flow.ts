/**
 * The load model: a workload's offered requests flow through a bounded fluid queue into its ready pods.
 *
 * Model. The ready pods share the offered rate λ (requests/s) equally; each serves up to
 * capacityRpsPerPod, so the workload serves up to μ = readyPods × capacityRpsPerPod. Requests the pods
 * cannot take wait in a backlog B of at most maxBacklogRequests (Bmax):
 * - while B > 0 or λ > μ the pods are saturated and serve μ; B changes at λ − μ; at Bmax the excess
 *   λ − μ is dropped at that rate; once B drains to 0 (λ < μ) the pods serve λ from then on;
 * - otherwise (B = 0, λ ≤ μ) the pods serve λ;
 * - with no ready pods (or zero capacity) μ = 0: nothing is served, B fills to Bmax, the rest drops.
 * Inputs are constant over an interval, so advanceFlow integrates exactly (at most two pieces:
 * before and after B reaches 0 or Bmax) and offered = served + dropped + (B_end − B_start).
 * A pod's CPU is baseCpuMillicores + cpuMillicoreSecondsPerRequest × its served rate, at most its CPU
 * cap; capacity is maxRequestsPerSecondPerPod, or the rate at which that CPU reaches the cap.
 */
import type { LoadModelSpec } from '../scenario/types.js';

/** What a workload carries from one interval to the next. */
export interface FlowState {
  /** Requests waiting for a pod, 0 ≤ backlog ≤ maxBacklogRequests. */
  backlogRequests: number;
}

/** The inputs held constant over one interval. */
export interface FlowParams {
  /** Offered request rate λ, requests per second (≥ 0). */
  offeredRps: number;
  /** Ready pods sharing the load (≥ 0). */
  readyPods: number;
  /** Requests per second one ready pod serves at most (≥ 0, may be Infinity). */
  capacityRpsPerPod: number;
  /** Bmax: requests that may wait; more are dropped (≥ 0, may be Infinity). */
  maxBacklogRequests: number;
}

/** The outcome of one interval; all totals are over the interval. */
export interface FlowResult {
  /** Backlog at the end of the interval, requests. */
  backlogRequests: number;
  offeredRequests: number;
  servedRequests: number;
  droppedRequests: number;
  /** Time the pods ran at capacity (served μ), seconds; for the rest of the interval they served λ. */
  saturatedSeconds: number;
  /**
   * Time the backlog was full (at Bmax, arrivals above μ dropped), seconds: the end of the interval
   * (saturatedSeconds = dtSeconds). Before it requests entered the backlog at λ, while full at μ.
   */
  fullSeconds: number;
  /** ∫ served rate / readyPods dt: requests one ready pod served (0 without ready pods). */
  servedRequestsPerPod: number;
  /** ∫ backlog dt, request-seconds (mean backlog = this / dtSeconds). */
  backlogRequestSeconds: number;
}

/** Total service rate μ in requests per second; 0 without ready pods. */
function totalCapacityRps(params: FlowParams): number {
  return params.readyPods > 0 && params.capacityRpsPerPod > 0 ? params.readyPods * params.capacityRpsPerPod : 0;
}

/**
 * Advances one workload's queue over dtSeconds with constant params, exactly (see the file header).
 * A start backlog above maxBacklogRequests (Bmax lowered) is dropped at once and counted in
 * droppedRequests. Pure: never mutates its inputs, and returns a new result, or fills `into` and
 * returns it (a caller that advances at every event keeps one). dtSeconds = 0 returns zero totals
 * and the start backlog.
 * @throws RangeError when dtSeconds or the start backlog is negative or NaN.
 */
export function advanceFlow(state: FlowState, params: FlowParams, dtSeconds: number, into?: FlowResult): FlowResult {
  if (!(dtSeconds >= 0) || !(state.backlogRequests >= 0)) {
    throw new RangeError(`advanceFlow: dtSeconds ${dtSeconds} and backlog ${state.backlogRequests} must be ≥ 0`);
  }
  const out = into ?? emptyResult();
  const maxBacklogRequests = params.maxBacklogRequests;
  const droppedAtStartRequests = Math.max(0, state.backlogRequests - maxBacklogRequests);
  const startBacklogRequests = state.backlogRequests - droppedAtStartRequests;
  const offeredRps = params.offeredRps;
  const capacityRps = totalCapacityRps(params);
  const offeredRequests = offeredRps * dtSeconds;

  if (dtSeconds === 0 || (startBacklogRequests === 0 && offeredRps <= capacityRps)) {
    return fill(out, params, startBacklogRequests, offeredRequests, offeredRequests, droppedAtStartRequests, 0, 0, startBacklogRequests * dtSeconds);
  }
  // Saturated from the start: the pods serve μ until the backlog empties.
  const capacityRequests = capacityRps * dtSeconds;
  const unboundedEndBacklogRequests = startBacklogRequests + offeredRequests - capacityRequests;
  if (unboundedEndBacklogRequests > maxBacklogRequests) {
    // Fills to Bmax at tFill, then drops λ − μ. Dropped is the residual so conservation is exact.
    const fillSeconds = Math.min(dtSeconds, (maxBacklogRequests - startBacklogRequests) / (offeredRps - capacityRps));
    return fill(
      out,
      params,
      maxBacklogRequests,
      offeredRequests,
      capacityRequests,
      droppedAtStartRequests + (unboundedEndBacklogRequests - maxBacklogRequests),
      dtSeconds,
      dtSeconds - fillSeconds,
      ((startBacklogRequests + maxBacklogRequests) / 2) * fillSeconds + maxBacklogRequests * (dtSeconds - fillSeconds),
    );
  }
  if (unboundedEndBacklogRequests >= 0) {
    return fill(
      out,
      params,
      unboundedEndBacklogRequests,
      offeredRequests,
      capacityRequests,
      droppedAtStartRequests,
      dtSeconds,
      0,
      ((startBacklogRequests + unboundedEndBacklogRequests) / 2) * dtSeconds,
    );
  }
  // Drains to 0 at tDrain, then serves λ: everything offered plus the whole start backlog is served.
  const drainSeconds = Math.min(dtSeconds, startBacklogRequests / (capacityRps - offeredRps));
  const servedRequests = offeredRequests + startBacklogRequests;
  return fill(out, params, 0, offeredRequests, servedRequests, droppedAtStartRequests, drainSeconds, 0, (startBacklogRequests / 2) * drainSeconds);
}

function emptyResult(): FlowResult {
  return { backlogRequests: 0, offeredRequests: 0, servedRequests: 0, droppedRequests: 0, saturatedSeconds: 0, fullSeconds: 0, servedRequestsPerPod: 0, backlogRequestSeconds: 0 };
}

/** Writes one interval's outcome into `out` (served per pod from `params`). */
function fill(
  out: FlowResult,
  params: FlowParams,
  backlogRequests: number,
  offeredRequests: number,
  servedRequests: number,
  droppedRequests: number,
  saturatedSeconds: number,
  fullSeconds: number,
  backlogRequestSeconds: number,
): FlowResult {
  out.backlogRequests = backlogRequests;
  out.offeredRequests = offeredRequests;
  out.servedRequests = servedRequests;
  out.droppedRequests = droppedRequests;
  out.saturatedSeconds = saturatedSeconds;
  out.fullSeconds = fullSeconds;
  out.servedRequestsPerPod = params.readyPods > 0 ? servedRequests / params.readyPods : 0;
  out.backlogRequestSeconds = backlogRequestSeconds;
  return out;
}

/**
 * Requests per second one ready pod serves at most: the rate at which its CPU reaches the cap,
 * (cpuCapMillicores − baseCpuMillicores) / cpuMillicoreSecondsPerRequest (floored at 0), lowered to
 * spec.maxRequestsPerSecondPerPod when that is set — a throttled CPU limits throughput whatever the
 * application could do. Infinity when requests cost no CPU (or the cap is Infinity) and no limit is set.
 */
export function capacityRpsPerPod(spec: LoadModelSpec, cpuCapMillicores: number): number {
  const cpuBound =
    spec.cpuMillicoreSecondsPerRequest > 0
      ? Math.max(0, (cpuCapMillicores - spec.baseCpuMillicores) / spec.cpuMillicoreSecondsPerRequest)
      : Infinity;
  return spec.maxRequestsPerSecondPerPod === undefined ? cpuBound : Math.min(spec.maxRequestsPerSecondPerPod, cpuBound);
}

/**
 * CPU a running pod uses while serving servedRpsPerPod requests per second, millicores:
 * min(baseCpuMillicores + cpuMillicoreSecondsPerRequest × servedRpsPerPod, cpuCapMillicores).
 */
export function perPodCpuMillicores(spec: LoadModelSpec, servedRpsPerPod: number, cpuCapMillicores: number): number {
  return Math.min(spec.baseCpuMillicores + spec.cpuMillicoreSecondsPerRequest * servedRpsPerPod, cpuCapMillicores);
}

/**
 * ∫ perPodCpuMillicores dt over the interval of `flow` for one ready pod, millicore-seconds: exact,
 * cap included, because the per-pod served rate is capacityRpsPerPod for flow.saturatedSeconds and
 * offeredRps / readyPods for the rest. Without ready pods it is the idle CPU, base × dtSeconds (capped).
 * Divide by dtSeconds for the interval's mean per-pod CPU.
 */
export function perPodCpuMillicoreSeconds(
  spec: LoadModelSpec,
  params: FlowParams,
  flow: FlowResult,
  dtSeconds: number,
  cpuCapMillicores: number,
): number {
  if (!(params.readyPods > 0)) return perPodCpuMillicores(spec, 0, cpuCapMillicores) * dtSeconds;
  const saturatedSeconds = Math.min(flow.saturatedSeconds, dtSeconds);
  const unsaturatedSeconds = dtSeconds - saturatedSeconds;
  const saturatedMillicoreSeconds =
    saturatedSeconds > 0 ? perPodCpuMillicores(spec, params.capacityRpsPerPod, cpuCapMillicores) * saturatedSeconds : 0;
  const unsaturatedMillicoreSeconds =
    unsaturatedSeconds > 0
      ? perPodCpuMillicores(spec, params.offeredRps / params.readyPods, cpuCapMillicores) * unsaturatedSeconds
      : 0;
  return saturatedMillicoreSeconds + unsaturatedMillicoreSeconds;
}
