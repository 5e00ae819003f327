/**
 * Run-level response-time quantiles: the served-weighted mixture of the requests' response-time laws
 * (response-time.ts): W + Exp(R) for requests that wait W (0 without a backlog), and U[lo, hi] + Exp(R)
 * for a piece of a backlog cohort whose waits spread over [lo, hi] (cohort-queue.ts). Kept in flat
 * memory on a fine log grid (log-grid.ts): one-wait components merge when (W, R) share a cell, each
 * cell keeping Σw, Σw·W and Σw·R, so identical intervals merge exactly; wait ranges are cut at the
 * cells' bounds (wait-range-cells.ts). The mean is exact.
 */
import { gridCellIndex, gridPairKey, grownFloat64 } from './log-grid.js';
import { intervalQuantileSeconds } from './response-time.js';
import { solveQuantile, type MixtureComponents } from './response-time-mixture.js';
import { WaitRangeCells } from './wait-range-cells.js';

/** Accumulator grid and solver settings. */
export const RESPONSE_TIME_ACCUMULATOR_DEFAULTS = Object.freeze({
  /** Log-grid cells per decade of W and of R: cells span a factor 10^(1/200) ≈ 1.0116. */
  bucketsPerDecade: 200,
  /** W or R below this many seconds share one cell (absolute error ≤ this). */
  minResolvedSeconds: 1e-6,
  /** Quantiles are solved until the bracket is narrower than this fraction of the result. */
  quantileRelativeTolerance: 1e-6,
});

export type ResponseTimeAccumulatorConfig = typeof RESPONSE_TIME_ACCUMULATOR_DEFAULTS;

export interface ResponseTimeSummary {
  servedRequests: number;
  meanSeconds: number;
  p50Seconds: number;
  p95Seconds: number;
  p99Seconds: number;
}

/**
 * Collects (servedRequests, W, R) per interval (add) and (requests, wait range, R) per backlog piece
 * (addWaitRange), and answers quantiles of the mixture P(T ≤ x) = Σ w_i · F_i(x) / Σ w_i, w_i = served
 * requests, F_i = 1 − exp(−(x − W_i)/R_i) past W_i, or the uniform–exponential convolution.
 *
 * Accuracy: each interval is represented by its cell's weighted-mean (W, R), which lies in the same
 * cell, and a wait range's law is exact at every cell bound (wait-range-cells.ts), so every quantile
 * is within a factor 10^(1/bucketsPerDecade) (±1.2 % by default, plus minResolvedSeconds) of the exact
 * mixture's; identical intervals are exact. Memory is O(cells occupied), independent of the number
 * of intervals and pieces. A quantile costs a few passes over the cells (safeguarded Newton on the
 * mixture density, falling back to bisection).
 */
export class ResponseTimeAccumulator {
  private readonly config: ResponseTimeAccumulatorConfig;
  private readonly slotByCell = new Map<number, number>();
  private weights: Float64Array = new Float64Array(64);
  private weightedWaitSeconds: Float64Array = new Float64Array(64);
  private weightedSojournSeconds: Float64Array = new Float64Array(64);
  private slotCount = 0;
  private totalWeight = 0;
  private totalWeightedSeconds = 0;
  /** Wait-range components (backlog pieces), on the same grid. */
  private readonly ranges: WaitRangeCells;
  /** The components for the solver, rebuilt after an add. */
  private cellsCache: MixtureComponents | undefined;
  /** The previous add's (W, R) and slot: a steady stretch adds the same pair at every settle. */
  private lastWaitSeconds = NaN;
  private lastSojournSeconds = NaN;
  private lastSlot = -1;

  constructor(config: Partial<ResponseTimeAccumulatorConfig> = {}) {
    this.config = { ...RESPONSE_TIME_ACCUMULATOR_DEFAULTS, ...config };
    this.ranges = new WaitRangeCells(this.config);
  }

  /** Requests added so far. */
  get servedRequests(): number {
    return this.totalWeight;
  }

  /** Grid cells in use (the state size). */
  get bucketCount(): number {
    return this.slotCount + this.ranges.count;
  }

  /**
   * Adds one interval: servedRequests requests, each waiting waitSeconds and then spending an
   * exponential time of mean sojournMeanSeconds in a pod. servedRequests ≤ 0 is ignored.
   * @throws RangeError when waitSeconds or sojournMeanSeconds is negative or not finite.
   */
  add(servedRequests: number, waitSeconds: number, sojournMeanSeconds: number): void {
    if (!(waitSeconds >= 0 && sojournMeanSeconds >= 0 && Number.isFinite(waitSeconds + sojournMeanSeconds))) {
      throw new RangeError(`response time needs finite W ${waitSeconds} and R ${sojournMeanSeconds} ≥ 0`);
    }
    if (!(servedRequests > 0)) return;
    this.cellsCache = undefined;
    let slot = this.lastSlot;
    if (waitSeconds !== this.lastWaitSeconds || sojournMeanSeconds !== this.lastSojournSeconds) {
      slot = this.slotFor(gridPairKey(gridCellIndex(this.config, waitSeconds), gridCellIndex(this.config, sojournMeanSeconds)));
      this.lastWaitSeconds = waitSeconds;
      this.lastSojournSeconds = sojournMeanSeconds;
      this.lastSlot = slot;
    }
    this.weights[slot] = (this.weights[slot] ?? 0) + servedRequests;
    this.weightedWaitSeconds[slot] = (this.weightedWaitSeconds[slot] ?? 0) + servedRequests * waitSeconds;
    this.weightedSojournSeconds[slot] = (this.weightedSojournSeconds[slot] ?? 0) + servedRequests * sojournMeanSeconds;
    this.totalWeight += servedRequests;
    this.totalWeightedSeconds += servedRequests * (waitSeconds + sojournMeanSeconds);
  }

