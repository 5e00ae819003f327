/**
 * The per-workload paths of issue 7 against the per-pod paths they stand for: metrics-server's
 * shared scrape (src/metrics/scrape-group.ts: pods whose usage state held share their state's
 * sample) and the HPA's class counts kept between syncs (src/controllers/hpa-pod-totals.ts). A run
 * with both must write the same bytes as a run that scrapes and classifies every pod one by one
 * (MetricsServer.sharedScrapes and HpaController.podTotals off), on every bundled scenario, on one
 * with every fault that moves pods in and out of their state groups, and on random one-workload
 * scenarios (fast-check: nodes, requests, readiness delays, an HPA on cpu and memory, traces, crashes,
 * readiness flaps, outages); and the grouped paths must actually have served (a run that never used
 * them would compare nothing). Holding a pod inside its CPU initialization period, or a running pod
 * without a sample, in the counts fails these tests.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HpaPodTotals } from '../../src/controllers/hpa-pod-totals.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import { WorkloadRuntime } from '../../src/engine/workload-runtime.js';
import { ScrapeGroup } from '../../src/metrics/scrape-group.js';
import { MemoryTableSink } from '../../src/report/table-sink.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import type { Scenario } from '../../src/scenario/types.js';
import { ROOT } from '../helpers/run-cli.js';
import { BASE_DEPLOYMENT, hpaV2 } from '../scenario/helpers/base-scenario.js';
import { loadWithFaults } from '../scenario/helpers/fault-scenario.js';
import { elasticEciFiles } from '../helpers/elastic-eci-scenario.js';
import { oneWorkloadArb, oneWorkloadFiles } from '../helpers/one-workload-scenario.js';
import { lines, loadFolder } from '../scenario/helpers/scenario-folder.js';

interface Outputs {
  tables: Record<string, string>;
  /** HPA syncs served from class counts, shared samples read, and pods' CPU counters read one by one. */
  countsServed: number;
  sharedSamplesRead: number;
  podCounterReads: number;
}

function run(scenario: Scenario, grouped: boolean): Outputs {
  let countsServed = 0;
  let sharedSamplesRead = 0;
  let podCounterReads = 0;
  const cpuCumulative = WorkloadRuntime.prototype.cpuCumulativeMilliSeconds;
  vi.spyOn(WorkloadRuntime.prototype, 'cpuCumulativeMilliSeconds').mockImplementation(function (this: WorkloadRuntime, ...args) {
    podCounterReads++;
    return cpuCumulative.apply(this, args);
  });
  const serve = HpaPodTotals.prototype.serve;
  vi.spyOn(HpaPodTotals.prototype, 'serve').mockImplementation(function (this: HpaPodTotals, ...args) {
    const served = serve.apply(this, args);
    if (served !== undefined) countsServed++;
    return served;
  });
  const sampleOf = ScrapeGroup.prototype.sampleOf;
  vi.spyOn(ScrapeGroup.prototype, 'sampleOf').mockImplementation(function (this: ScrapeGroup, state) {
    sharedSamplesRead++;
    return sampleOf.call(this, state);
  });
  const sinks: Record<string, MemoryTableSink> = {};
  runScenario(scenario, {
    tables: (name, header) => (sinks[name] = new MemoryTableSink(header)),
    onBuilt: (built) => {
      built.metricsServer.sharedScrapes = grouped;
      for (const hpa of built.hpas) hpa.podTotals = grouped;
    },
  });
  vi.restoreAllMocks();
  const tables = Object.fromEntries(Object.entries(sinks).map(([name, sink]) => [name, sink.text()]));
  return { tables, countsServed, sharedSamplesRead, podCounterReads };
}

