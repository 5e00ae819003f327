/**
 * `scalesim explain` on a run with pod priorities (test/fixtures/overprovisioning-ca): the
 * preemption's decisions.csv row (controller scheduler) comes back as a kube-scheduler block naming
 * the preemptor, its nominated node and the evicted pause pod, and in --json as a Scheduler
 * explanation. Uses dist/ (npm run build).
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

beforeAll(() => {
  const run = runCli(['run', 'test/fixtures/overprovisioning-ca', '--out', results, '--no-progress', '--no-report']);
  expect(run.status, run.stderr).toBe(0);
  const rows = parse(readFileSync(join(results, 'decisions.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  preemption = rows.find((r) => r.controller === 'scheduler')!;
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
});
