/**
 * explainResults over hand-written results folders: each autoscaler's nearest decision (ties to the
 * earlier, before the first, after the last), --autoscaler, and the input errors.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/errors/user-input-error.js';
import { explainResults, type ExplainOptions } from '../../src/explain/explain-results.js';
import { caCells, decisionsCsv, hpaCells, kedaCells } from './fixtures.js';
import { removeFixtures, resultsFolder } from './results-folder.js';

afterAll(removeFixtures);

const rows = [
  hpaCells(10), kedaCells(12), caCells(14),
  hpaCells(25, 'web', { spec_replicas: 2, metric_desired_replicas: 4, stabilized_replicas: 4, final_replicas: 3, rescale: 'true', able_to_scale: 'SucceededRescale', scaling_limited: 'ScaleUpLimit', scale_up_limit: 3, metric1_value: '95%', metric1_proposal: 4, metric1_reason: 'ScaleUp' }),
  kedaCells(27), caCells(24), hpaCells(40), kedaCells(42), caCells(34), caCells(44),
];
const folder = resultsFolder(decisionsCsv(rows), 60);

async function explain(options: Partial<ExplainOptions>) {
  return explainResults({ resultsDir: folder, atSeconds: 0, ...options });
}

async function problem(options: Partial<ExplainOptions>): Promise<string> {
  try {
    await explain(options);
  } catch (e) {
    if (isUserInputError(e)) return e.message;
    throw e;
  }
  throw new Error('expected a UserInputError');
}

describe('explainResults', () => {
  it('explains every autoscaler at its nearest decision, KEDA first and the CA last', async () => {
    const es = await explain({ atSeconds: 26 });
    expect(es.map((e) => [e.controller, e.name, e.timeSeconds, e.previous?.timeSeconds])).toEqual([
      ['keda', 'web', 27, 12],
      ['hpa', 'web', 25, 10],
      ['ca', 'cluster-autoscaler', 24, 14],
    ]);
  });

  it('names the driving metric and the limit of a scale-up', async () => {
    const [hpa] = await explain({ atSeconds: 25, autoscaler: 'hpa/web' });
    expect(hpa?.controller).toBe('hpa');
    if (hpa?.controller !== 'hpa') return;
    expect(hpa.drivingMetrics).toEqual(['cpu']);
    expect(hpa.limitedBy).toEqual([{ code: 'ScaleUpLimit', text: 'limited by the scale-up policies (limit 3): 4 wanted, 3 allowed' }]);
    expect(hpa.line).toBe(5);
  });

  it('in a run that kept changes only, a periodic controller\'s pick is its row in force (the last at or before --at)', async () => {
    const changes = resultsFolder(decisionsCsv(rows), 60, 'changes');
    const es = await explainResults({ resultsDir: changes, atSeconds: 26 });
    expect(es.map((e) => [e.controller, e.timeSeconds, e.previous?.timeSeconds, e.changesOnly])).toEqual([
      ['keda', 12, undefined, true],
      ['hpa', 25, 10, true],
      ['ca', 24, 14, true],
    ]);
    // And the change after it, which --at may be a moment before.
    expect(es.map((e) => (e.controller === 'hpa' || e.controller === 'keda' || e.controller === 'ca' ? e.next?.timeSeconds : 'none'))).toEqual([27, 40, 34]);
    // Before an autoscaler's first row there is nothing in force: its first row, as in a full run.
    const early = await explainResults({ resultsDir: changes, atSeconds: 5 });
    expect(early.map((e) => e.timeSeconds)).toEqual([12, 10, 14]);
    // A run that kept every decision (or says nothing) picks the nearest.
    expect((await explainResults({ resultsDir: resultsFolder(decisionsCsv(rows), 60, 'all'), atSeconds: 26 })).map((e) => [e.timeSeconds, e.changesOnly, 'next' in e ? e.next : 'none'])).toEqual([
      [27, false, null],
      [25, false, null],
      [24, false, null],
    ]);
  });

  it('a tie goes to the earlier decision', async () => {
    const [hpa] = await explain({ atSeconds: 32.5, autoscaler: 'hpa/web' });
    expect(hpa?.timeSeconds).toBe(25);
  });

  it('before the first decision and after the last', async () => {
    expect((await explain({ atSeconds: 0, autoscaler: 'ca' }))[0]?.timeSeconds).toBe(14);
    expect((await explain({ atSeconds: 60, autoscaler: 'ca' }))[0]).toMatchObject({ timeSeconds: 44, previous: { timeSeconds: 34 } });
  });

  it('--autoscaler by bare name matches every autoscaler of that name', async () => {
    expect((await explain({ atSeconds: 10, autoscaler: 'web' })).map((e) => e.controller)).toEqual(['keda', 'hpa']);
    expect((await explain({ atSeconds: 10, autoscaler: 'cluster-autoscaler' })).map((e) => e.controller)).toEqual(['ca']);
  });

  it('rejects an unknown autoscaler, listing the known ones', async () => {
    expect(await problem({ autoscaler: 'nginx' })).toBe(
      '(command line): --autoscaler: expected one of keda/web, hpa/web, ca/cluster-autoscaler (a name, hpa/<name>, keda/<name> or ca), got "nginx"',
    );
  });

  it('rejects a time after the run (summary.json duration)', async () => {
    expect(await problem({ atSeconds: 61 })).toBe(
      '(command line): --at: expected a time within the run, 0 to 60 s (0h01m00s, the duration in summary.json), got 61 s (0h01m01s)',
    );
  });

  it('rejects a negative time', async () => {
    expect(await problem({ atSeconds: -1 })).toBe('(command line): --at: expected a time >= 0 s (seconds since the run start), got -1');
  });

  it('without summary.json the last decision ends the run', async () => {
    const dir = resultsFolder(decisionsCsv(rows));
    await expect(explainResults({ resultsDir: dir, atSeconds: 44 })).resolves.toHaveLength(3);
    await expect(explainResults({ resultsDir: dir, atSeconds: 45 })).rejects.toThrow(/0 to 44 s \(0h00m44s, the last decision; no summary\.json\)/);
  });

  it('says when summary.json is there but gives no duration, as the bound falls back to the last decision', async () => {
    const dir = resultsFolder(decisionsCsv(rows));
    writeFileSync(join(dir, 'summary.json'), '{"durationSeconds": ');
    await expect(explainResults({ resultsDir: dir, atSeconds: 45 })).rejects.toThrow(/0 to 44 s \(0h00m44s, the last decision; summary\.json gives no duration \(damaged\?\)\)/);
  });

  it('rejects a missing folder, a folder without decisions.csv, and a file without rows', async () => {
    expect(await problem({ resultsDir: join(folder, 'nope') })).toMatch(/nope: expected a results folder written by `scalesim run`, but there is no such folder/);
    const empty = resultsFolder(undefined);
    expect(await problem({ resultsDir: empty })).toMatch(/decisions\.csv: expected decisions\.csv in the results folder, but it is missing/);
    expect(await problem({ resultsDir: resultsFolder(decisionsCsv([])) })).toMatch(/decisions\.csv: expected decision rows after the header, got none\n\s+hint: a run with --decisions none \(or spec\.decisions: none\) writes no decisions to explain/);
  });

  it('says why decisions.csv is missing when the folder says: a file, a run without decision rows, a comparison, a sweep', async () => {
    const file = join(resultsFolder(undefined, 60), 'summary.json');
    expect(await problem({ resultsDir: file })).toMatch(/but this is a file\n    hint: give the folder that holds decisions\.csv/);
    expect(await problem({ resultsDir: resultsFolder(undefined, 60) })).toMatch(/hint: this run kept no decision rows \(--decisions none/);
    const comparison = resultsFolder(undefined);
    writeFileSync(join(comparison, 'comparison.json'), '{}');
    expect(await problem({ resultsDir: comparison })).toContain(`hint: this is a comparison: explain one of its variants, e.g. ${join(comparison, 'base')}`);
    const sweep = resultsFolder(undefined);
    writeFileSync(join(sweep, 'sweep.json'), '{}');
    expect(await problem({ resultsDir: sweep })).toMatch(/hint: a sweep keeps no decisions/);
  });
});
