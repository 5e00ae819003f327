/**
 * Node affinity end to end (test/fixtures/node-affinity-ca): the api Deployment requires on-demand
 * nodes, so two of its six pods wait while the spot node has room, and the cluster-autoscaler skips
 * the spot group (its template fails the affinity: NoPodFitsTemplate: NodeSelectorMismatch) and grows
 * on-demand; the worker Deployment prefers spot and binds there. The same run through the CLI.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuiltSimulation } from '../../src/engine/build-simulation.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { CaDecisionRecord } from '../../src/observe/records.js';
import type { MemoryTableSink } from '../../src/report/table-sink.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { MemoryTables } from '../helpers/memory-tables.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'node-affinity-ca');

describe('node affinity with the cluster-autoscaler (node-affinity-ca)', () => {
  const records: CaDecisionRecord[] = [];
  let series: MemoryTableSink;
  let warnings: string[];
  let built: BuiltSimulation;

  beforeAll(async () => {
    const scenario = await loadScenario(FIXTURE);
    warnings = scenario.warnings.map((w) => `${w.field}: ${w.message}`);
    const tables = new MemoryTables();
    runScenario(scenario, { observers: [{ caDecision: (r) => records.push(r) }], tables: tables.factory, onBuilt: (b) => (built = b) });
    series = tables.get('timeseries.csv');
  });

  const col = (name: string) => series.header.indexOf(name);
  const poolsOf = (owner: string) => built.cluster.nodes.filter((n) => !n.removed).flatMap((n) => n.pods.filter((p) => p.owner.name === owner).map(() => n.pool.name));

  it('loads without a word about affinity', () => {
    expect(warnings.filter((w) => w.includes('affinity'))).toEqual([]);
  });

  it('two api pods wait at first though the spot node has room', () => {
    const first = series.rows[1]!;
    expect(first[col('api.unschedulable_pods')]).toBe(2);
    expect(first[col('worker.unschedulable_pods')]).toBe(0);
  });

  it('grows on-demand only, naming why the spot group was skipped', () => {
    const ups = records.filter((r) => r.action === 'scale-up');
    expect(ups.map((r) => r.group)).toEqual(['on-demand']);
    expect(ups[0]!.detail).toContain('skipped spot: NoPodFitsTemplate: NodeSelectorMismatch');
  });

  it('ends with every api pod on on-demand nodes and the workers on spot', () => {
    const last = series.rows.at(-1)!;
    expect(last[col('api.unschedulable_pods')]).toBe(0);
    expect(last[col('on-demand.nodes')]).toBe(2);
    expect(last[col('spot.nodes')]).toBe(1);
    expect(poolsOf('api')).toEqual(Array(6).fill('on-demand'));
    expect(poolsOf('worker')).toEqual(['spot', 'spot']);
  });

  it('runs through `scalesim run`', () => {
    const out = mkdtempSync(join(tmpdir(), 'scalesim-node-affinity-'));
    try {
      const r = runCli(['run', FIXTURE, '--out', join(out, 'run')]);
      expect(r.status, r.stderr).toBe(0);
      const decisions = readFileSync(join(out, 'run', 'decisions.csv'), 'utf8');
      expect(decisions).toContain('skipped spot: NoPodFitsTemplate: NodeSelectorMismatch');
      const summary = JSON.parse(readFileSync(join(out, 'run', 'summary.json'), 'utf8')) as { warnings: string[] };
      expect(summary.warnings.filter((w) => w.includes('affinity'))).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
