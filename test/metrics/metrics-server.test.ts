import { describe, expect, it } from 'vitest';
import { MetricsServer, type PodSample, type UsageProbe } from '../../src/metrics/metrics-server.js';
import type { SimPod } from '../../src/cluster/model.js';
import { makePod } from '../helpers/builders.js';

/** The PodMetrics fields of a served sample (the object may hold the server's own state besides). */
function served(sample: PodSample | undefined): PodSample | undefined {
  return sample && { cpuMilli: sample.cpuMilli, memoryBytes: sample.memoryBytes, timestampSeconds: sample.timestampSeconds, windowSeconds: sample.windowSeconds };
}

/** A pod using `rate` millicores since its containers started. */
function constantProbe(rate: number): UsageProbe {
  return {
    cpuCumulativeMilliSeconds: (pod: SimPod, t: number) => rate * (t - (pod.containerStartSeconds ?? t)),
    workingSetBytes: () => ({ servingBytes: 100, idleBytes: 100 }),
  };
}

describe('metrics-server first-sample rule (pkg/storage/pod.go)', () => {
  it.each([
    ['container 9 s old: too fresh, no sample', 9, false],
    ['container 10 s old: synthetic zero point at start, window 10 s', 10, true],
    ['container 14.9 s old: window = age', 14.9, true],
    ['container exactly one resolution old: needs a second scrape', 15, false],
    ['container 40 s old, never scraped: needs a second scrape', 40, false],
  ])('%s', (_n, ageSeconds, reported) => {
    const probe = constantProbe(200);
    const ms = new MetricsServer(15);
    const pod = makePod({ containerStartSeconds: 100 });
    ms.scrape([pod], 100 + ageSeconds, probe);
    const sample = ms.sample(pod);
    expect(sample !== undefined).toBe(reported);
    if (sample) {
      expect(sample.windowSeconds).toBeCloseTo(ageSeconds, 9);
      expect(sample.cpuMilli).toBe(200);
    }
  });

  it('reports the rate between the two latest scrapes with the window between them', () => {
    let rate = 100;
    const probe: UsageProbe = { cpuCumulativeMilliSeconds: (_p, t) => (t <= 30 ? 100 * t : 3000 + rate * (t - 30)), workingSetBytes: () => ({ servingBytes: 5, idleBytes: 5 }) };
    const ms = new MetricsServer(15);
    const pod = makePod({ containerStartSeconds: -100 });
    ms.scrape([pod], 15, probe);
    expect(ms.sample(pod)).toBeUndefined();
    ms.scrape([pod], 30, probe);
    expect(served(ms.sample(pod))).toEqual({ cpuMilli: 100, memoryBytes: 5, timestampSeconds: 30, windowSeconds: 15 });
    rate = 300;
    ms.scrape([pod], 45, probe);
    expect(ms.sample(pod)?.cpuMilli).toBe(300);
  });

  it('rounds CPU up to whole millicores as Quantity.MilliValue does', () => {
    const probe = constantProbe(100.2);
    const ms = new MetricsServer(15);
    const pod = makePod({ containerStartSeconds: 0 });
    ms.scrape([pod], 12, probe);
    expect(ms.sample(pod)?.cpuMilli).toBe(101);
  });

  it('drops the history when the container restarts (start time moves forward)', () => {
    const probe = constantProbe(50);
    const ms = new MetricsServer(15);
    const pod = makePod({ containerStartSeconds: 0 });
    ms.scrape([pod], 30, probe);
    ms.scrape([pod], 45, probe);
    expect(ms.sample(pod)).toBeDefined();
    pod.containerStartSeconds = 44;
    ms.scrape([pod], 60, probe);
    expect(ms.sample(pod)).toBeUndefined();
  });

  it('does not scrape pods whose containers have not started', () => {
    const probe = constantProbe(50);
    const ms = new MetricsServer(15);
    const pod = makePod({ phase: 'Pending' });
    ms.scrape([pod], 30, probe);
    ms.scrape([pod], 45, probe);
    expect(ms.sample(pod)).toBeUndefined();
  });
});

