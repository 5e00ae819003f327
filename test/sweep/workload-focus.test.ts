/**
 * `--workload` of sweep and compare: the per-setting (per-variant) figures of the named workloads
 * only. On overprovisioning-ca the pause pods wait Pending by design; with `--workload web` an SLO on
 * pending pod-seconds judges the web pods alone, and finds the headroom that keeps them from waiting.
 * The focus is part of the sweep's identity (resume and merge keep it), travels into an emitted Job,
 * and a name that is no workload is exit 2 with nothing written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { comparisonRow } from '../../src/compare/comparison-row.js';
import { parseWorkloadFocus } from '../../src/compare/workload-focus.js';
import type { RunSummary } from '../../src/report/summary.js';
import { runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-focus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const OP = 'scenarios/overprovisioning-ca';
const GRID = ['--grid', 'Deployment/overprovisioning:spec.replicas=0,2', '--duration', '2d', '--no-report'];

describe('comparisonRow with a workload focus', () => {
  const workload = (name: string, offered: number, pending: number, p95: number) => ({
    name,
    offeredRequests: offered,
    servedRequests: offered,
    droppedRequests: 0,
    pendingPodSeconds: pending,
    underProvisionedSeconds: 0,
    coldStarts: { count: 0 },
    responseTimeSeconds: { p50: p95 / 2, p95, p99: p95 * 2 },
    replicas: { peakReady: 3, meanReady: 2 },
  });
  const summary = {
    durationSeconds: 3600,
    workloads: [workload('pause', 0, 900, Number.NaN), workload('web', 1000, 30, 0.2), workload('api', 5000, 5, 0.05)],
    cost: { total: { cost: { byCurrency: {} } }, classes: [], reportCurrency: null },
    nodeCount: { peak: 2, mean: 1.5 },
  } as unknown as RunSummary;
  const events = { scaleEvents: 0, directionChanges: 0 };

  it.each<[string, string[] | undefined, number, number]>([
    ['every workload: pending summed, the busiest one (api) for response times', undefined, 935, 50],
    ['web alone', ['web'], 30, 200],
    ['web and the pause pods: the busiest of the two is web', ['pause', 'web'], 930, 200],
  ])('%s', (_name, focus, pending, p95Ms) => {
    const row = comparisonRow('v', '', summary, events, focus);
    expect(row.pendingPodSeconds).toBe(pending);
    expect(row.p95Ms).toBe(p95Ms);
  });

  it('parses names separated by commas, once each, and refuses an empty one', () => {
    expect(parseWorkloadFocus(' web, api,web')).toEqual(['web', 'api']);
    expect(() => parseWorkloadFocus('web,,api')).toThrow(/expected workload names separated by commas/);
  });
});

describe('sweep --workload', () => {
  it('judges the SLO on the named workload: the headroom keeps web from waiting, the pause pods wait instead', () => {
    const out = join(work, 'sweep');
    const r = runCli(['sweep', OP, ...GRID, '--workload', 'web', '--slo', 'pendingPodSeconds<60', '--out', out, '--no-progress']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('figures of web only (--workload)');
    const rows = readFileSync(join(out, 'sweep.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const column = rows[0]!.indexOf('pending_pod_s');
    // No headroom: web waits; two pause pods: web never waits (their own waiting is not counted).
    expect(Number(rows[1]![column])).toBeGreaterThan(600);
    expect(Number(rows[2]![column])).toBe(0);
    const best = JSON.parse(readFileSync(join(out, 'best.json'), 'utf8')) as { best: { index: number } | null };
    expect(best.best?.index).toBe(1);
    const sweep = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')) as { workloads?: string[] };
    expect(sweep.workloads).toEqual(['web']);
  });

  it('without it the pause pods count: no setting meets the same SLO', () => {
    const out = join(work, 'sweep-all');
    const r = runCli(['sweep', OP, ...GRID, '--slo', 'pendingPodSeconds<60', '--out', out, '--no-progress']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/no setting meets pendingPodSeconds<60/);
  });

  it('passes the focus on to the pods of an emitted Job', () => {
    const file = join(work, 'job.yaml');
    const r = runCli(['sweep', OP, ...GRID, '--workload', 'web', '--shards', '2', '--emit-job', file]);
    expect(r.status, r.stderr).toBe(0);
    const job = parseYaml(readFileSync(file, 'utf8')) as { spec: { template: { spec: { containers: { args: string[] }[] } } } };
    const args = job.spec.template.spec.containers[0]!.args;
    expect(args.slice(args.indexOf('--workload'), args.indexOf('--workload') + 2)).toEqual(['--workload', 'web']);
  });

  it('refuses a name that is no workload, with the known ones and a suggestion, and writes nothing', () => {
    const out = join(work, 'bad');
    const r = runCli(['sweep', OP, ...GRID, '--workload', 'wbe', '--out', out, '--no-progress']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--workload: scenario overprovisioning-ca has no workload named "wbe"; its workloads: (overprovisioning, web|web, overprovisioning)/);
    expect(r.stderr).toContain('did you mean "web"?');
    expect(existsSync(out)).toBe(false);
  });
});

describe('compare --workload', () => {
  it('reports the named workload in the per-variant row', () => {
    const out = join(work, 'compare');
    const r = runCli(['compare', OP, '--variant', 'none=Deployment/overprovisioning:spec.replicas=0', '--workload', 'web', '--duration', '2d', '--out', out, '--no-report', '--no-progress']);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8')) as { workloadFocus: string[]; variants: { variant: string; pendingPodSeconds: number }[] };
    expect(json.workloadFocus).toEqual(['web']);
    expect(json.variants.find((v) => v.variant === 'base')!.pendingPodSeconds).toBe(0);
    expect(json.variants.find((v) => v.variant === 'none')!.pendingPodSeconds).toBeGreaterThan(600);
    expect(r.stdout).toContain('the row above reports web only (--workload)');
  });
});
