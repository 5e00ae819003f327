/**
 * `scalesim explain` as a user runs it: after `scalesim run scenarios/nginx-keda-cpu`, explaining the
 * first scale-up names the metric that drove it and the limit that bounded it, as decisions.csv
 * says; bad input exits 2 with the file or flag and what was expected. Uses dist/ (npm run build).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-explain-cli-'));
const results = join(work, 'nginx-keda-cpu');
afterAll(() => rmSync(work, { recursive: true, force: true }));

type CsvRow = Record<string, string>;
let firstScaleUp: CsvRow;

beforeAll(() => {
  const run = runCli(['run', 'scenarios/nginx-keda-cpu', '--out', results, '--no-progress', '--no-report']);
  expect(run.status).toBe(0);
  const rows = parse(readFileSync(join(results, 'decisions.csv'), 'utf8'), { columns: true }) as CsvRow[];
  const found = rows.find((r) => r.controller === 'hpa' && r.rescale === 'true' && Number(r.final_replicas) > Number(r.spec_replicas));
  if (found === undefined) throw new Error('nginx-keda-cpu has no HPA scale-up in decisions.csv');
  firstScaleUp = found;
});

describe('scalesim explain', () => {
  it('explains the first scale-up: the metric that drove it and the policy limit, as in decisions.csv', () => {
    const row = firstScaleUp;
    // The scenario's scale-up policy allows 1 pod per 10 s, so its first scale-up is rate limited.
    expect(row.scaling_limited).toBe('ScaleUpLimit');
    const r = runCli(['explain', results, '--at', row.time_s!, '--autoscaler', row.name!]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`HPA ${row.name} → ${row.target} at t=${row.time_s} s`);
    expect(r.stdout).toContain(`driven by: ${row.metric1_name} → the scale-up (proposes ${row.metric_desired_replicas},`);
    expect(r.stdout).toContain(`    ${row.metric1_name}  ${row.metric1_value} against target ${row.metric1_target} → proposes ${row.metric1_proposal} (${row.metric1_reason})`);
    expect(r.stdout).toContain(`rate limit: scale-up limit ${row.scale_up_limit} → ScaleUpLimit`);
    expect(r.stdout).toContain(
      `    ScaleUpLimit: limited by the scale-up policies (limit ${row.scale_up_limit}): ${row.stabilized_replicas} wanted, ${row.final_replicas} allowed`,
    );
    expect(r.stdout).toContain(`decision: ${row.spec_replicas} → ${row.final_replicas} (rescale, up)`);
  });

  it('accepts --at as a duration and picks the nearest sync', () => {
    const t = Number(firstScaleUp.time_s);
    const at = `${Math.floor(t / 60)}m${Math.round(t % 60)}s`;
    const r = runCli(['explain', results, '--at', at, '--autoscaler', `hpa/${firstScaleUp.name}`]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`at t=${firstScaleUp.time_s} s`);
  });

  it('--json: an array of typed explanations that match the CSV row', () => {
    const r = runCli(['explain', results, '--at', firstScaleUp.time_s!, '--json']);
    expect(r.status).toBe(0);
    const explanations = JSON.parse(r.stdout) as { controller: string; name: string; [k: string]: unknown }[];
    expect(explanations.map((e) => `${e.controller}/${e.name}`)).toEqual(['keda/nginx', `hpa/${firstScaleUp.name}`]);
    expect(explanations[1]).toMatchObject({
      timeSeconds: Number(firstScaleUp.time_s),
      drivingMetrics: [firstScaleUp.metric1_name],
      rateLimit: { scaleUpLimit: Number(firstScaleUp.scale_up_limit), scalingLimited: 'ScaleUpLimit' },
      decision: { fromReplicas: Number(firstScaleUp.spec_replicas), toReplicas: Number(firstScaleUp.final_replicas), direction: 'up' },
      limitedBy: [{ code: 'ScaleUpLimit' }],
    });
  });

  it.each([
    ['a missing folder', ['explain', join(work, 'nope'), '--at', '10'], /nope: expected a results folder written by `scalesim run`/],
    ['a folder without decisions.csv', ['explain', join(work, 'empty'), '--at', '10'], /empty\/decisions\.csv: expected decisions\.csv in the results folder/],
    ['an unparseable time', ['explain', results, '--at', '2 hours'], /--at: expected a time since the run start such as 150, 90s, 15m or 2d3h15m \(not negative\), got "2 hours"/],
    ['no --at', ['explain', results], /--at: expected a time since the run start .*, got nothing/],
    ['a time after the run', ['explain', results, '--at', '1d'], /--at: expected a time within the run, 0 to 2400 s \(0h40m00s, the duration in summary\.json\), got 86400 s/],
    ['an unknown autoscaler', ['explain', results, '--at', '60', '--autoscaler', 'web'], /--autoscaler: expected one of keda\/nginx, hpa\/keda-hpa-nginx .*got "web"/],
  ])('%s exits 2 with what was expected', (_name, args, message) => {
    mkdirSync(join(work, 'empty'), { recursive: true });
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
