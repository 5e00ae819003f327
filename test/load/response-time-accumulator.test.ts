import { describe, expect, it } from 'vitest';
import { ResponseTimeAccumulator } from '../../src/load/response-time-accumulator.js';
import { uniformWaitResponseCdf } from '../../src/load/response-time.js';

type Interval = [servedRequests: number, waitSeconds: number, sojournMeanSeconds: number];

/** Seeded mulberry32, so the large-mixture cases are fixed. */
function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reference: plain bisection on the raw (unbucketed) mixture CDF. */
/** Reference quantile: the smallest x with cdf(x) ≥ p, by doubling then bisection to 1e-12. */
function bisectQuantileSeconds(cdf: (xSeconds: number) => number, p: number): number {
  let lo = 0;
  let hi = 1;
  while (cdf(hi) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i += 1) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return hi;
}

function exactQuantileSeconds(intervals: Interval[], p: number): number {
  const totalWeight = intervals.reduce((sum, [w]) => sum + w, 0);
  const cdf = (x: number): number =>
    intervals.reduce((sum, [w, wait, sojourn]) => (x < wait ? sum : sum + w * (1 - Math.exp(-(x - wait) / sojourn))), 0) /
    totalWeight;
  return bisectQuantileSeconds(cdf, p);
}

function accumulate(intervals: Interval[]): ResponseTimeAccumulator {
  const accumulator = new ResponseTimeAccumulator();
  for (const [w, wait, sojourn] of intervals) accumulator.add(w, wait, sojourn);
  return accumulator;
}

const LN_1_PLUS_E2 = Math.log(1 + Math.E ** 2);

