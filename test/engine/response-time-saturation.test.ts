/**
 * Response time against load at a fixed capacity (README "Response time", src/load/response-time.ts):
 * 2 ready pods of 20 requests/s each (μ = 40 rps), S = 0.05 s. Below capacity a pod is an M/M/1 with
 * R = S / (1 − ρ); at and above capacity ρ is capped at 0.99 (R = 100·S = 5 s) and, with a backlog,
 * each request's FIFO wait in it comes first (src/load/cohort-queue.ts). Saturation must never look faster than near-saturation:
 * dropping the excess (maxBacklogRequests 0) used to report the bare service time (0.05 s / p95
 * 0.150 s at 40.01 rps, against 5 s / 14.98 s at 40 rps), and a sweep on p95 picked a setting that
 * dropped a third of the traffic.
 */
import { describe, expect, it } from 'vitest';
import { LoadFlow } from '../../src/engine/load-flow.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { LoadModelSpec } from '../../src/scenario/types.js';
import { webLoadModel } from '../helpers/builders.js';
import { deploymentYaml } from '../scenario/helpers/base-scenario.js';
import { lines, loadFolder } from '../scenario/helpers/scenario-folder.js';

const PODS = 2;
const CAPACITY_PER_POD = 20;
const S = 0.05;
const RUN_SECONDS = 3600;
/** −ln(1 − 0.95): the p95 of an exponential is R times this. */
const P95_FACTOR = Math.log(20);
const RATES = [39, 40, 40.01, 41, 60];

function model(maxBacklogRequests: number): LoadModelSpec {
  return webLoadModel({ maxBacklogRequests, serviceTimeSeconds: S });
}

/** One steady interval of RUN_SECONDS at `rps` (one advance: a single W + Exp(R) law). */
function steady(rps: number, maxBacklogRequests: number): { mean: number; p95: number } {
  const flow = new LoadFlow(model(maxBacklogRequests));
  flow.offeredRps = rps;
  flow.advance(RUN_SECONDS, PODS, CAPACITY_PER_POD);
  const s = flow.responseTimes.summary();
  return { mean: s.meanSeconds, p95: s.p95Seconds };
}

/** The same hour settled every second (the mixture of many intervals, as a run records it). */
function settledEverySecond(rps: number, maxBacklogRequests: number): { mean: number; p95: number } {
  const flow = new LoadFlow(model(maxBacklogRequests));
  flow.offeredRps = rps;
  for (let t = 1; t <= RUN_SECONDS; t++) flow.advance(t, PODS, CAPACITY_PER_POD);
  const s = flow.responseTimes.summary();
  return { mean: s.meanSeconds, p95: s.p95Seconds };
}

function expectNonDecreasing(values: number[]): void {
  for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]! * (1 - 1e-12));
}

/** R at ρ = 0.975 (39 of 40 rps): 0.05 / 0.025. */
const R_39 = 2;
/** R at the cap ρ = 0.99: 100 · 0.05. */
const R_SATURATED = 5;