  /**
   * Adds a piece of a backlog cohort: `requests` whose waits run evenly from waitFromSeconds to
   * waitToSeconds (either order; equal: one wait, as add), each then spending an exponential time of
   * mean sojournMeanSeconds in a pod. requests ≤ 0 is ignored.
   * @throws RangeError when a wait or sojournMeanSeconds is negative or not finite.
   */
  addWaitRange(requests: number, waitFromSeconds: number, waitToSeconds: number, sojournMeanSeconds: number): void {
    if (waitFromSeconds === waitToSeconds) {
      this.add(requests, waitFromSeconds, sojournMeanSeconds);
      return;
    }
    const loSeconds = Math.min(waitFromSeconds, waitToSeconds);
    const hiSeconds = Math.max(waitFromSeconds, waitToSeconds);
    if (!(loSeconds >= 0 && sojournMeanSeconds >= 0 && Number.isFinite(hiSeconds + sojournMeanSeconds))) {
      throw new RangeError(`response time needs finite waits ${waitFromSeconds}..${waitToSeconds} and R ${sojournMeanSeconds} ≥ 0`);
    }
    if (!(requests > 0)) return;
    this.cellsCache = undefined;
    this.ranges.add(requests, loSeconds, hiSeconds, sojournMeanSeconds);
    this.totalWeight += requests;
    this.totalWeightedSeconds += requests * ((loSeconds + hiSeconds) / 2 + sojournMeanSeconds);
  }

  private slotFor(cell: number): number {
    let slot = this.slotByCell.get(cell);
    if (slot === undefined) {
      slot = this.slotCount;
      this.slotCount += 1;
      if (slot >= this.weights.length) this.grow();
      this.slotByCell.set(cell, slot);
    }
    return slot;
  }

  /** Served-weighted mean response time, seconds (exact); NaN when nothing was served. */
  meanSeconds(): number {
    return this.totalWeight > 0 ? this.totalWeightedSeconds / this.totalWeight : NaN;
  }

  /**
   * The p-quantile of the mixture, inf{x : P(T ≤ x) ≥ p}, seconds (p = 0: the smallest W); NaN when
   * nothing was served. Where the CDF is flat at p to double precision (p equals the weight of a
   * group of intervals that complete long before the next starts), any point of the flat is returned.
   * @throws RangeError when p is outside [0, 1).
   */
  quantileSeconds(p: number): number {
    if (!(p >= 0 && p < 1)) throw new RangeError(`quantile p ${p} must be in [0, 1)`);
    if (this.bucketCount === 0) return NaN;
    const cells = this.representatives();
    // Each component's own quantile brackets the mixture's: F_i(lo) ≤ p ≤ F_i(hi) for all i.
    let loSeconds = Infinity;
    let hiSeconds = 0;
    for (let i = 0; i < cells.count; i += 1) {
      // A wait range lies between its lowest and highest wait's laws.
      const sojournSeconds = 1 / (cells.inverseSojourn[i] ?? Infinity);
      loSeconds = Math.min(loSeconds, intervalQuantileSeconds(cells.waitLoSeconds[i] ?? 0, sojournSeconds, p));
      hiSeconds = Math.max(hiSeconds, intervalQuantileSeconds(cells.waitHiSeconds[i] ?? 0, sojournSeconds, p));
    }
    if (p === 0) return loSeconds;
    const { quantileRelativeTolerance, minResolvedSeconds } = this.config;
    const toleranceSeconds = { relative: quantileRelativeTolerance, absolute: quantileRelativeTolerance * minResolvedSeconds };
    return solveQuantile(cells, p * this.totalWeight, loSeconds, hiSeconds, toleranceSeconds);
  }

  /** Served requests, mean, p50, p95 and p99 in seconds (NaN statistics when nothing was served). */
  summary(): ResponseTimeSummary {
    return {
      servedRequests: this.totalWeight,
      meanSeconds: this.meanSeconds(),
      p50Seconds: this.quantileSeconds(0.5),
      p95Seconds: this.quantileSeconds(0.95),
      p99Seconds: this.quantileSeconds(0.99),
    };
  }

  private grow(): void {
    const capacity = this.weights.length * 2;
    this.weights = grownFloat64(this.weights, capacity);
    this.weightedWaitSeconds = grownFloat64(this.weightedWaitSeconds, capacity);
    this.weightedSojournSeconds = grownFloat64(this.weightedSojournSeconds, capacity);
  }

  /** One-wait cells first (lo = hi = their mean W), then the wait-range cells. */
  private representatives(): MixtureComponents {
    if (this.cellsCache !== undefined) return this.cellsCache;
    const points = this.slotCount;
    const count = points + this.ranges.count;
    const weights = new Float64Array(count);
    const waitLoSeconds = new Float64Array(count);
    const inverseSojourn = new Float64Array(count);
    for (let i = 0; i < points; i += 1) {
      const weight = this.weights[i] ?? 0;
      weights[i] = weight;
      waitLoSeconds[i] = (this.weightedWaitSeconds[i] ?? 0) / weight;
      // R = 0 (a zero service time) gives 1/R = Infinity: a step at W, handled in mixtureAt.
      inverseSojourn[i] = weight / (this.weightedSojournSeconds[i] ?? 0);
    }
    const waitHiSeconds = new Float64Array(count);
    waitHiSeconds.set(waitLoSeconds.subarray(0, points));
    this.cellsCache = { count, weights, waitLoSeconds, waitHiSeconds, inverseSojourn };
    this.ranges.writeComponents(this.cellsCache, points);
    return this.cellsCache;
  }
}

