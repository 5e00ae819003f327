/**
 * The HPA's class counts kept between syncs (src/controllers/hpa-pod-totals.ts) against a walk of
 * the pods at the same instant: a pod whose class may change without its pods version moving must
 * be classified again. Here, a pod whose container stopped: metrics-server serves its last sample
 * until the next scrape drops it, so it goes from its class with a sample to missing.
 */
import { describe, expect, it } from 'vitest';
import { classifyPod, type GroupPodsConfig } from '../../src/autoscalers/hpa/group-pods.js';
import type { PodClassTotals } from '../../src/autoscalers/hpa/types.js';
import type { SimPod } from '../../src/cluster/model.js';
import { HpaPodTotals } from '../../src/controllers/hpa-pod-totals.js';
import { podObservation } from '../../src/controllers/hpa-pod-view.js';
import type { WorkloadRuntime } from '../../src/engine/workload-runtime.js';
import { MetricsServer, type UsageProbe } from '../../src/metrics/metrics-server.js';
import { makePod } from '../helpers/builders.js';

const CONFIG: GroupPodsConfig = { cpuInitializationPeriodSeconds: 300, initialReadinessDelaySeconds: 30 };
const probe: UsageProbe = { cpuCumulativeMilliSeconds: (_, t) => 100 * t, workingSetBytes: () => ({ servingBytes: 1, idleBytes: 1 }) };
/** The parts of a workload the counts read: its pods version, which stays put here. */
const target = { controller: { podsVersion: 7 } } as unknown as WorkloadRuntime;

const empty = (): PodClassTotals => ({ ready: 0, unready: 0, missing: 0, ignored: 0, requestMilli: 0, readyUsageMilli: 0 });

/** A walk over `pods` at `nowSeconds`, counting as the HPA's sync does. */
function walk(totals: HpaPodTotals, pods: SimPod[], ms: MetricsServer, nowSeconds: number): PodClassTotals {
  const into = empty();
  totals.begin();
  for (const pod of pods) {
    const sample = ms.sample(pod);
    const { podClass } = classifyPod(podObservation(pod, sample), 'cpu', nowSeconds, CONFIG);
    into[podClass]++;
    if (podClass === 'ready') into.readyUsageMilli += sample!.cpuMilli;
    totals.add(pod, podClass, sample, undefined, nowSeconds, CONFIG);
  }
  totals.end(target, ms, undefined);
  return into;
}

describe('HpaPodTotals', () => {
  it.each([
    // Never Ready (its Ready=False came within 30 s of its start): unready while it has a sample.
    ['a pod never Ready', false, 10],
    // Ready once, then its container crashed: ready on its last sample.
    ['a pod that was Ready', false, 200],
  ] as const)('counts %s whose container stopped as the walk does, before and after the scrape that drops its sample', (_, ready, readyConditionSeconds) => {
    const ms = new MetricsServer(15);
    const pod = makePod({ name: 'crashed', containerStartSeconds: 0, startTimeSeconds: 0, ready: true, readyConditionSeconds: 0 });
    const other = makePod({ name: 'running', containerStartSeconds: 0, startTimeSeconds: 0, ready: true, readyConditionSeconds: 0 });
    for (const t of [585, 600]) ms.scrape([pod, other], t, probe);
    // 605 s: the container crashes (its Ready condition goes False).
    Object.assign(pod, { containerStartSeconds: undefined, ready, readyConditionSeconds });
    const totals = new HpaPodTotals('cpu');
    const before = walk(totals, [pod, other], ms, 606);
    expect(before.missing).toBe(0);
    expect(totals.serve(target, ms, 606, CONFIG, empty())).toEqual(before);
    // The next scrape finds it not running and drops its sample: missing from then on.
    ms.scrape([pod, other], 615, probe);
    const after = walk(new HpaPodTotals('cpu'), [pod, other], ms, 616);
    expect(after.missing).toBe(1);
    expect(totals.serve(target, ms, 616, CONFIG, empty())).toEqual(after);
  });

  it('counts a never-Ready pod whose container restarted between two scrapes as the walk does: the old sample, then none', () => {
    const ms = new MetricsServer(15);
    const pod = makePod({ name: 'restarted', containerStartSeconds: 0, startTimeSeconds: 0, ready: false, readyConditionSeconds: 10 });
    for (const t of [585, 600]) ms.scrape([pod], t, probe);
    // 603 s: the container crashed and started again at once; the server still holds the old container's sample.
    pod.containerStartSeconds = 603;
    const totals = new HpaPodTotals('cpu');
    const before = walk(totals, [pod], ms, 606);
    expect(before.unready).toBe(1);
    expect(totals.serve(target, ms, 606, CONFIG, empty())).toEqual(before);
    // 615 s: the new container is 12 s old, its counter restarted at 603 s; the fresh-container rule gives
    // it a rate: a sample again, of the new container.
    ms.scrape([pod], 615, { ...probe, cpuCumulativeMilliSeconds: (_, t) => 100 * (t - 603) });
    const after = walk(new HpaPodTotals('cpu'), [pod], ms, 616);
    expect(totals.serve(target, ms, 616, CONFIG, empty())).toEqual(after);
    // 624 s: another restart; the next scrape (627 s, the container 3 s old) gives no rate: missing.
    pod.containerStartSeconds = 624;
    ms.scrape([pod], 627, { ...probe, cpuCumulativeMilliSeconds: (_, t) => 100 * (t - 624) });
    const missing = walk(new HpaPodTotals('cpu'), [pod], ms, 628);
    expect(missing.missing).toBe(1);
    expect(totals.serve(target, ms, 628, CONFIG, empty())).toEqual(missing);
  });
});
