/**
 * A StatefulSet rollout through a whole run (spec.rollouts): a three-pod StatefulSet serving the
 * base scenario's trace, rolled out at 1 min (the trace's second minute). decisions.csv gets the set's pod events from the
 * rollout on (each SuccessfulDelete for update, highest ordinal first, then the SuccessfulCreate at
 * the update revision), none before it; the summary the rollout's times under its ControllerRevision;
 * every pod at the end is of the new revision; `scalesim explain` reads the rows back.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import { explainResults } from '../../src/explain/explain-results.js';
import type { CreateFailureExplanation } from '../../src/explain/explanation.js';
import { renderExplanations } from '../../src/explain/registry.js';
import { csvLine } from '../../src/report/csv-line.js';
import { removeFixtures, resultsFolder } from '../explain/results-folder.js';
import { MemoryTables } from '../helpers/memory-tables.js';
import { BASE_SCENARIO, baseFiles, statefulSetYaml } from '../scenario/helpers/base-scenario.js';
import { loadFolder } from '../scenario/helpers/scenario-folder.js';

afterAll(removeFixtures);

async function run(rollouts: string) {
  const files = { ...baseFiles(), 'manifests/web.yaml': statefulSetYaml('web', '  replicas: 3'), 'scenario.yaml': `${BASE_SCENARIO}  seed: 3\n${rollouts}` };
  const scenario = await loadFolder(files, { durationSeconds: 1800 });
  const tables = new MemoryTables();
  const result = runScenario(scenario, { tables: tables.factory });
  const decisions = tables.get('decisions.csv');
  const column = (name: string): number => decisions.header.indexOf(name);
  const rows = decisions.rows.filter((r) => r[column('controller')] === 'statefulset');
  return { result, decisions, rows, column };
}

describe('a StatefulSet rollout through a whole run', () => {
  it('replaces every pod from the highest ordinal, writes its pod events and its times under the ControllerRevision', async () => {
    const { result, rows, column } = await run('  rollouts:\n    - {workload: web, at: 1m}\n');
    const rollout = result.summary.workloads[0]!.rollouts!;
    expect(rollout).toHaveLength(1);
    const revision = rollout[0]!.controllerRevision!;
    expect(revision).toMatch(/^web-\w+$/);
    expect(rollout[0]).not.toHaveProperty('replicaSet');
    const events = rows.map((r) => [r[column('reason')], r[column('target')], r[column('path')], r[column('ca_detail')]]);
    expect(events.map(([reason, pod]) => `${reason} ${pod}`)).toEqual([
      'SuccessfulDelete web-2',
      'SuccessfulCreate web-2',
      'SuccessfulDelete web-1',
      'SuccessfulCreate web-1',
      'SuccessfulDelete web-0',
      'SuccessfulCreate web-0',
    ]);
    expect(events[0]).toEqual(['SuccessfulDelete', 'web-2', 'rollout', `delete Pod web-2 in StatefulSet web successful (for update to revision ${revision})`]);
    expect(events[1]).toEqual(['SuccessfulCreate', 'web-2', 'rollout', `create Pod web-2 in StatefulSet web successful (at revision ${revision})`]);
    expect(rows[0]![column('time_s')]).toBe(60);
    expect(rollout[0]).toMatchObject({ revision: 2, startedSeconds: 60, supersededSeconds: null, pods: { readyAtStart: 3, minReady: 2, peak: 3 } });
    expect(rollout[0]!.completedSeconds).toBeGreaterThan(Number(rows.at(-1)![column('time_s')]));
    expect(rollout[0]!.requests!.offered).toBeGreaterThan(0);
    const live = result.built.workloads[0]!.controller.pods.filter((p) => !p.removed && p.deletionSeconds === undefined);
    expect(live.map((p) => p.name).sort()).toEqual(['web-0', 'web-1', 'web-2']);
    expect(live.every((p) => p.createdSeconds >= 60)).toBe(true);
  });

  it('a StatefulSet without rollouts writes no pod events and has no rollouts in its summary', async () => {
    const { result, rows } = await run('');
    expect(rows).toEqual([]);
    expect(result.summary.workloads[0]!.rollouts).toBeUndefined();
  });

  it('scalesim explain reads a delete back: the pod, the step, the event before', async () => {
    const { decisions, rows, column } = await run('  rollouts:\n    - {workload: web, at: 1m}\n');
    const csv = [decisions.header, ...decisions.rows].map((r) => `${csvLine(r)}\n`).join('');
    const folder = resultsFolder(csv, 1800);
    const third = rows[2]!;
    const explanations = await explainResults({ resultsDir: folder, atSeconds: Number(third[column('time_s')]), autoscaler: 'statefulset/web' });
    const [e] = explanations as CreateFailureExplanation[];
    expect(e).toMatchObject({ controller: 'statefulset', kind: 'StatefulSet', name: 'web', workload: 'web', pod: 'web-1', detail: third[column('ca_detail')], previous: { detail: rows[1]![column('ca_detail')] } });
    expect(e!.reason.code).toBe('SuccessfulDelete');
    const text = renderExplanations(explanations);
    expect(text).toMatch(/^StatefulSet web SuccessfulDelete at t=/);
    expect(text).toContain('  pod: web-1\n');
    expect(text).toMatch(/reason: SuccessfulDelete: a rolling update step: the pod was not at the update revision/);
    expect(text).toContain(`  previous SuccessfulCreate of web at `);
    expect(e!.previous).toMatchObject({ reason: 'SuccessfulCreate' });
    // A create row reads as the create step, and the first row has no previous event.
    const [created] = (await explainResults({ resultsDir: folder, atSeconds: Number(rows[1]![column('time_s')]), autoscaler: 'statefulset/web' })) as CreateFailureExplanation[];
    expect(created!.reason.text).toMatch(/^the pod at this ordinal was missing/);
    const [first] = (await explainResults({ resultsDir: folder, atSeconds: Number(rows[0]![column('time_s')]) - 1, autoscaler: 'statefulset/web' })) as CreateFailureExplanation[];
    expect(renderExplanations([first!])).toContain('  previous event of web: none (this is the first)');
  });
});