describe('response time at a fixed capacity of 40 rps, S = 0.05 s (one steady hour)', () => {
  describe('without a backlog (maxBacklogRequests 0: the excess is dropped)', () => {
    it.each([
      // [rps, W, R]: no backlog, so W = 0; at or above capacity R is the capped 5 s.
      [39, 0, R_39],
      [40, 0, R_SATURATED],
      [40.01, 0, R_SATURATED],
      [41, 0, R_SATURATED],
      [60, 0, R_SATURATED],
    ])('%s rps: mean W + R, p95 W + R·ln 20', (rps, w, r) => {
      const { mean, p95 } = steady(rps, 0);
      expect(mean).toBeCloseTo(w + r, 9);
      expect(p95).toBeCloseTo(w + r * P95_FACTOR, 5);
    });

    it('is non-decreasing in the load', () => {
      const rows = RATES.map((rps) => steady(rps, 0));
      expectNonDecreasing(rows.map((r) => r.mean));
      expectNonDecreasing(rows.map((r) => r.p95));
      // The figures QA saw for the saturated settings were 0.05 s / 0.150 s.
      expect(rows[2]!.mean).toBeCloseTo(5, 9);
      expect(rows[2]!.p95).toBeCloseTo(14.9787, 3);
    });
  });

  describe('with a backlog of 1,000 requests', () => {
    /**
     * The served requests' waits, by hand: FIFO at μ = 40 from t = 0, so the request admitted at a
     * (A(a) admitted before it) leaves at A(a)/40. At λ > 40 the backlog grows at λ − 40, a request
     * admitted at a waits a·(λ/40 − 1), until the backlog is full at 1000/(λ − 40) s; from then on
     * requests enter at 40/s and each waits 1000/40 = 25 s. The hour serves 144,000 requests.
     * Returns [requests, shortest wait, longest wait] per stretch.
     */
    const waits = (rps: number): [number, number, number][] => {
      const fillSeconds = 1000 / (rps - 40);
      const fillRequests = rps * fillSeconds;
      if (fillRequests >= 144_000) return [[144_000, 0, (144_000 / rps) * (rps / 40 - 1)]];
      return [[fillRequests, 0, 25], [144_000 - fillRequests, 25, 25]];
    };
    const meanWait = (rps: number): number => waits(rps).reduce((sum, [n, lo, hi]) => sum + (n * (lo + hi)) / 2, 0) / 144_000;
    /** The p-quantile of the hand-computed mixture of (uniform wait + Exp(5)), by bisection on its CDF. */
    const referenceQuantile = (rps: number, p: number): number => {
      const cdf = (x: number): number =>
        waits(rps).reduce((sum, [n, lo, hi]) => {
          if (hi === lo) return sum + (x > lo ? n * -Math.expm1(-(x - lo) / R_SATURATED) : 0);
          // ∫ over the waits of the exponential's CDF, midpoint rule
          let acc = 0;
          for (let k = 0; k < 2000; k++) {
            const w = lo + ((k + 0.5) / 2000) * (hi - lo);
            acc += x > w ? -Math.expm1(-(x - w) / R_SATURATED) : 0;
          }
          return sum + (n * acc) / 2000;
        }, 0) / 144_000;
      let [lo, hi] = [0, 200];
      for (let i = 0; i < 60; i++) [lo, hi] = cdf((lo + hi) / 2) < p ? [(lo + hi) / 2, hi] : [lo, (lo + hi) / 2];
      return hi;
    };

    it.each([
      // [rps, mean wait (hand-computed), R]
      [39, 0, R_39],
      [40, 0, R_SATURATED], // λ = μ: no backlog forms, ρ = 1 capped
      [40.01, (144_000 / 40.01) * (0.01 / 40) / 2, R_SATURATED], // grows to 36: waits 0 … 0.8998 s
      [41, (41_000 * 12.5 + 103_000 * 25) / 144_000, R_SATURATED], // full at 1,000 s: ≈ 21.441 s
      [60, (3_000 * 12.5 + 141_000 * 25) / 144_000, R_SATURATED], // full at 50 s: ≈ 24.740 s
    ])('%s rps: mean wait + R, p95 of the waits ⊕ Exp(R)', (rps, w, r) => {
      if (rps > 40) expect(meanWait(rps)).toBeCloseTo(w, 9);
      const { mean, p95 } = steady(rps, 1000);
      expect(mean).toBeCloseTo(w + r, 9);
      const expectedP95 = rps > 40 ? referenceQuantile(rps, 0.95) : w + r * P95_FACTOR;
      expect(Math.abs(p95 - expectedP95)).toBeLessThanOrEqual(1e-4 * expectedP95);
    });

    it('is non-decreasing in the load and never below the saturated pod without a backlog', () => {
      const withBacklog = RATES.map((rps) => steady(rps, 1000));
      const dropping = RATES.map((rps) => steady(rps, 0));
      expectNonDecreasing(withBacklog.map((r) => r.mean));
      expectNonDecreasing(withBacklog.map((r) => r.p95));
      withBacklog.forEach((r, i) => {
        expect(r.mean).toBeGreaterThanOrEqual(dropping[i]!.mean * (1 - 1e-12));
        expect(r.p95).toBeGreaterThanOrEqual(dropping[i]!.p95 * (1 - 1e-12));
      });
      // QA's 40.01 rps with the backlog: 0.5 s / 0.905 s before; now the saturated pod plus the wait.
      expect(withBacklog[2]!.mean).toBeCloseTo(5 + (144_000 / 40.01) * (0.01 / 40) / 2, 9);
    });
  });

  it('settled every second (a mixture of intervals) gives the same figures as one interval', () => {
    for (const maxBacklog of [0, 1000]) {
      for (const rps of RATES) {
        const once = steady(rps, maxBacklog);
        const everySecond = settledEverySecond(rps, maxBacklog);
        expect(everySecond.mean).toBeCloseTo(once.mean, 9);
        expect(Math.abs(everySecond.p95 - once.p95)).toBeLessThanOrEqual(1e-9 * once.p95);
      }
    }
  });

  it('a draining backlog is served by saturated pods: each request its own wait + the capped R, then R at ρ', () => {
    const flow = new LoadFlow(model(1000));
    flow.offeredRps = 60;
    flow.advance(50, PODS, CAPACITY_PER_POD); // fills to 1,000 at 50 s
    expect(flow.backlogRequests).toBeCloseTo(1000, 9);
    flow.offeredRps = 20; // drains at 20 rps: empty after 50 s, then ρ = 0.5 (R = 0.1 s)
    flow.advance(150, PODS, CAPACITY_PER_POD);
    expect(flow.backlogRequests).toBe(0);
    // By hand: the 3,000 admitted at 60/s over [0, 50] leave at 1.5a (waits 0.5a: 0 … 25 s); the
    // 1,000 admitted at 20/s over [50, 100] leave at 75 + (a − 50)/2 (waits 50 − a/2: 25 … 0 s).
    // All 4,000 wait uniformly over [0, 25] s (mean 12.5) and spend 5 s in the pod; 1,000 more are
    // served at once over [100, 150] with R = 0.1 s.
    expect(flow.responseTimes.servedRequests).toBeCloseTo(5000, 9);
    expect(flow.responseTimes.meanSeconds()).toBeCloseTo((4000 * (12.5 + R_SATURATED) + 1000 * 0.1) / 5000, 9);
    // The 80 % of requests that queued: their median is the median of U[0, 25] + Exp(5), and the
    // quickest fifth (the 1,000 served at once, nearly all within 1 s) sits below it.
    expect(flow.responseTimes.quantileSeconds(0.1)).toBeLessThan(0.3);
  });
});