describe('ResponseTimeAccumulator', () => {
  it.each<[string, Interval[], number, number]>([
    ['one interval: the exponential median W + R·ln 2', [[100, 0.5, 0.2]], 0.5, 0.5 + 0.2 * Math.LN2],
    ['one interval: p99 is W + R·ln 100', [[100, 0.5, 0.2]], 0.99, 0.5 + 0.2 * Math.log(100)],
    ['one interval split in many adds is still exact', Array.from({ length: 1000 }, (): Interval => [1, 0, 0.05]), 0.95, 0.05 * Math.log(20)],
    // equal weights, (W=0,R=1) and (W=2,R=1): for x > 2, F = 1 − e^(−x)(1 + e²)/2, so F = ½ at ln(1 + e²)
    ['mixture of two known intervals: median ln(1 + e²)', [[50, 0, 1], [50, 2, 1]], 0.5, LN_1_PLUS_E2],
    // 0.3 of 4 requests: the first (complete by x ≈ 100) gives 1, the rest 3(1 − e^(−(x−100))) = 0.2
    ['weights count requests, not intervals', [[1, 0, 1], [3, 100, 1]], 0.3, 100 + Math.log(15 / 14)],
    ['zero service time is a step at the wait', [[1, 0.3, 0]], 0.99, 0.3],
  ])('%s', (_name, intervals, p, expectedSeconds) => {
    const quantileSeconds = accumulate(intervals).quantileSeconds(p);
    expect(Math.abs(quantileSeconds - expectedSeconds)).toBeLessThanOrEqual(2e-6 * expectedSeconds + 1e-12);
  });

  it('the mean is exact: served-weighted W + R', () => {
    expect(accumulate([[1, 0, 1], [3, 2, 0.5]]).meanSeconds()).toBeCloseTo((1 * 1 + 3 * 2.5) / 4, 12);
  });

  it('nothing served: NaN statistics, zero requests; non-positive weights are ignored', () => {
    const accumulator = accumulate([[0, 1, 1], [-5, 1, 1]]);
    const summary = accumulator.summary();
    expect(summary.servedRequests).toBe(0);
    expect(summary.p50Seconds).toBeNaN();
    expect(summary.meanSeconds).toBeNaN();
  });

  it('rejects p outside [0, 1) and infinite waits', () => {
    const accumulator = accumulate([[1, 0, 1]]);
    expect(() => accumulator.quantileSeconds(1)).toThrow(RangeError);
    expect(() => accumulator.add(1, Infinity, 1)).toThrow(RangeError);
  });

  it('identical intervals share one bucket', () => {
    const accumulator = accumulate(Array.from({ length: 10_000 }, (): Interval => [3, 1.5, 0.02]));
    expect(accumulator.bucketCount).toBe(1);
  });

  it('quantiles are monotone in p', () => {
    const uniform = seededUniform(3);
    const intervals = Array.from({ length: 2000 }, (): Interval => [1 + 10 * uniform(), uniform() < 0.7 ? 0 : 5 * uniform(), 0.01 + uniform()]);
    const accumulator = accumulate(intervals);
    const probabilities = [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999];
    const quantilesSeconds = probabilities.map((p) => accumulator.quantileSeconds(p));
    for (let i = 1; i < quantilesSeconds.length; i += 1) {
      expect(quantilesSeconds[i]).toBeGreaterThanOrEqual(quantilesSeconds[i - 1] ?? 0);
    }
  });

  it('100k distinct intervals: within the grid bound of the exact mixture, in bounded state', () => {
    const uniform = seededUniform(11);
    const serviceTimeSeconds = 0.05;
    // Simulation-like: mostly no backlog with varying ρ; saturated stretches at R = 100·S with a varying wait.
    const intervals = Array.from({ length: 100_000 }, (): Interval => {
      const saturated = uniform() < 0.2;
      const utilizationRatio = saturated ? 0.99 : 0.99 * uniform();
      const waitSeconds = saturated ? 10 ** (4 * uniform() - 2) : 0;
      return [1 + 100 * uniform(), waitSeconds, serviceTimeSeconds / (1 - utilizationRatio)];
    });
    const accumulator = accumulate(intervals);
    const summary = accumulator.summary();
    const gridRelativeError = 10 ** (1 / 200) - 1;
    for (const [p, quantileSeconds] of [[0.5, summary.p50Seconds], [0.95, summary.p95Seconds], [0.99, summary.p99Seconds]] as const) {
      const exactSeconds = exactQuantileSeconds(intervals, p);
      expect(Math.abs(quantileSeconds - exactSeconds) / exactSeconds).toBeLessThanOrEqual(gridRelativeError);
    }
    // The state stays small however many intervals: what summary() walks is the buckets, not the intervals.
    expect(accumulator.bucketCount).toBeLessThan(2000);
  });

  it('100k intervals scattered over the whole grid: one bucket each, still within the bound', () => {
    const uniform = seededUniform(12);
    const intervals = Array.from({ length: 100_000 }, (): Interval => [1 + 100 * uniform(), 10 ** (6 * uniform() - 3), 10 ** (3 * uniform() - 2)]);
    const accumulator = accumulate(intervals);
    const summary = accumulator.summary();
    const gridRelativeError = 10 ** (1 / 200) - 1;
    for (const [p, quantileSeconds] of [[0.5, summary.p50Seconds], [0.95, summary.p95Seconds], [0.99, summary.p99Seconds]] as const) {
      const exactSeconds = exactQuantileSeconds(intervals, p);
      expect(Math.abs(quantileSeconds - exactSeconds) / exactSeconds).toBeLessThanOrEqual(gridRelativeError);
    }
    expect(accumulator.bucketCount).toBeGreaterThan(90_000);
  });
});

/** [requests, wait from, wait to, R]: a backlog piece whose waits spread evenly between the two. */
type Piece = [requests: number, waitFromSeconds: number, waitToSeconds: number, sojournMeanSeconds: number];

/** Reference: bisection on the raw mixture of pieces, each its closed-form uniform ⊕ exponential CDF. */
function exactPieceQuantileSeconds(pieces: Piece[], p: number): number {
  const totalWeight = pieces.reduce((sum, [w]) => sum + w, 0);
  const cdf = (x: number): number =>
    pieces.reduce((sum, [w, from, to, r]) => {
      const [lo, hi] = [Math.min(from, to), Math.max(from, to)];
      if (lo === hi) return x < lo ? sum : sum + w * (r > 0 ? -Math.expm1(-(x - lo) / r) : 1);
      return sum + w * uniformWaitResponseCdf(x, lo, hi, r);
    }, 0) / totalWeight;
  return bisectQuantileSeconds(cdf, p);
}

function accumulatePieces(pieces: Piece[]): ResponseTimeAccumulator {
  const accumulator = new ResponseTimeAccumulator();
  for (const [w, from, to, r] of pieces) accumulator.addWaitRange(w, from, to, r);
  return accumulator;
}

