/**
 * `scalesim explain` on a run with pod priorities (test/fixtures/overprovisioning-ca): the
 * preemption's decisions.csv row (controller scheduler) comes back as a kube-scheduler block naming
 * the preemptor, its nominated node and the evicted pause pod, and in --json as a Scheduler
 * explanation; an evicted pause pod's FailedScheduling as the filters that refused it. Uses dist/
 * (npm run build).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-explain-preemption-'));
const results = join(work, 'overprovisioning-ca');
afterAll(() => rmSync(work, { recursive: true, force: true }));

let preemption: Record<string, string>;
let failed: Record<string, string>;

beforeAll(() => {
  const run = runCli(['run', 'test/fixtures/overprovisioning-ca', '--out', results, '--no-progress', '--no-report']);
  expect(run.status, run.stderr).toBe(0);
  const rows = parse(readFileSync(join(results, 'decisions.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  preemption = rows.find((r) => r.controller === 'scheduler' && r.reason === 'Preempted')!;
  // An evicted pause pod that waits for a node: a FailedScheduling with no preemption at its instant.
  const preempted = new Set(rows.filter((r) => r.reason === 'Preempted').map((r) => r.time_s));
  failed = rows.find((r) => r.controller === 'scheduler' && r.reason === 'FailedScheduling' && r.target === 'overprovisioning' && !preempted.has(r.time_s))!;
});

describe('scalesim explain: preemptions', () => {
  it('writes a scheduler row for the preemption', () => {
    expect(preemption).toMatchObject({ name: 'kube-scheduler', target: 'web', path: 'preempt', reason: 'Preempted' });
    expect(preemption.ca_detail).toMatch(/^web-\d+ \(priority 0\) nominated to workers-\d; evicted overprovisioning-\d+ \(overprovisioning, priority -1\)$/);
  });

  it('explains it: who preempted whom, on which node', () => {
    const r = runCli(['explain', results, '--at', preemption.time_s!, '--autoscaler', 'kube-scheduler']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`kube-scheduler preemption at t=${preemption.time_s} s`);
    expect(r.stdout).toMatch(/preemptor: web-\d+ of web \(priority 0\), nominated to workers-\d/);
    expect(r.stdout).toMatch(/evicted: overprovisioning-\d+ of overprovisioning \(priority -1\)/);
  });

  it('--json: a Scheduler explanation', () => {
    const r = runCli(['explain', results, '--at', preemption.time_s!, '--autoscaler', 'kube-scheduler', '--json']);
    const [e] = JSON.parse(r.stdout) as [{ controller: string; kind: string; preemptor: { workload: string; priority: number }; victims: { workload: string; priority: number }[] }];
    expect(e).toMatchObject({ controller: 'scheduler', kind: 'Scheduler', preemptor: { workload: 'web', priority: 0 } });
    expect(e.victims).toEqual([expect.objectContaining({ workload: 'overprovisioning', priority: -1 })]);
  });

  it('explains a FailedScheduling: the pod and how many nodes each filter refused', () => {
    expect(failed.ca_detail).toMatch(/^overprovisioning-\w+: 0\/\d+ nodes are available: \d+ Insufficient cpu\.$/);
    const r = runCli(['explain', results, '--at', failed.time_s!, '--autoscaler', 'kube-scheduler']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`kube-scheduler FailedScheduling at t=${failed.time_s} s`);
    expect(r.stdout).toContain(`pod: ${failed.ca_detail}`);
    expect(r.stdout).toMatch(/previous kube-scheduler row at /);
  });
});
