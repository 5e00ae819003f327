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
});