describe('ResponseTimeAccumulator.addWaitRange (backlog pieces: waits uniform over a range)', () => {
  it.each<[string, Piece[], number, number]>([
    // A uniform's CDF is linear, so cutting it at the cells' bounds loses nothing.
    ['R = 0: the median of U[0, 10] is 5', [[100, 10, 0, 0]], 0.5, 5],
    ['R = 0: p99 of U[0, 10] is 9.9', [[100, 0, 10, 0]], 0.99, 9.9],
    ['R = 0: p95 of U[2, 3] is 2.95', [[7, 3, 2, 0]], 0.95, 2.95],
    // half the requests wait 0…1 s, half exactly 4 s (a one-wait add): the median sits at 1 s
    ['with a one-wait interval: weights count requests', [[50, 0, 1, 0], [50, 4, 4, 0]], 0.25, 0.5],
    // from = to is the one-wait law: W + R·ln 20
    ['from = to is one wait', [[10, 3, 3, 2]], 0.95, 3 + 2 * Math.log(20)],
  ])('%s', (_name, pieces, p, expectedSeconds) => {
    expect(Math.abs(accumulatePieces(pieces).quantileSeconds(p) - expectedSeconds)).toBeLessThanOrEqual(2e-6 * expectedSeconds);
  });

  it('U[0, 10] + Exp(5): the quantiles of the closed-form convolution', () => {
    const accumulator = accumulatePieces([[1000, 0, 10, 5]]);
    for (const p of [0.5, 0.95, 0.99]) {
      const exactSeconds = exactPieceQuantileSeconds([[1000, 0, 10, 5]], p);
      expect(Math.abs(accumulator.quantileSeconds(p) - exactSeconds)).toBeLessThanOrEqual(2e-6 * exactSeconds);
    }
  });

  it('the mean is exact: requests × (mid-range wait + R)', () => {
    expect(accumulatePieces([[10, 0, 4, 1], [30, 6, 2, 0.5]]).meanSeconds()).toBeCloseTo((10 * (2 + 1) + 30 * (4 + 0.5)) / 40, 12);
  });

  it('a piece cut in 1,000 (output samples) gives the same quantiles and mean as the whole', () => {
    const whole = accumulatePieces([[5000, 0.001, 250, 5]]);
    const cut = accumulatePieces(
      Array.from({ length: 1000 }, (_, k): Piece => [5, 0.001 + (k / 1000) * (250 - 0.001), 0.001 + ((k + 1) / 1000) * (250 - 0.001), 5]),
    );
    for (const p of [0.01, 0.5, 0.95, 0.99]) expect(Math.abs(cut.quantileSeconds(p) - whole.quantileSeconds(p))).toBeLessThanOrEqual(1e-9 * whole.quantileSeconds(p));
    expect(cut.meanSeconds()).toBeCloseTo(whole.meanSeconds(), 9);
    expect(cut.bucketCount).toBe(whole.bucketCount);
  });

  it('rejects negative and infinite waits', () => {
    const accumulator = new ResponseTimeAccumulator();
    expect(() => accumulator.addWaitRange(1, -1, 2, 1)).toThrow(RangeError);
    expect(() => accumulator.addWaitRange(1, 0, Infinity, 1)).toThrow(RangeError);
  });

  it("20k pieces over six decades mixed with one-wait intervals: within the grid bound, in bounded state", () => {
    const uniform = seededUniform(21);
    const pieces = Array.from({ length: 20_000 }, (): Piece => {
      const kind = uniform();
      if (kind < 0.5) return [1 + 100 * uniform(), 0, 0, 0.05 / (1 - 0.99 * uniform())];
      const from = 10 ** (6 * uniform() - 3);
      // mostly narrow pieces (a saturated stretch between events), some reaching 0 (a drain)
      const to = kind < 0.6 ? 0 : from * (1 + 0.2 * (uniform() - 0.5));
      return [1 + 100 * uniform(), from, to, kind < 0.8 ? 5 : 0.05];
    });
    const accumulator = accumulatePieces(pieces);
    const gridRelativeError = 10 ** (1 / 200) - 1;
    const summary = accumulator.summary();
    for (const [p, quantileSeconds] of [[0.5, summary.p50Seconds], [0.95, summary.p95Seconds], [0.99, summary.p99Seconds]] as const) {
      const exactSeconds = exactPieceQuantileSeconds(pieces, p);
      expect(Math.abs(quantileSeconds - exactSeconds) / exactSeconds).toBeLessThanOrEqual(gridRelativeError);
    }
    // one-wait cells: ρ's few hundred R cells; ranges: ≤ 1,600 wait cells (to 1e-3 … 1e3 s and the
    // drains' cells down to 1e-6 s) × 2 sojourns
    expect(accumulator.bucketCount).toBeLessThan(5000);
  });
});
