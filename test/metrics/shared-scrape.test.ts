/**
 * metrics-server's shared scrape (src/metrics/scrape-group.ts) against its per-pod scrape
 * (`sharedScrapes` off), on two copies of one small workload driven through the same random steps:
 * scrapes on the resolution and off it, changes of the serving pods' CPU, pods moving between
 * serving, idle and stopped, restarted containers, new pods and outages. After every step each
 * pod's served sample must be the same in both copies, field for field; and a worked case shows
 * the sharing itself (one sample object for every pod in a state, and a pod leaving it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UsageState } from '../../src/cluster/cluster-listener.js';
import type { SimPod } from '../../src/cluster/model.js';
import { PodSlot } from '../../src/cluster/pod-slots.js';
import { PodUsageLedger, type PodAccount } from '../../src/engine/pod-usage-ledger.js';
import { MetricsServer, type PodSample, type UsageProbe, type WorkingSet } from '../../src/metrics/metrics-server.js';
import type { SharedUsage } from '../../src/metrics/scrape-group.js';
import { makePod } from '../helpers/builders.js';

const RESOLUTION_SECONDS = 15;
const BASE_CPU_MILLICORES = 10;

/**
 * A workload as metrics-server sees it: serving pods share one CPU integral, idle ones use the base
 * rate (the engine's PodUsageLedger), and a restarted container's counter starts again at 0.
 */
class TestWorkload implements UsageProbe, SharedUsage {
  readonly shared: SharedUsage = this;
  readonly baseCpuMillicores = BASE_CPU_MILLICORES;
  readonly pods: SimPod[] = [];
  private servingRateMillicores = 200;
  private integral = 0;
  private timeSeconds = 0;
  private readonly ledger = new PodUsageLedger(BASE_CPU_MILLICORES, new PodSlot<PodAccount>('test ledger'));
  private readonly atStart = new Map<SimPod, number>();

  constructor(private readonly server: MetricsServer) {}

  private settle(nowSeconds: number): void {
    this.integral += this.servingRateMillicores * (nowSeconds - this.timeSeconds);
    this.timeSeconds = nowSeconds;
  }

  setServingRate(millicores: number, nowSeconds: number): void {
    this.settle(nowSeconds);
    this.servingRateMillicores = millicores;
  }

  /** A pod whose container starts now, serving or idle. */
  addPod(state: 'serving' | 'base', nowSeconds: number): void {
    const pod = makePod({ name: `p${this.pods.length}`, containerStartSeconds: nowSeconds, ready: state === 'serving' });
    this.pods.push(pod);
    this.change(pod, state, nowSeconds);
  }

  /** The pod moves to `to`; 'none' stops its container, and a later start is a restart (counter from 0). */
  change(pod: SimPod, to: UsageState, nowSeconds: number): void {
    // As the engine's cluster listener does: metrics-server first, then the workload's ledger.
    this.server.usageChanging(pod, this);
    this.settle(nowSeconds);
    const from = this.stateOf(pod);
    if (from === 'none' && to !== 'none') {
      pod.phase = 'Running';
      pod.containerStartSeconds = nowSeconds;
      this.atStart.set(pod, this.ledger.cumulativeAt(pod, nowSeconds, this.integral));
    }
    pod.ready = to === 'serving';
    if (to === 'none') pod.phase = 'Pending';
    // A stopped container keeps its last sample until the next scrape drops it (as in the engine).
    this.ledger.change(pod, to, nowSeconds, this.integral);
  }

  stateOf(pod: SimPod): UsageState {
    return pod.phase !== 'Running' ? 'none' : pod.ready ? 'serving' : 'base';
  }

  cpuCumulativeMilliSeconds(pod: SimPod, nowSeconds: number): number {
    this.settle(nowSeconds);
    return this.ledger.cumulativeAt(pod, nowSeconds, this.integral) - (this.atStart.get(pod) ?? 0);
  }

  cpuIntegralAt(nowSeconds: number): number {
    this.settle(nowSeconds);
    return this.integral;
  }

  cpuCumulativeWith(pod: SimPod, timeSeconds: number, integral: number): number {
    return this.ledger.cumulativeAt(pod, timeSeconds, integral) - (this.atStart.get(pod) ?? 0);
  }

  usageSinceSeconds(pod: SimPod): number | undefined {
    return this.ledger.sinceSeconds(pod);
  }

  workingSetBytes(): WorkingSet {
    return { servingBytes: 3000 + this.servingRateMillicores, idleBytes: 1000 };
  }
}

/** One world: a server and its workload. */
function world(shared: boolean): { server: MetricsServer; workload: TestWorkload } {
  const server = new MetricsServer(RESOLUTION_SECONDS);
  server.sharedScrapes = shared;
  return { server, workload: new TestWorkload(server) };
}

function served(sample: PodSample | undefined): PodSample | undefined {
  return sample && { cpuMilli: sample.cpuMilli, memoryBytes: sample.memoryBytes, timestampSeconds: sample.timestampSeconds, windowSeconds: sample.windowSeconds };
}

