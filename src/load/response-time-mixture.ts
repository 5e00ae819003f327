/**
 * The served-weighted mixture of response-time laws that ResponseTimeAccumulator keeps, and its
 * quantile solver. Component i has weight w_i (requests), a wait W uniform on [lo_i, hi_i] (lo = hi:
 * one wait) and then an exponential sojourn of mean R_i (1/R = Infinity: none); its CDF is
 * 1 − exp(−(x − W)/R) past W for one wait, the uniform–exponential convolution of response-time.ts
 * (uniformWaitResponseCdf) for a range.
 */
import { COMPLETE_SOJOURNS } from './response-time.js';

export interface MixtureComponents {
  count: number;
  weights: Float64Array;
  waitLoSeconds: Float64Array;
  waitHiSeconds: Float64Array;
  /** 1/R per component (Infinity for R = 0). */
  inverseSojourn: Float64Array;
}

const MAX_ITERATIONS = 200;

/** One wait range's CDF and density at x, written by rangeAt (reused: the solver is not re-entered). */
const RANGE = { cdf: 0, density: 0 };

/**
 * uniformWaitResponseCdf and uniformWaitResponseDensity of one wait range at x together, each by
 * the same operations as those functions (so to the same bits; a test holds them to it), sharing
 * their exponentials: half the work of calling both, in the solver's inner loop. `zSojourns` is
 * (x − hi)/R, already computed by the caller, and at most COMPLETE_SOJOURNS.
 */
export function rangeAt(xSeconds: number, loSeconds: number, hiSeconds: number, sojournSeconds: number, zSojourns: number, out: { cdf: number; density: number }): void {
  if (!(xSeconds > loSeconds)) {
    out.cdf = 0;
    out.density = 0;
    return;
  }
  const widthSeconds = hiSeconds - loSeconds;
  if (!(sojournSeconds > 0)) {
    const inside = !(xSeconds >= hiSeconds);
    out.cdf = inside ? (xSeconds - loSeconds) / widthSeconds : 1;
    out.density = inside ? 1 / widthSeconds : 0;
    return;
  }
  const delta = widthSeconds / sojournSeconds;
  if (xSeconds < hiSeconds) {
    const y = (xSeconds - loSeconds) / sojournSeconds;
    const e = Math.expm1(-y);
    out.cdf = (y + e) / delta;
    out.density = -e / widthSeconds;
    return;
  }
  const tail = Math.exp(-zSojourns) * -Math.expm1(-delta);
  out.cdf = 1 - tail / delta;
  out.density = tail / widthSeconds;
}

/** Unnormalised mixture CDF Σ w·F_i(x) and density Σ w·f_i(x) (steps contribute no density). */
export function mixtureAt(cells: MixtureComponents, xSeconds: number): { cdf: number; density: number } {
  let cdf = 0;
  let density = 0;
  for (let i = 0; i < cells.count; i += 1) {
    const loSeconds = cells.waitLoSeconds[i] ?? 0;
    const elapsedSeconds = xSeconds - loSeconds;
    if (elapsedSeconds < 0) continue;
    const weight = cells.weights[i] ?? 0;
    const inverseSojourn = cells.inverseSojourn[i] ?? Infinity;
    const hiSeconds = cells.waitHiSeconds[i] ?? loSeconds;
    if (hiSeconds > loSeconds) {
      const sojournSeconds = 1 / inverseSojourn;
      // Complete (the range functions' own test, computed alike): most cells, far below the quantile.
      const zSojourns = (xSeconds - hiSeconds) / sojournSeconds;
      if (zSojourns > COMPLETE_SOJOURNS) {
        cdf += weight;
        continue;
      }
      rangeAt(xSeconds, loSeconds, hiSeconds, sojournSeconds, zSojourns, RANGE);
      cdf += weight * RANGE.cdf;
      density += weight * RANGE.density;
      continue;
    }
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
export function solveQuantile(
  cells: MixtureComponents,
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
