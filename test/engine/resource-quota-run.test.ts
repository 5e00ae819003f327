/**
 * ResourceQuotas through whole runs: an HPA that asks for more pods than the namespace's quota
 * allows gets what fits, the ReplicaSet's FailedCreate rows land in decisions.csv and the summary
 * reports the quota's peak against spec.hard; a ScaledJob's Jobs whose pods the quota refuses wait
 * for the Job controller's retries (1 s doubling to 60 s) and run once earlier Jobs finish.
 */
import { describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../../src/engine/run-scenario.js';
import type { MemoryTableSink } from '../../src/report/table-sink.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { MemoryTables } from '../helpers/memory-tables.js';
import { scaledJobFiles } from '../helpers/scaled-job-scenario.js';
import { BASE_DEPLOYMENT, baseFiles, hpaV2 } from '../scenario/helpers/base-scenario.js';
import { lines, removeFolder, writeScenarioFolder } from '../scenario/helpers/scenario-folder.js';

async function run(files: Record<string, string>, tables = new MemoryTables()): Promise<RunResult> {
  const dir = await writeScenarioFolder(files);
  try {
    return runScenario(await loadScenario(dir), { tables: tables.factory });
  } finally {
    await removeFolder(dir);
  }
}

function rows(result: RunResult, reason: string): Record<string, string | number>[] {
  const sink = result.decisions.sink as MemoryTableSink;
  return sink.rows.map((r) => Object.fromEntries(sink.header.map((h, i) => [h, r[i] as string | number]))).filter((r) => r.reason === reason);
}

const QUOTA = lines('apiVersion: v1', 'kind: ResourceQuota', 'metadata: {name: compute}', 'spec:', '  hard: {requests.cpu: 300m, pods: "20"}');

describe('an HPA under a namespace quota', () => {
  // 1,200 requests a minute at 20 millicore-seconds each: 400m of CPU, eight 100m pods at 50%.
  const trace = lines('timestamp,value', ...Array.from({ length: 11 }, (_, m) => `2024-01-01T00:${String(m).padStart(2, '0')}:00Z,1200`));
  const files = { ...baseFiles(), 'traces/web.csv': trace, 'manifests/web.yaml': `${BASE_DEPLOYMENT}---\n${hpaV2('web', '  maxReplicas: 10', '  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}]')}` };

  it('gets no more pods than the quota holds; the ReplicaSet reports FailedCreate; the summary says so', async () => {
    const result = await run({ ...files, 'manifests/quota.yaml': QUOTA });
    const web = result.summary.workloads[0]!;
    expect(web.replicas.peakReady).toBe(3);
    expect(result.summary.hpas[0]!.scaleUps).toBeGreaterThan(0);
    const failed = rows(result, 'FailedCreate');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]).toMatchObject({ controller: 'replicaset', name: 'web', target: 'web', path: 'create' });
    expect(String(failed[0]!.ca_detail)).toMatch(/^Error creating: pods "web-[0-9a-z]{5}" is forbidden: exceeded quota: compute, requested: requests\.cpu=100m, used: requests\.cpu=300m, limited: requests\.cpu=300m/);
    expect(result.summary.resourceQuotas).toEqual([
      { name: 'compute', namespace: 'default', hard: { 'requests.cpu': '300m', pods: '20' }, peakUsed: { 'requests.cpu': '300m', pods: '3' }, failedCreates: failed.length, refusedPods: expect.any(Number) },
    ]);
  });

  it('timeseries.csv follows what the quota counts, never above spec.hard', async () => {
    const tables = new MemoryTables();
    await run({ ...files, 'manifests/quota.yaml': QUOTA }, tables);
    const series = tables.get('timeseries.csv');
    const cpu = series.header.indexOf('default/compute.requests.cpu_used_millicores');
    const pods = series.header.indexOf('default/compute.pods_used');
    expect([cpu, pods].every((i) => i > 0)).toBe(true);
    const used = series.rows.map((r) => [r[cpu], r[pods]]);
    expect(Math.max(...used.map(([c]) => Number(c)))).toBe(300);
    expect(used.every(([c, p]) => Number(c) === 100 * Number(p))).toBe(true);
  });

  it('a run without the quota is unchanged by the feature (no quota section, more pods)', async () => {
    const result = await run(files);
    expect(result.summary.resourceQuotas).toBeUndefined();
    expect(result.summary.workloads[0]!.replicas.peakReady).toBeGreaterThan(3);
    expect(rows(result, 'FailedCreate')).toEqual([]);
  });
});

describe('a ScaledJob under a pod quota', () => {
  // 0.2 messages/s for 5 minutes (60 messages), then nothing.
  const files = { ...scaledJobFiles({ durationMinutes: 20, arrivalMinutes: 5 }), 'manifests/quota.yaml': lines('apiVersion: v1', 'kind: ResourceQuota', 'metadata: {name: jobs}', 'spec:', '  hard: {pods: "3"}') };

  it('runs at most three Jobs’ pods at once; refused Jobs retry after 1, 2, 4 … s and all messages are processed', async () => {
    const result = await run(files);
    const job = result.summary.keda.scaledJobs[0]!;
    expect(job.peakParallelJobs).toBe(3);
    expect(job.messagesProcessed).toBe(60);
    expect(job.jobsSucceeded).toBe(job.jobsCreated);
    const failed = rows(result, 'FailedCreate');
    expect(failed[0]).toMatchObject({ controller: 'job', target: 'resizer', path: 'create' });
    // One Job's refusals, time after time: its waits double from 1 s.
    const first = failed.filter((r) => r.name === failed[0]!.name).map((r) => Number(r.time_s));
    const waits = first.slice(1, 4).map((t, i) => Math.round((t - first[i]!) * 1000) / 1000);
    expect(waits).toEqual([1, 2, 4]);
    expect(result.summary.resourceQuotas?.[0]).toMatchObject({ name: 'jobs', peakUsed: { pods: '3' } });
  });
});
