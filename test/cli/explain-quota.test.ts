/**
 * `scalesim explain` on a run with a ResourceQuota (scenarios/namespace-quota, one day): the
 * ReplicaSet's FailedCreate rows (controller replicaset) come back as a ReplicaSet block naming
 * the quota, the event and when the controller retries, beside the HPA that asked for the pods when
 * the workload's bare name is given, and in --json as a ReplicaSet explanation. Uses dist/ (npm run
 * build).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-explain-quota-'));
const results = join(work, 'namespace-quota');
afterAll(() => rmSync(work, { recursive: true, force: true }));

let failed: Record<string, string>;

beforeAll(() => {
  const run = runCli(['run', 'scenarios/namespace-quota', '--duration', '1d', '--out', results, '--no-progress', '--no-report']);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/ResourceQuota shop\/compute: peak requests\.cpu 3500m\/3500m, requests\.memory \d+Mi\/8Gi, pods \d+\/20; \d+ pod creates refused in \d+ syncs/);
  const rows = parse(readFileSync(join(results, 'decisions.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  failed = rows.find((r) => r.reason === 'FailedCreate')!;
});

describe('scalesim validate: a scenario with a quota', () => {
  it('counts its ResourceQuotas, in text and JSON', () => {
    const text = runCli(['validate', 'scenarios/namespace-quota']);
    expect(text.stdout).toContain('1 node pool(s), 1 ResourceQuota(s), 259200 s');
    const json = JSON.parse(runCli(['validate', 'scenarios/namespace-quota', '--json']).stdout) as { resourceQuotas: number };
    expect(json.resourceQuotas).toBe(1);
  });
});

describe('scalesim explain: FailedCreate', () => {
  it('writes a replicaset row for the refused create', () => {
    expect(failed).toMatchObject({ controller: 'replicaset', name: 'web', target: 'web', path: 'create', reason: 'FailedCreate' });
    expect(failed.ca_detail).toMatch(/^Error creating: pods "web-[0-9a-z]{5}" is forbidden: exceeded quota: compute, requested: requests\.cpu=250m, used: requests\.cpu=3500m, limited: requests\.cpu=3500m/);
  });

  it('explains it beside the HPA when the workload is named', () => {
    const r = runCli(['explain', results, '--at', failed.time_s!, '--autoscaler', 'web']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^HPA web → web at /m);
    expect(r.stdout).toContain(`ReplicaSet web FailedCreate at t=${failed.time_s} s`);
    expect(r.stdout).toContain('  workload: web; quota: compute');
    expect(r.stdout).toContain('the ReplicaSet controller retries 5 ms later, doubling at each failed sync up to 1000 s');
  });

  it('--json: a ReplicaSet explanation', () => {
    const r = runCli(['explain', results, '--at', failed.time_s!, '--autoscaler', 'replicaset/web', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const explanations = JSON.parse(r.stdout) as { controller: string; kind: string; quota: string; workload: string; reason: { code: string } }[];
    expect(explanations).toEqual([expect.objectContaining({ controller: 'replicaset', kind: 'ReplicaSet', quota: 'compute', workload: 'web', reason: expect.objectContaining({ code: 'FailedCreate' }) })]);
  });
});