describe('metrics-server warm start', () => {
  it('serves a primed sample at once and the rate since the primed point at the next scrape', () => {
    const probe = constantProbe(0);
    const ms = new MetricsServer(15);
    const pod = makePod({ phase: 'Running', containerStartSeconds: -600 });
    ms.prime(pod, 120, 64, -10);
    expect(served(ms.sample(pod))).toEqual({ cpuMilli: 120, memoryBytes: 64, timestampSeconds: -10, windowSeconds: 15 });
    // The probe says the pod used nothing since t = 0: the rate over [-10, 5] is 120 × 10 / 15 = 80.
    ms.scrape([pod], 5, probe);
    expect(ms.sample(pod)).toMatchObject({ cpuMilli: 80, timestampSeconds: 5, windowSeconds: 15 });
  });
});

describe('metrics-server outage and forgetting', () => {
  /** A server that has scraped one long-running pod (100 millicores) at 15 s and 30 s: it has a sample. */
  function scrapedTwice() {
    const probe = constantProbe(100);
    const ms = new MetricsServer(15);
    const pod = makePod({ containerStartSeconds: -100 });
    ms.scrape([pod], 15, probe);
    ms.scrape([pod], 30, probe);
    return { probe, ms, pod };
  }

  it('serves nothing while down and comes back empty: two scrapes before a pod has a sample again', () => {
    const { probe, ms, pod } = scrapedTwice();
    expect(ms.sample(pod)?.cpuMilli).toBe(100);
    ms.setAvailable(false);
    expect(ms.sample(pod)).toBeUndefined();
    ms.scrape([pod], 45, probe);
    ms.setAvailable(true);
    expect(ms.sample(pod)).toBeUndefined();
    ms.scrape([pod], 60, probe);
    expect(ms.sample(pod)).toBeUndefined();
    ms.scrape([pod], 75, probe);
    expect(served(ms.sample(pod))).toEqual({ cpuMilli: 100, memoryBytes: 100, timestampSeconds: 75, windowSeconds: 15 });
  });

  it('forgets a pod that is gone: its next scrape starts a new history', () => {
    const { probe, ms, pod } = scrapedTwice();
    ms.forget(pod);
    expect(ms.sample(pod)).toBeUndefined();
    ms.scrape([pod], 45, probe);
    expect(ms.sample(pod)).toBeUndefined();
  });

  it('serves a stopped container its last sample until the next scrape, which drops it (pod.go Store keeps only the last batch)', () => {
    const { probe, ms, pod } = scrapedTwice();
    // The container crashes at 35 s: the kubelet reports nothing for it from then on.
    pod.containerStartSeconds = undefined;
    expect(served(ms.sample(pod))).toEqual({ cpuMilli: 100, memoryBytes: 100, timestampSeconds: 30, windowSeconds: 15 });
    ms.scrape([pod], 45, probe);
    expect(ms.sample(pod)).toBeUndefined();
    // Restarted at 50 s: a new container, so two points (or the fresh-container rule at 60 s: 10 s old) make a rate again.
    pod.containerStartSeconds = 50;
    const restarted: UsageProbe = { ...probe, cpuCumulativeMilliSeconds: (_, t) => 100 * (t - 50) };
    ms.scrape([pod], 60, restarted);
    expect(served(ms.sample(pod))).toEqual({ cpuMilli: 100, memoryBytes: 100, timestampSeconds: 60, windowSeconds: 10 });
  });

  it("serves the old container's sample when it restarted between scrapes, and none after the scrape that sees the new one", () => {
    const { probe, ms, pod } = scrapedTwice();
    pod.containerStartSeconds = 38;
    expect(ms.sample(pod)?.timestampSeconds).toBe(30);
    // 45 s: the new container is 7 s old, too young for the fresh-container rule, and its start differs from the stored point's.
    ms.scrape([pod], 45, { ...probe, cpuCumulativeMilliSeconds: (_, t) => 100 * (t - 38) });
    expect(ms.sample(pod)).toBeUndefined();
  });

  it('keeps each pod its own sample', () => {
    const ms = new MetricsServer(15);
    const a = makePod({ containerStartSeconds: -100 });
    const b = makePod({ containerStartSeconds: -100 });
    const probe: UsageProbe = { cpuCumulativeMilliSeconds: (p, t) => (p === a ? 100 : 300) * t, workingSetBytes: () => ({ servingBytes: 1, idleBytes: 1 }) };
    ms.scrape([a, b], 15, probe);
    ms.scrape([a, b], 30, probe);
    expect([ms.sample(a)?.cpuMilli, ms.sample(b)?.cpuMilli]).toEqual([100, 300]);
  });
});
