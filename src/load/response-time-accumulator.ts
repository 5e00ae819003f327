/**
 * Run-level response-time quantiles: the served-weighted mixture of the intervals' W + Exp(R) laws
 * (response-time.ts), kept in flat memory by merging intervals whose (W, R) share a fine log-grid cell.
 * Each cell keeps Σw, Σw·W and Σw·R, so identical intervals merge exactly and the mean is exact.
 */
import { intervalQuantileSeconds } from './response-time.js';

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

/** Cell index offset so that every grid index is a non-negative integer below 2^21. */
const INDEX_OFFSET = 2 ** 20;
const MAX_ITERATIONS = 200;
/** exp(−40) < 5e-18: beyond 40 mean sojourns an exponential component counts as complete. */
const COMPLETE_SOJOURNS = 40;

/**
 * Collects (servedRequests, W, R) per interval and answers quantiles of the mixture
 * P(T ≤ x) = Σ w_i · (x < W_i ? 0 : 1 − exp(−(x − W_i)/R_i)) / Σ w_i, w_i = served requests.
 *
 * Accuracy: each interval is represented by its cell's weighted-mean (W, R), which lies in the same
 * cell, so every quantile is within a factor 10^(1/bucketsPerDecade) (±1.2 % by default, plus
 * minResolvedSeconds) of the exact mixture's; identical intervals are exact. Memory is O(cells
 * occupied), independent of the number of intervals. A quantile costs a few passes over the cells
 * (safeguarded Newton on the mixture density, falling back to bisection).
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
  /** Per-cell (W, 1/R) for the solver, rebuilt after an add. */
  private cellsCache: MixtureCells | undefined;
  /** The previous add's (W, R) and slot: a steady stretch adds the same pair at every settle. */
  private lastWaitSeconds = NaN;
  private lastSojournSeconds = NaN;
  private lastSlot = -1;

  constructor(config: Partial<ResponseTimeAccumulatorConfig> = {}) {
    this.config = { ...RESPONSE_TIME_ACCUMULATOR_DEFAULTS, ...config };
  }

  /** Requests added so far. */
  get servedRequests(): number {
    return this.totalWeight;
  }

  /** Grid cells in use (the state size). */
  get bucketCount(): number {
    return this.slotCount;
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
      slot = this.slotFor(this.cellIndex(waitSeconds) * 2 * INDEX_OFFSET + this.cellIndex(sojournMeanSeconds));
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
    if (this.slotCount === 0) return NaN;
    const cells = this.representatives();
    // Each component's own quantile brackets the mixture's: F_i(lo) ≤ p ≤ F_i(hi) for all i.
    let loSeconds = Infinity;
    let hiSeconds = 0;
    for (let i = 0; i < cells.count; i += 1) {
      const q = intervalQuantileSeconds(cells.waitSeconds[i] ?? 0, 1 / (cells.inverseSojourn[i] ?? Infinity), p);
      loSeconds = Math.min(loSeconds, q);
      hiSeconds = Math.max(hiSeconds, q);
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

  private cellIndex(seconds: number): number {
    if (seconds < this.config.minResolvedSeconds) return 0;
    return Math.floor(Math.log10(seconds) * this.config.bucketsPerDecade) + INDEX_OFFSET;
  }

  private grow(): void {
    const capacity = this.weights.length * 2;
    const copy = (from: Float64Array): Float64Array => {
      const to = new Float64Array(capacity);
      to.set(from);
      return to;
    };
    this.weights = copy(this.weights);
    this.weightedWaitSeconds = copy(this.weightedWaitSeconds);
    this.weightedSojournSeconds = copy(this.weightedSojournSeconds);
  }

  private representatives(): MixtureCells {
    if (this.cellsCache !== undefined) return this.cellsCache;
    const count = this.slotCount;
    const waitSeconds = new Float64Array(count);
    const inverseSojourn = new Float64Array(count);
    for (let i = 0; i < count; i += 1) {
      const weight = this.weights[i] ?? 0;
      waitSeconds[i] = (this.weightedWaitSeconds[i] ?? 0) / weight;
      // R = 0 (a zero service time) gives 1/R = Infinity: a step at W, handled in mixtureAt.
      inverseSojourn[i] = weight / (this.weightedSojournSeconds[i] ?? 0);
    }
    this.cellsCache = { count, weights: this.weights, waitSeconds, inverseSojourn };
    return this.cellsCache;
  }
}

interface MixtureCells {
  count: number;
  weights: Float64Array;
  waitSeconds: Float64Array;
  inverseSojourn: Float64Array;
}

/** Unnormalised mixture CDF Σ w·F_i(x) and density Σ w·f_i(x) (steps contribute no density). */
function mixtureAt(cells: MixtureCells, xSeconds: number): { cdf: number; density: number } {
  let cdf = 0;
  let density = 0;
  for (let i = 0; i < cells.count; i += 1) {
    const elapsedSeconds = xSeconds - (cells.waitSeconds[i] ?? 0);
    if (elapsedSeconds < 0) continue;
    const weight = cells.weights[i] ?? 0;
    const inverseSojourn = cells.inverseSojourn[i] ?? Infinity;
    const elapsedSojourns = elapsedSeconds * inverseSojourn;
    // Past 40 mean sojourns the component is complete (skip the exp); NaN is 0 · ∞, a step (R = 0) at W.
    if (!(elapsedSojourns <= COMPLETE_SOJOURNS)) {
      cdf += weight;
      continue;
    }
    const survival = Math.exp(-elapsedSojourns);
    cdf += weight * (1 - survival);
    density += weight * survival * inverseSojourn;
  }
  return { cdf, density };
}

/** Bisection point: geometric while the bracket spans more than a factor 4 (quantiles span decades). */
function splitSeconds(loSeconds: number, hiSeconds: number): number {
  return loSeconds > 0 && hiSeconds > 4 * loSeconds ? Math.sqrt(loSeconds * hiSeconds) : (loSeconds + hiSeconds) / 2;
}

/**
 * Smallest x in [lo, hi] with mixture CDF ≥ target, to the tolerance (Numerical Recipes' rtsafe):
 * a Newton step when it lands inside the bracket and at least halves the step before last, else a
 * bisection. Newton steps are overshot by half the tolerance so that, near the root, the bracket
 * closes from both sides.
 */
function solveQuantile(
  cells: MixtureCells,
  target: number,
  lo: number,
  hi: number,
  tolerance: { relative: number; absolute: number },
): number {
  let loSeconds = lo;
  let hiSeconds = hi;
  let xSeconds = splitSeconds(lo, hi);
  let stepSeconds = hi - lo;
  let stepBeforeSeconds = stepSeconds;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
    if (hiSeconds - loSeconds <= tolerance.relative * hiSeconds + tolerance.absolute) break;
    const { cdf, density } = mixtureAt(cells, xSeconds);
    if (cdf < target) loSeconds = xSeconds;
    else hiSeconds = xSeconds;
    const newtonStepSeconds = density > 0 ? (target - cdf) / density : Infinity;
    const newtonSeconds = xSeconds + newtonStepSeconds + Math.sign(newtonStepSeconds) * 0.5 * tolerance.relative * xSeconds;
    stepBeforeSeconds = stepSeconds;
    if (newtonSeconds > loSeconds && newtonSeconds < hiSeconds && Math.abs(newtonStepSeconds) <= stepBeforeSeconds / 2) {
      stepSeconds = Math.abs(newtonStepSeconds);
      xSeconds = newtonSeconds;
    } else {
      xSeconds = splitSeconds(loSeconds, hiSeconds);
      stepSeconds = hiSeconds - loSeconds;
    }
  }
  return hiSeconds;
}