function expectSameOutputs(scenario: Scenario): { grouped: Outputs; perPod: Outputs } {
  const grouped = run(scenario, true);
  const perPod = run(scenario, false);
  expect(Object.keys(grouped.tables).sort()).toEqual(['cost.csv', 'decisions.csv', 'timeseries.csv']);
  for (const name of Object.keys(perPod.tables)) expect(grouped.tables[name], name).toBe(perPod.tables[name]);
  // The reference run took neither grouped path.
  expect(perPod.countsServed).toBe(0);
  expect(perPod.sharedSamplesRead).toBe(0);
  return { grouped, perPod };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('grouped scrapes and HPA class counts write what the per-pod paths write', () => {
  it('nasa-diurnal, three days: the scrapes read under one pod in twenty one by one, and class counts serve over 70% of the syncs', async () => {
    const scenario = await loadScenario(join(ROOT, 'scenarios', 'nasa-diurnal'), { durationSeconds: 3 * 86_400, decisions: 'all' });
    const { grouped, perPod } = expectSameOutputs(scenario);
    const syncs = 3 * 86_400 / 15;
    expect(grouped.podCounterReads).toBeLessThan(perPod.podCounterReads / 20);
    expect(grouped.countsServed).toBeGreaterThan(syncs * 0.7);
  });

  it.each<[string, number, boolean]>([
    ['nginx-hpa-cpu', 86_400, true],
    ['nginx-keda-cpu', 6 * 3600, true],
    ['self-healing', 6 * 3600, true],
    ['flask-hpa-ca', 6 * 3600, true],
    ['zone-spread-ca', 86_400, true],
    // Three days: the zone outage is on the third (its nodes' pods stop, are evicted, recreated).
    ['zone-outage-ca', 3 * 86_400, true],
    // Two days: the first day's rollout at 14:00 replaces every pod (two templates' pods at once).
    ['rollout-at-peak', 2 * 86_400, true],
    ['overprovisioning-ca', 2 * 86_400, true],
    ['active-users-ca', 86_400, false],
    ['active-users-eci', 86_400, false],
    ['active-users-reserved-peak', 86_400, false],
    ['mysql-statefulset', 12 * 3600, false],
    ['kafka-lag', 12 * 3600, false],
    ['redis-streams-consumers', 86_400, false],
    ['prometheus-and-cron', 86_400, false],
    ['scale-to-zero', 86_400, false],
    ['bench-large', 600, true],
  ])('%s', async (name, durationSeconds, readsCpu) => {
    const scenario = await loadScenario(join(ROOT, 'scenarios', name), { durationSeconds, decisions: 'all' });
    const { grouped, perPod } = expectSameOutputs(scenario);
    // Scenarios with a cpu HPA (or a KEDA cpu trigger) serve syncs from the counts.
    if (readsCpu) {
      expect(grouped.countsServed).toBeGreaterThan(10);
      expect(grouped.sharedSamplesRead).toBeGreaterThan(10);
    }
    // Every scenario's scrapes read fewer pods one by one (the cost report reads each pod's counter too).
    expect(grouped.podCounterReads).toBeLessThan(perPod.podCounterReads);
    // bench-large runs twice with every decision row (kube-scheduler's cycles included): 40 s on a
    // quiet host, three times that beside another heavy test on a slow one.
  }, 240_000);

  it('with pods crashing, restarting, flapping, failing liveness, their node failing and metrics-server down for a while', async () => {
    const deployment = BASE_DEPLOYMENT.replace('spec:\n  selector:', 'spec:\n  replicas: 4\n  selector:').replace(
      '          resources:',
      '          readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}\n          livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10, failureThreshold: 3}\n          resources:',
    );
    // A load that swings every ten minutes, so the HPA scales both ways between the faults.
    const rows = Array.from({ length: 180 }, (_, m) => `2024-01-01T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00Z,${Math.floor(m / 10) % 2 === 0 ? 1500 : 300}`);
    const scenario = await loadWithFaults(
      [
        '{containerCrash: {workload: web, ratePerHour: 20, count: 1}}',
        '{readinessFlap: {workload: web, from: 40m, to: 50m, periodSeconds: 20}}',
        '{livenessFailure: {workload: web, at: 70m, pod: 1}}',
        '{crashLoop: {workload: web, from: 80m, to: 90m}}',
        '{metricsServerOutage: {from: 100m, to: 103m}}',
        '{nodeFailure: {node: default-0, at: 120m, recoverAfter: 5m}}',
      ],
      { 'manifests/web.yaml': `${deployment}---\n${hpaV2('web', '  maxReplicas: 12')}`, 'traces/web.csv': lines('timestamp,value', ...rows) },
      { durationSeconds: 3 * 3600, decisions: 'all' },
    );
    const { grouped } = expectSameOutputs(scenario);
    expect(grouped.countsServed).toBeGreaterThan(10);
    expect(grouped.sharedSamplesRead).toBeGreaterThan(10);
  });
});

describe('grouped and per-pod paths with pods capped by where they run', () => {
  it('an ElasticWorkload on ECS and ECI without a CPU limit, its HPA on cpu and memory, a swinging load', async () => {
    const rows = Array.from({ length: 120 }, (_, m) => `2024-01-01T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00Z,${Math.floor(m / 10) % 2 === 0 ? 900 : 150}`);
    const scenario = await loadFolder(
      elasticEciFiles({
        duration: '2h',
        traceRows: rows,
        loadModel: 'trace: load, cpuMillicoreSecondsPerRequest: 6, baseCpuMillicores: 20, memoryPerRequestPerSecond: 1Mi, serviceTimeSeconds: 0.02',
        requests: '{cpu: 500m, memory: 1Gi}',
        replicas: 2,
        sourceMax: 3,
        hpa: [
          '  minReplicas: 2',
          '  maxReplicas: 12',
          '  metrics:',
          '    - {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}',
          '    - {type: Resource, resource: {name: memory, target: {type: AverageValue, averageValue: 800Mi}}}',
        ],
      }),
      { decisions: 'all' },
    );
    const { grouped } = expectSameOutputs(scenario);
    // Pods ran on ECI (0.5 vCPU caps) beside the ECS ones (4 CPU).
    const series = grouped.tables['timeseries.csv']!.split('\n');
    const virtual = series[0]!.split(',').indexOf('eci.virtual_pods');
    expect(Math.max(...series.slice(1).filter((r) => r !== '').map((r) => Number(r.split(',')[virtual])))).toBeGreaterThan(2);
    expect(grouped.countsServed).toBeGreaterThan(10);
    expect(grouped.sharedSamplesRead).toBeGreaterThan(10);
  });
});

/** A random one-workload scenario: nodes, requests, probes, an HPA on cpu (and memory), a trace, faults. */
const randomScenario = fc
  .record({
    base: oneWorkloadArb,
    memoryMetric: fc.boolean(),
    readinessDelaySeconds: fc.constantFrom(0, 5, 40),
    crashesPerHour: fc.constantFrom(0, 0, 6, 30),
    flap: fc.boolean(),
    outage: fc.boolean(),
  })
  .map(({ base, ...rest }) => ({ ...base, ...rest }));

type RandomScenario = typeof randomScenario extends fc.Arbitrary<infer T> ? T : never;

function randomFiles(p: RandomScenario): Record<string, string> {
  const faults = [
    ...(p.crashesPerHour > 0 ? [`{containerCrash: {workload: app, ratePerHour: ${p.crashesPerHour}, count: 1}}`] : []),
    ...(p.flap ? ['{readinessFlap: {workload: app, from: 20m, to: 26m, periodSeconds: 25}}'] : []),
    ...(p.outage ? ['{metricsServerOutage: {from: 35m, to: 37m}}'] : []),
  ];
  return oneWorkloadFiles({ ...p, duration: '1h', decisions: 'all', faults });
}

describe('grouped and per-pod paths on random scenarios', () => {
  it('write the same bytes for any workload, HPA, trace and faults', async () => {
    let served = 0;
    await fc.assert(
      fc.asyncProperty(randomScenario, async (p) => {
        const { grouped } = expectSameOutputs(await loadFolder(randomFiles(p)));
        served += grouped.countsServed;
      }),
      { seed: 20261122, numRuns: 150 },
    );
    expect(served).toBeGreaterThan(1000);
  }, 120_000);
});
