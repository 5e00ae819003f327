/**
 * A node failure under a pod quota, through a whole run: two pods of web (one per node) fill the
 * namespace's `pods: 2` quota; the kubelet of default-0 dies at 60 s (just after its Lease renewal),
 * the node lifecycle controller marks the node NotReady at its pass at 115 s and taints it NoExecute
 * at 120 s, so its pod is evicted at 120 + 300 = 420 s and stays Terminating (the kubelet never
 * returns). The ReplicaSet's replacement is refused (FailedCreate) while the stuck pod is charged:
 * up to 420 + 2 × 30 s = 480 s
 * (QuotaV1Pod), and in status.used until the resource quota controller's first full resync after
 * that (its 5 m grid, phase drawn from the seeded `resourcequota` stream); the replacement is
 * created at the ReplicaSet's next rate-limited retry after that resync. timeseries.csv's
 * pods_used and the summary's quota figures follow. With `syncPeriod: 1m` the release comes sooner.
 */
import { describe, expect, it } from 'vitest';
import type { SimPod } from '../../src/cluster/model.js';
import { nextResyncSeconds } from '../../src/cluster/quota-charge.js';
import { CONTROLLER_RATE_LIMIT, rateLimitedDelaySeconds } from '../../src/cluster/rate-limited-requeue.js';
import type { BuiltSimulation } from '../../src/engine/build-simulation.js';
import { runScenario, type RunResult } from '../../src/engine/run-scenario.js';
import { MemoryTables } from '../helpers/memory-tables.js';
import { BASE_SCENARIO, baseFiles, deploymentYaml } from '../scenario/helpers/base-scenario.js';
import { lines, loadFolder } from '../scenario/helpers/scenario-folder.js';

/** NoExecute at the pass after the one (115 s) that marked the node NotReady, plus 300 s. */
const EVICTION_SECONDS = 120 + 300;
const CHARGE_END_SECONDS = EVICTION_SECONDS + 2 * 30;

interface Run {
  result: RunResult;
  built: BuiltSimulation;
  tables: MemoryTables;
  failedCreates: number[];
}

async function run(controllers = ''): Promise<Run> {
  const scenarioYaml = `${BASE_SCENARIO}  outputInterval: 1s\n${controllers}  faults:\n    - {nodeFailure: {node: default-0, at: 60}}\n`;
  const files = {
    ...baseFiles(),
    'scenario.yaml': scenarioYaml,
    'manifests/web.yaml': deploymentYaml('web', 2, '      containers:', '        - name: web', '          resources: {requests: {cpu: 100m, memory: 64Mi}}'),
    'manifests/quota.yaml': lines('apiVersion: v1', 'kind: ResourceQuota', 'metadata: {name: compute}', 'spec:', '  hard: {pods: "2"}'),
  };
  const scenario = await loadFolder(files, { durationSeconds: 1800 });
  const tables = new MemoryTables();
  const failedCreates: number[] = [];
  let built: BuiltSimulation | undefined;
  const result = runScenario(scenario, { tables: tables.factory, onBuilt: (b) => (built = b), observers: [{ failedCreate: (r) => failedCreates.push(r.timeSeconds) }] });
  return { result, built: built!, tables, failedCreates };
}

function webPods(built: BuiltSimulation): SimPod[] {
  return built.workloads[0]!.controller.pods;
}

describe('a node failure under a pod quota', () => {
  it('the evicted pod stays charged until the first full resync after 2 × grace; the replacement follows at the next retry', async () => {
    const { result, built, tables, failedCreates } = await run();
    const pods = webPods(built);
    const stuck = pods.find((p) => p.node?.name === 'default-0')!;
    expect(stuck).toMatchObject({ deletionSeconds: EVICTION_SECONDS, deletionGracePeriodSeconds: 30, removed: false });
    const releasedAt = nextResyncSeconds(built.quotaResync!.firstSeconds, 300, CHARGE_END_SECONDS)!;
    expect(releasedAt).toBeGreaterThan(CHARGE_END_SECONDS);
    expect(releasedAt).toBeLessThanOrEqual(CHARGE_END_SECONDS + 300);

    // Refused from the eviction until the release, never after it.
    expect(failedCreates[0]).toBe(EVICTION_SECONDS);
    const lastRefusal = failedCreates.at(-1)!;
    expect(lastRefusal).toBeLessThan(releasedAt);
    // The replacement: created at the ReplicaSet's retry after the release, the one its last
    // refusal scheduled (5 ms · 2^(n−1) after it), and bound on the healthy node.
    const replacements = pods.filter((p) => p.createdSeconds > EVICTION_SECONDS);
    expect(replacements).toHaveLength(1);
    const created = replacements[0]!.createdSeconds;
    expect(created).toBeGreaterThanOrEqual(releasedAt);
    expect(created).toBeCloseTo(lastRefusal + rateLimitedDelaySeconds(failedCreates.length - 1, CONTROLLER_RATE_LIMIT), 9);
    expect(replacements[0]!.node?.name).toBe('default-1');

    // timeseries.csv's pods_used: 2 until the release (the stuck pod counted), 1 until the
    // replacement, 2 after it.
    const series = tables.get('timeseries.csv');
    const column = series.header.indexOf('default/compute.pods_used');
    const used = series.rows.map((r) => [Number(r[0]), Number(r[column])] as const);
    const expected = (t: number): number => (t < releasedAt || t >= created ? 2 : 1);
    expect(used.filter(([t, u]) => u !== expected(t))).toEqual([]);
    expect(used.some(([, u]) => u === 1)).toBe(true);
    expect(result.summary.resourceQuotas).toEqual([
      { name: 'compute', namespace: 'default', hard: { pods: '2' }, peakUsed: { pods: '2' }, failedCreates: failedCreates.length, refusedPods: failedCreates.length },
    ]);
  });

  it('controllers.resourceQuota.syncPeriod: 1m releases it at the first minute-grid instant after 480 s', async () => {
    const { built, failedCreates } = await run('  controllers:\n    resourceQuota: {syncPeriod: 1m}\n');
    const releasedAt = nextResyncSeconds(built.quotaResync!.firstSeconds, 60, CHARGE_END_SECONDS)!;
    expect(releasedAt).toBeLessThanOrEqual(CHARGE_END_SECONDS + 60);
    expect(failedCreates.at(-1)!).toBeLessThan(releasedAt);
    const replacement = webPods(built).find((p) => p.createdSeconds > EVICTION_SECONDS)!;
    expect(replacement.createdSeconds).toBeGreaterThanOrEqual(releasedAt);
  });

  it('with the periodic resync off the stuck pod stays in status.used: no replacement for the run', async () => {
    const { built, failedCreates } = await run('  controllers:\n    resourceQuota: {syncPeriod: 0}\n');
    expect(webPods(built).filter((p) => p.createdSeconds > EVICTION_SECONDS)).toEqual([]);
    expect(built.quotas!.statuses()[0]!.used.pods).toBe(2);
    expect(failedCreates.at(-1)!).toBeGreaterThan(1000);
  });
});
