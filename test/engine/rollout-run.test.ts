/**
 * A Deployment rollout through a whole run (spec.rollouts): the HPA-scaled web Deployment of the
 * base scenario, rolled out at 10 min. decisions.csv gets the deployment controller's rows (each
 * ScalingReplicaSet, then the completion), the summary the rollout's times, every pod at the end is
 * of the new revision, `scalesim explain` reads the rows back, and the same seed gives the same rows.
 */
import { describe, expect, it, afterAll } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import { explainResults } from '../../src/explain/explain-results.js';
import type { DeploymentExplanation } from '../../src/explain/explanation.js';
import { csvLine } from '../../src/report/csv-line.js';
import { removeFixtures, resultsFolder } from '../explain/results-folder.js';
import { MemoryTables } from '../helpers/memory-tables.js';
import { BASE_SCENARIO, baseFiles } from '../scenario/helpers/base-scenario.js';
import { loadFolder } from '../scenario/helpers/scenario-folder.js';

afterAll(removeFixtures);

async function run(rollouts: string) {
  const scenario = await loadFolder({ ...baseFiles(), 'scenario.yaml': `${BASE_SCENARIO}  seed: 3\n  rollouts:\n${rollouts}` }, { durationSeconds: 1800 });
  const tables = new MemoryTables();
  const result = runScenario(scenario, { tables: tables.factory });
  const decisions = tables.get('decisions.csv');
  const column = (name: string): number => decisions.header.indexOf(name);
  const rows = decisions.rows.filter((r) => r[column('controller')] === 'deployment');
  return { result, decisions, rows, column };
}

describe('a rollout through a whole run', () => {
  it('replaces every pod, writes its events to decisions.csv and its times to the summary', async () => {
    const { result, rows, column } = await run('    - {workload: web, at: 10m}\n');
    const events = rows.map((r) => [r[column('time_s')], r[column('reason')], r[column('ca_detail')]]);
    expect(events[0]).toEqual([600, 'ScalingReplicaSet', expect.stringMatching(/^Scaled up replica set web-\w+ from 0 to \d+$/)]);
    expect(events.at(-1)).toEqual([expect.any(Number), 'NewReplicaSetAvailable', expect.stringMatching(/^ReplicaSet "web-\w+" has successfully progressed\.$/)]);
    expect(events.some(([, , m]) => /^Scaled down replica set web-\w+ from 1 to 0$/.test(String(m)))).toBe(true);
    const rollout = result.summary.workloads[0]!.rollouts;
    expect(rollout).toHaveLength(1);
    expect(rollout![0]).toMatchObject({ revision: 2, startedSeconds: 600, progressDeadlineExceededSeconds: null, supersededSeconds: null });
    expect(rollout![0]!.completedSeconds).toBe(events.at(-1)![0]);
    expect(rollout![0]!.durationSeconds).toBeGreaterThan(0);
    const live = result.built.workloads[0]!.controller.pods.filter((p) => !p.removed && p.deletionSeconds === undefined);
    expect(live.length).toBeGreaterThan(0);
    expect(live.every((p) => p.createdSeconds >= 600)).toBe(true);
  });

  it('a Deployment without rollouts writes no deployment rows and has no rollouts in its summary', async () => {
    const scenario = await loadFolder(baseFiles(), { durationSeconds: 1800 });
    const tables = new MemoryTables();
    const result = runScenario(scenario, { tables: tables.factory });
    const decisions = tables.get('decisions.csv');
    expect(decisions.rows.filter((r) => r[decisions.header.indexOf('controller')] === 'deployment')).toEqual([]);
    expect(result.summary.workloads[0]!.rollouts).toBeUndefined();
  });

  it('the same seed gives the same rows; a daily repeat beyond the run adds nothing', async () => {
    const a = await run('    - {workload: web, at: 10m, every: 24h}\n');
    const b = await run('    - {workload: web, at: 10m}\n');
    expect(a.decisions.rows).toEqual(b.decisions.rows);
  });

  it('scalesim explain reads the rows back: the step nearest the time, the set resized, the event before', async () => {
    const { decisions, rows, column } = await run('    - {workload: web, at: 10m}\n');
    const csv = [decisions.header, ...decisions.rows].map((r) => `${csvLine(r)}\n`).join('');
    const folder = resultsFolder(csv, 1800);
    const second = rows[1]!;
    const [e] = (await explainResults({ resultsDir: folder, atSeconds: Number(second[column('time_s')]), autoscaler: 'deployment/web' })) as DeploymentExplanation[];
    expect(e).toMatchObject({ controller: 'deployment', name: 'web', replicaSet: second[column('target')], detail: second[column('ca_detail')], previous: { timeSeconds: 600 } });
    expect(e!.reason.code).toBe(second[column('reason')]);
    const sizes = /from (\d+) to (\d+)$/.exec(String(second[column('ca_detail')]));
    expect(e!.scaled).toEqual(sizes === null ? null : { fromReplicas: Number(sizes[1]), toReplicas: Number(sizes[2]) });
  });
});