type Step =
  | { kind: 'scrape'; afterSeconds: number }
  | { kind: 'rate'; millicores: number; afterSeconds: number }
  | { kind: 'change'; pod: number; to: UsageState; afterSeconds: number }
  | { kind: 'add'; state: 'serving' | 'base'; afterSeconds: number }
  | { kind: 'outage'; up: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  // Most scrapes on the resolution; now and then one early (a restarted scrape loop) or late.
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('scrape' as const),
      afterSeconds: fc.oneof({ weight: 5, arbitrary: fc.constant(RESOLUTION_SECONDS) }, { weight: 2, arbitrary: fc.constant(5) }, fc.constantFrom(20, 30)),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rate' as const), millicores: fc.integer({ min: 0, max: 900 }), afterSeconds: fc.constantFrom(0, 1, 7) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('change' as const), pod: fc.nat(7), to: fc.constantFrom<UsageState>('serving', 'base', 'none'), afterSeconds: fc.constantFrom(0, 2, 9, 15) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), state: fc.constantFrom<'serving' | 'base'>('serving', 'base'), afterSeconds: fc.constantFrom(0, 3, 12) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('outage' as const), up: fc.boolean() }) },
);

describe('shared scrape against the per-pod scrape', () => {
  it('serves every pod the same sample after every step', () => {
    let sharedServed = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 60 }), (steps) => {
        const worlds = [world(true), world(false)];
        let now = 0;
        for (const w of worlds) for (let i = 0; i < 3; i++) w.workload.addPod(i === 2 ? 'base' : 'serving', 0);
        for (const s of steps) {
          if (s.kind !== 'outage') now += s.afterSeconds;
          for (const { server, workload } of worlds) {
            if (s.kind === 'scrape') server.scrape(workload.pods, now, workload);
            else if (s.kind === 'rate') workload.setServingRate(s.millicores, now);
            else if (s.kind === 'add') workload.addPod(s.state, now);
            else if (s.kind === 'outage') server.setAvailable(s.up);
            else {
              const pod = workload.pods[s.pod % workload.pods.length]!;
              if (workload.stateOf(pod) !== s.to) workload.change(pod, s.to, now);
            }
          }
          const [grouped, perPod] = worlds;
          for (let i = 0; i < grouped!.workload.pods.length; i++) {
            const sample = grouped!.server.sample(grouped!.workload.pods[i]!);
            expect(served(sample), `pod ${i} at ${now} s after ${JSON.stringify(s)}`).toEqual(served(perPod!.server.sample(perPod!.workload.pods[i]!)));
            const group = grouped!.server.sharedSamples(grouped!.workload);
            if (sample !== undefined && (sample === group?.serving || sample === group?.base)) sharedServed++;
          }
        }
      }),
      { seed: 20261122, numRuns: 600 },
    );
    // The shared samples did serve (a run that never shared would compare nothing).
    expect(sharedServed).toBeGreaterThan(1000);
  });

  it('a worked case: pods in one state share one sample; a pod that stops serving leaves it with its last point', () => {
    const { server, workload } = world(true);
    for (let i = 0; i < 3; i++) workload.addPod(i === 2 ? 'base' : 'serving', 0);
    const [a, b, idle] = workload.pods as [SimPod, SimPod, SimPod];
    server.scrape(workload.pods, 15, workload);
    // A first point makes no sample; each pod, in its state since it started, joins its state's group.
    expect(server.sample(a)).toBeUndefined();
    server.scrape(workload.pods, 30, workload);
    const group = server.sharedSamples(workload)!;
    // One object for both serving pods, one for the idle pod.
    expect(server.sample(a)).toBe(group.serving);
    expect(server.sample(b)).toBe(group.serving);
    expect(server.sample(idle)).toBe(group.base);
    expect(served(group.serving)).toEqual({ cpuMilli: 200, memoryBytes: 3200, timestampSeconds: 30, windowSeconds: 15 });
    expect(served(group.base)).toEqual({ cpuMilli: BASE_CPU_MILLICORES, memoryBytes: 1000, timestampSeconds: 30, windowSeconds: 15 });
    workload.setServingRate(400, 30);
    server.scrape(workload.pods, 45, workload);
    expect(served(server.sample(a))).toEqual({ cpuMilli: 400, memoryBytes: 3400, timestampSeconds: 45, windowSeconds: 15 });
    // b stops serving at 50 s: it keeps the 45 s sample as its own, and at 60 s gets its own rate,
    // 5 s serving at 400m and 10 s idle at 10m over 15 s = 140m.
    workload.change(b, 'base', 50);
    expect(server.sample(b)).not.toBe(group.serving);
    expect(served(server.sample(b))).toEqual(served(group.serving));
    server.scrape(workload.pods, 60, workload);
    expect(served(server.sample(b))).toEqual({ cpuMilli: 140, memoryBytes: 1000, timestampSeconds: 60, windowSeconds: 15 });
    expect(server.sample(a)).toBe(group.serving);
    // A scrape closer than one resolution to the last: every pod is scraped on its own again.
    server.scrape(workload.pods, 65, workload);
    expect(group.resets).toBe(1);
    expect(server.sample(a)).not.toBe(group.serving);
    expect(served(server.sample(a))).toEqual({ cpuMilli: 400, memoryBytes: 3400, timestampSeconds: 65, windowSeconds: 5 });
  });
});