describe('a run at a fixed capacity (2 pods, CPU limit 1, 50 mcore·s a request, S = 0.05 s)', () => {
  async function run(rps: number, maxBacklogRequests: number): Promise<{ mean: number; p95: number; servedPercent: number | null }> {
    const backlog = maxBacklogRequests > 0 ? `, maxBacklogRequests: ${maxBacklogRequests}` : '';
    const scenario = await loadFolder({
      'scenario.yaml': lines(
        'apiVersion: scalesim.dev/v1alpha1',
        'kind: Scenario',
        'spec:',
        '  seed: 1',
        '  duration: 1h',
        '  traces: {t: {file: t.csv, valueKind: ratePerSecond}}',
        '  nodePools: [{name: pool, count: 1, cpu: "4", memory: 16Gi}]',
        `  workloads: {web: {trace: t, cpuMillicoreSecondsPerRequest: 50, serviceTimeSeconds: 0.05${backlog}}}`,
      ),
      't.csv': lines('timestamp,value', `2024-01-01T00:00:00Z,${rps}`, `2024-01-01T02:00:00Z,${rps}`),
      'manifests/web.yaml': deploymentYaml('web', 2, '      containers:', '        - name: web', '          image: nginx', '          resources: {requests: {cpu: 500m, memory: 128Mi}, limits: {cpu: "1", memory: 256Mi}}'),
    });
    const w = runScenario(scenario).summary.workloads[0]!;
    return { mean: w.responseTimeSeconds.mean, p95: w.responseTimeSeconds.p95, servedPercent: w.servedPercent };
  }

  it('reports response times that never fall as the load passes capacity', async () => {
    for (const maxBacklog of [0, 1000]) {
      const rows = [];
      for (const rps of RATES) rows.push(await run(rps, maxBacklog));
      expectNonDecreasing(rows.map((r) => r.mean));
      expectNonDecreasing(rows.map((r) => r.p95));
      expect(rows[0]!.mean).toBeCloseTo(2, 5);
      expect(rows[1]!.mean).toBeCloseTo(5, 5);
      // 60 rps dropping a third of the traffic is no faster than 40 rps served in full.
      expect(rows[4]!.p95).toBeGreaterThanOrEqual(rows[1]!.p95 * (1 - 1e-9));
      if (maxBacklog === 0) expect(rows[4]!.servedPercent).toBeCloseTo(66.67, 1);
    }
  });
});
