/**
 * `scalesim sweep` and `scalesim merge` as a user runs them (the built CLI) on short runs of the
 * bundled scenarios: the output files, the same bytes on one worker or two and from merged shards,
 * a row equal to `compare`'s for the same override, where the time went (printed, and in --json, never
 * in the files), the emitted Indexed Job, and exit code 2 with nothing written for bad grids, SLOs,
 * shard flags and parts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { journalPath } from '../../src/sweep/journal.js';
import type { SweepTimeline } from '../../src/sweep/sweep-timeline.js';
import { runCliWith } from './cli-with-env.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-sweep-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const NGINX = 'scenarios/nginx-hpa-cpu';
// The report (--report, on by default) has tests of its own: here, the data files alone.
const GRID = ['--grid', 'hpa.targetCPU=30,50,70', '--grid', 'hpa.maxReplicas=2,3', '--duration', '20m', '--no-report'];
const FILES = ['best.json', 'pareto.csv', 'sweep.csv', 'sweep.json'];
/** The folder's listing: its files and the marker that lets the next sweep replace it. */
const LISTING = ['.scalesim-results', ...FILES];
const SLO = 'p95<8ms,served>=99.9%';

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const csv = (dir: string, file: string) => read(dir, file).trim().split('\n').map((l) => l.split(','));

describe('scalesim sweep', () => {
  const one = join(work, 'one');
  const two = join(work, 'two');
  let stdout = '';

  beforeAll(() => {
    const a = runCli(['sweep', NGINX, ...GRID, '--slo', SLO, '--workers', '1', '--out', one]);
    expect(a.stderr).not.toMatch(/problem|failed/);
    expect(a.status).toBe(0);
    const b = runCli(['sweep', NGINX, ...GRID, '--slo', SLO, '--workers', '2', '--out', two]);
    expect(b.status).toBe(0);
    stdout = b.stdout;
  });

  it('writes one row per setting in grid order, the frontier and the SLO answer', () => {
    expect(readdirSync(one).sort()).toEqual(LISTING);
    const rows = csv(one, 'sweep.csv');
    expect(rows[0]!.slice(0, 6)).toEqual(['index', 'id', 'hpa.targetCPU', 'hpa.maxReplicas', 'cost_currency', 'cost_total']);
    expect(rows[0]).toContain('p95_ms');
    expect(rows.slice(1).map((r) => r.slice(0, 1).concat(r.slice(2, 4)).join(' '))).toEqual(['0 30 2', '1 30 3', '2 50 2', '3 50 3', '4 70 2', '5 70 3']);
    // A higher CPU target holds fewer replicas.
    const mean = rows[0]!.indexOf('mean_replicas');
    expect(Number(rows[1]![mean])).toBeGreaterThan(Number(rows[5]![mean]));
    const pareto = csv(one, 'pareto.csv');
    expect(pareto[0]).toEqual(rows[0]);
    expect(pareto.length).toBeGreaterThan(1);
    for (const line of pareto.slice(1)) expect(rows).toContainEqual(line);
    const best = JSON.parse(read(one, 'best.json')) as { best: { index: number; setting: Record<string, string>; row: { p95Ms: number } } | null; meeting: number; cheapestBy: string };
    expect(best.cheapestBy).toBe('mean_replicas');
    expect(best.best).not.toBeNull();
    expect(best.best!.row.p95Ms).toBeLessThan(8);
    expect(stdout).toContain(`cheapest setting meeting ${SLO}: #${best.best!.index} hpa.targetCPU=${best.best!.setting['hpa.targetCPU']}`);
    expect(stdout).toMatch(/^Pareto frontier/m);
    const json = JSON.parse(read(one, 'sweep.json')) as { seed: number; durationSeconds: number; grid: { path: string; field: string }[]; rows: unknown[] };
    expect(json.seed).toBe(1);
    expect(json.durationSeconds).toBe(1200);
    expect(json.grid[0]).toEqual({ path: 'hpa.targetCPU', field: 'HorizontalPodAutoscaler/nginx:spec.metrics[0].resource.target.averageUtilization', values: ['30', '50', '70'] });
    expect(json.rows).toHaveLength(6);
  });

  it('names no axis as changing nothing when each moved some figure', () => {
    expect(stdout).not.toContain('changed none');
    expect((JSON.parse(read(one, 'sweep.json')) as { inertAxes: string[] }).inertAxes).toEqual([]);
  });

  it('writes the same bytes on one worker and on two, and leaves no journal', () => {
    for (const f of FILES) expect(read(two, f), f).toBe(read(one, f));
    expect(readdirSync(work).filter((f) => f.includes('journal'))).toEqual([]);
  });

  it('gives the row compare gives for the same override', () => {
    const out = join(work, 'compare');
    const r = runCli(['compare', NGINX, '--variant', 't50=HorizontalPodAutoscaler/nginx:spec.metrics[0].resource.target.averageUtilization=50;HorizontalPodAutoscaler/nginx:spec.maxReplicas=3', '--duration', '20m', '--no-report', '--out', out]);
    expect(r.status).toBe(0);
    const compared = csv(out, 'comparison.csv');
    const t50 = compared.find((row) => row[0] === 't50')!;
    const swept = csv(one, 'sweep.csv').find((row) => row[0] === '3')!;
    // Both tables end with compare's columns (cost_currency first).
    const n = compared[0]!.length - 2;
    expect(swept.slice(-n)).toEqual(t50.slice(-n));
  });

  it('runs KEDA aliases', () => {
    const out = join(work, 'keda');
    const r = runCli(['sweep', 'scenarios/nginx-keda-cpu', '--grid', 'keda.pollingInterval=5,30', '--grid', 'keda.maxReplicaCount=2,3', '--duration', '20m', '--json', '--out', out]);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as { settings: number; ran: number; resumed: number; wallSeconds: number; cpuSeconds: number };
    expect(result).toMatchObject({ settings: 4, ran: 4, resumed: 0 });
    // The process's CPU time covers start-up too, and every thread: positive, and not absurd against the wall time.
    expect(result.wallSeconds).toBeGreaterThan(0);
    expect(result.cpuSeconds).toBeGreaterThan(0);
    expect(result.cpuSeconds).toBeLessThan(result.wallSeconds * 8 + 5);
    const rows = csv(out, 'sweep.csv');
    const peak = rows[0]!.indexOf('peak_replicas');
    expect(rows.slice(1).map((row) => Number(row[peak]))).toEqual([2, 3, 2, 3]);
    // A cpu-only ScaledObject never scales to zero, so its polling decides nothing: the sweep says so.
    expect((JSON.parse(r.stdout) as { inertAxes: string[] }).inertAxes).toEqual(['keda.pollingInterval']);
    expect((JSON.parse(read(out, 'sweep.json')) as { inertAxes: string[] }).inertAxes).toEqual(['keda.pollingInterval']);
    const text = runCli(['sweep', 'scenarios/nginx-keda-cpu', '--grid', 'keda.pollingInterval=5,30', '--grid', 'keda.maxReplicaCount=2,3', '--duration', '20m', '--no-report', '--out', join(work, 'keda-text')]);
    expect(text.stdout).toContain("note: keda.pollingInterval (5, 30) changed none of the sweep's figures: every setting gave the same figures whatever its value.");
  });

  it('says where the time went: the phases add up to the wall time, and every setting ran on one of the workers', () => {
    const out = join(work, 'timeline');
    const r = runCli(['sweep', NGINX, ...GRID, '--slo', SLO, '--workers', '2', '--json', '--out', out]);
    expect(r.status).toBe(0);
    const { wallSeconds, ran, timeline } = JSON.parse(r.stdout) as { wallSeconds: number; ran: number; timeline: SweepTimeline };
    const { startupSeconds, planSeconds, checkSeconds, runSeconds, writeSeconds, workers } = timeline;
    for (const v of [startupSeconds, planSeconds, checkSeconds, runSeconds, writeSeconds]) expect(v).toBeGreaterThanOrEqual(0);
    // From the process's start: the start-up is part of the wait the headline and wallSeconds give.
    expect(startupSeconds).toBeGreaterThan(0);
    expect(startupSeconds + planSeconds + checkSeconds + runSeconds + writeSeconds).toBeCloseTo(wallSeconds, 2);
    expect(workers.map((w) => w.worker)).toEqual([0, 1]);
    expect(workers.reduce((n, w) => n + w.settings, 0)).toBe(ran);
    for (const w of workers) {
      expect(w.busySeconds).toBeLessThanOrEqual(runSeconds + 0.01);
      expect(w.firstRunSeconds).toBeLessThanOrEqual(w.busySeconds);
    }
    // Wall-clock figures stay out of the files, which the other sweeps of this grid wrote the same.
    for (const f of FILES) expect(read(out, f), f).toBe(read(one, f));
    expect(read(out, 'sweep.json')).not.toMatch(/timeline|wallSeconds|firstRunSeconds/);
  });

  it('prints the phases and each worker in its summary', () => {
    expect(stdout).toMatch(/^ {2}time: start-up \d+\.\d\d s, planning \d+\.\d\d s, check \d+\.\d\d s, runs \d+\.\d\d s, writing \d+\.\d\d s$/m);
    expect(stdout).toMatch(/^ {2}worker 1: \d settings? in \d+\.\d\d s, first run \d+\.\d\d s/m);
    expect(stdout).toMatch(/^ {2}worker 2: /m);
  });

  it('names the closest setting when none meets the SLO', () => {
    const out = join(work, 'closest');
    const r = runCli(['sweep', NGINX, ...GRID, '--slo', 'p95<1ms', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/no setting meets p95<1ms; closest: #\d .*missing p95<1ms/);
    const best = JSON.parse(read(out, 'best.json')) as { best: unknown; closest: { misses: string[] } };
    expect(best.best).toBeNull();
    expect(best.closest.misses).toEqual(['p95<1ms']);
  });
});

describe('sharded sweeps', () => {
  it('merges shards into the bytes of the single-process sweep', () => {
    const single = join(work, 'single');
    expect(runCli(['sweep', NGINX, ...GRID, '--slo', SLO, '--out', single]).status).toBe(0);
    const parts = [0, 1, 2, 3].map((i) => join(work, 'parts', `shard-${i}`));
    for (const [i, dir] of parts.entries()) {
      const r = runCli(['sweep', NGINX, ...GRID, '--shards', '4', '--shard', String(i), '--out', dir]);
      expect(r.status, r.stderr).toBe(0);
      expect(readdirSync(dir).sort()).toEqual(['.scalesim-results', 'sweep-part.json']);
    }
    // Shard 1 takes settings 1 and 5.
    expect((JSON.parse(read(parts[1]!, 'sweep-part.json')) as { rows: { index: number }[] }).rows.map((r) => r.index)).toEqual([1, 5]);
    const merged = join(work, 'merged');
    const m = runCli(['merge', parts[2]!, parts[0]!, parts[3]!, parts[1]!, '--slo', SLO, '--no-report', '--out', merged]);
    expect(m.status, m.stderr).toBe(0);
    expect(m.stdout).toContain('merged 4 parts of sweep nginx-hpa-cpu: 6 settings');
    expect(readdirSync(merged).sort()).toEqual(LISTING);
    for (const f of FILES) expect(read(merged, f), f).toBe(read(single, f));
  });

  it('takes the shard from JOB_COMPLETION_INDEX', () => {
    const dir = join(work, 'env-shard');
    const r = runCliWith(['sweep', NGINX, ...GRID, '--shards', '2', '--out', dir], { JOB_COMPLETION_INDEX: '1' });
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(read(dir, 'sweep-part.json')) as { shard: number; rows: { index: number }[] }).rows.map((x) => x.index)).toEqual([1, 3, 5]);
  });

  it('refuses parts that do not make a whole sweep', () => {
    const a = join(work, 'inc', 'shard-0');
    const other = join(work, 'inc', 'other-1');
    expect(runCli(['sweep', NGINX, ...GRID, '--shards', '2', '--shard', '0', '--out', a]).status).toBe(0);
    expect(runCli(['sweep', NGINX, ...GRID, '--seed', '5', '--shards', '2', '--shard', '1', '--out', other]).status).toBe(0);
    const out = join(work, 'inc', 'merged');
    const missing = runCli(['merge', a, '--out', out]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('missing shard 1 of 2');
    const mixed = runCli(['merge', a, other, '--out', out]);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/2 different sweeps \(they differ in seed\)/);
    const twice = runCli(['merge', a, a, '--out', out]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/shard 0 of 2 is given 2 times/);
    expect(runCli(['merge', join(work, 'nowhere'), '--out', out]).status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an --out that is, holds or lies inside one of the parts, leaving the parts as they were', () => {
    const parts = [0, 1].map((i) => join(work, 'over', `shard-${i}`));
    for (const [i, dir] of parts.entries()) expect(runCli(['sweep', NGINX, ...GRID, '--shards', '2', '--shard', String(i), '--out', dir]).status).toBe(0);
    const before = read(parts[0]!, 'sweep-part.json');
    for (const out of [parts[0]!, join(work, 'over'), join(parts[1]!, 'merged')]) {
      const r = runCli(['merge', ...parts, '--no-report', '--out', out]);
      expect(r.status, out).toBe(2);
      expect(r.stderr).toMatch(/--out: .* (is|holds|lies inside) the part .*merging would replace the part it reads/);
    }
    expect(read(parts[0]!, 'sweep-part.json')).toBe(before);
    expect(existsSync(join(parts[1]!, 'merged'))).toBe(false);
  });

  it('emits an Indexed Job that runs every shard into the results volume', () => {
    const file = join(work, 'job.yaml');
    const r = runCli(['sweep', NGINX, ...GRID, '--seed', '3', '--shards', '4', '--emit-job', file, '--image', 'registry.example.com/scalesim:0.1.0', '--results-pvc', 'sweeps', '--parallelism', '2', '--job-cpu', '2', '--job-memory', '768Mi']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('kubectl apply -f');
    const job = parseYaml(readFileSync(file, 'utf8')) as {
      apiVersion: string;
      kind: string;
      metadata: { name: string };
      spec: {
        completionMode: string;
        completions: number;
        parallelism: number;
        backoffLimitPerIndex: number;
        template: { spec: { restartPolicy: string; containers: { image: string; args: string[]; env: { name: string }[]; resources: { requests: Record<string, string> }; volumeMounts: { name: string; mountPath: string }[] }[]; volumes: { name: string; persistentVolumeClaim: { claimName: string } }[] } };
      };
    };
    expect(job).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'scalesim-sweep-nginx-hpa-cpu' } });
    expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: 4, parallelism: 2, backoffLimitPerIndex: 2 });
    const pod = job.spec.template.spec;
    expect(pod.restartPolicy).toBe('Never');
    const [container] = pod.containers;
    expect(container!.image).toBe('registry.example.com/scalesim:0.1.0');
    expect(container!.args).toEqual(['sweep', NGINX, ...GRID.slice(0, 4), '--seed', '3', '--duration', '20m', '--shards', '4', '--workers', '2', '--out', '/results/scalesim-sweep-nginx-hpa-cpu/shard-$(JOB_COMPLETION_INDEX)']);
    expect(container!.env.map((e) => e.name)).toEqual(['JOB_COMPLETION_INDEX']);
    expect(container!.resources.requests).toEqual({ cpu: '2', memory: '768Mi' });
    expect(container!.volumeMounts).toEqual([{ name: 'results', mountPath: '/results' }]);
    expect(pod.volumes).toEqual([{ name: 'results', persistentVolumeClaim: { claimName: 'sweeps' } }]);
  });
});

describe('--emit-job refuses what the cluster would refuse, before writing anything', () => {
  const job = (...args: string[]) => runCli(['sweep', NGINX, ...GRID, ...(args.includes('--shards') ? [] : ['--shards', '2']), '--emit-job', join(work, 'refused.yaml'), ...args]);
  it.each([
    ['more shards than settings', ['--shards', '7'], /--shards: 7 shards for 6 settings: expected at most 6/],
    ['an image reference with a space', ['--image', 'bad image'], /--image: expected a container image reference/],
    ['an empty image', ['--image', ''], /--image: expected a container image reference/],
    ['a claim name with capitals', ['--results-pvc', 'Bad_PVC'], /--results-pvc: expected a PersistentVolumeClaim name/],
    ['no CPU', ['--job-cpu', '0'], /--job-cpu: expected a CPU quantity above 0/],
    ['no memory', ['--job-memory', '0Mi'], /--job-memory: expected a memory quantity above 0/],
    // Each pod would be started with --workers NaN, which every one of them refuses.
    ['a CPU request with a decimal suffix', ['--job-cpu', '2k'], /--job-cpu: "2k" is 2000 cores: expected at most 1024 cores/],
    ['a CPU request of more cores than a sweep runs workers', ['--job-cpu', '2000'], /--job-cpu: "2000" is 2000 cores: expected at most 1024/],
    ['a memory request in millibytes', ['--job-memory', '512m'], /--job-memory: "512m" is 0.512 bytes, a fractional byte value Kubernetes calls invalid/],
    ['a parallelism the API server refuses for an Indexed Job', ['--parallelism', '100001'], /--parallelism: expected a whole number from 1 to 100000, got "100001"/],
    ['a backoff limit beyond an int32', ['--backoff-limit-per-index', '2147483648'], /--backoff-limit-per-index: expected a whole number from 0 to 2147483647/],
  ])('%s', (_name, args, message) => {
    const r = job(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(work, 'refused.yaml'))).toBe(false);
  });

  it('a setting bad only in combination, which a pod would fail on', () => {
    const r = runCli(['sweep', NGINX, '--grid', 'hpa.minReplicas=1,3', '--grid', 'hpa.maxReplicas=2,5', '--duration', '20m', '--shards', '2', '--emit-job', join(work, 'refused.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/hpa.minReplicas=3 hpa.maxReplicas=2/);
    expect(existsSync(join(work, 'refused.yaml'))).toBe(false);
  });

  it('a folder as the file to write (exit 2, not a raw EISDIR)', () => {
    const r = runCli(['sweep', NGINX, ...GRID, '--shards', '2', '--emit-job', work]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write the Job manifest: it is a folder/);
  });
});

describe('Job flags without --emit-job', () => {
  it.each([
    [['--image', 'registry.example.com/scalesim:0.1.0'], '(command line): --image: shapes the Kubernetes Job that --emit-job writes, and this sweep writes none: add --shards <n> --emit-job, or leave it out'],
    [['--job-cpu', '2', '--results-pvc', 'sweeps'], '(command line): --results-pvc, --job-cpu: shape the Kubernetes Job that --emit-job writes, and this sweep writes none'],
    [['--shards', '2', '--shard', '0', '--backoff-limit-per-index', '5'], '(command line): --backoff-limit-per-index: shapes the Kubernetes Job'],
  ])('are refused rather than dropped unsaid: %j', (args, message) => {
    const out = join(work, 'no-job');
    const r = runCli(['sweep', NGINX, ...GRID, '--out', out, ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });
});

describe('--emit-job writes', () => {
  it('to standard output with -, its messages to standard error, and notes the flags a Job does not use', () => {
    const r = runCli(['sweep', NGINX, ...GRID, '--shards', '2', '--emit-job', '-', '--out', join(work, 'unused'), '--workers', '1']);
    expect(r.status, r.stderr).toBe(0);
    const manifest = parseYaml(r.stdout) as { kind: string; spec: { completions: number } };
    expect(manifest).toMatchObject({ kind: 'Job', spec: { completions: 2 } });
    expect(r.stderr).toContain('wrote the manifest to standard output');
    expect(r.stderr).toContain('checked every setting (6) as the pods will load it');
    expect(r.stderr).toMatch(/note: --out is not used with --emit-job: the pods write to \/results\/scalesim-sweep-nginx-hpa-cpu\/shard-<i>/);
    expect(r.stderr).toMatch(/note: --workers is not used with --emit-job/);
    expect(existsSync('-')).toBe(false);
    expect(existsSync(join(work, 'unused'))).toBe(false);
  });
});

describe('bad input', () => {
  it.each([
    ['an unknown alias', ['--grid', 'hpa.target=40'], /--grid hpa.target: unknown alias/],
    ['a field the manifest lacks', ['--grid', 'HorizontalPodAutoscaler/nginx:spec.maxReplica=3'], /has no field spec.maxReplica/],
    ['an alias with no object', ['--grid', 'keda.cooldownPeriod=30'], /needs a ScaledObject/],
    ['an empty value list', ['--grid', 'hpa.maxReplicas='], /empty list/],
    ['a grid given twice', ['--grid', 'hpa.maxReplicas=3', '--grid', 'hpa.maxReplicas=4'], /given twice/],
    ['a value the manifest refuses', ['--grid', 'hpa.targetCPU=40,abc'], /--grid setting #1 \(hpa.targetCPU=abc\): expected an integer percent/],
    ['no grid', [], /at least one --grid/],
    ['a bad SLO', ['--grid', 'hpa.maxReplicas=3', '--slo', 'p95<<3'], /--slo/],
    ['--shards without a shard', ['--grid', 'hpa.maxReplicas=3', '--shards', '2'], /--shard <0…1> or the JOB_COMPLETION_INDEX/],
    ['--shard out of range', ['--grid', 'hpa.maxReplicas=3', '--shards', '2', '--shard', '2'], /--shard: expected a whole number from 0 to 1/],
    ['--shard without --shards', ['--grid', 'hpa.maxReplicas=3', '--shard', '0'], /needs --shards/],
    ['--slo on a shard', ['--grid', 'hpa.maxReplicas=3', '--shards', '2', '--shard', '0', '--slo', 'p95<1s'], /give --slo to scalesim merge/],
    ['--report on a shard', ['--grid', 'hpa.maxReplicas=3', '--shards', '2', '--shard', '0', '--report', 'md'], /give --report to scalesim merge/],
    ['an unknown report format', ['--grid', 'hpa.maxReplicas=3', '--report', 'pdf'], /--report/],
    ['an empty --report', ['--grid', 'hpa.maxReplicas=3', '--report', ''], /--report: expected one or more report formats \(md, html\), got ""/],
    ['--workers 0', ['--grid', 'hpa.maxReplicas=3', '--workers', '0'], /--workers: expected a whole number/],
    ['--seed with a grid over the seed', ['--grid', 'scenario.spec.seed=1,2', '--seed', '3'], /--seed would override every value of --grid scenario.spec.seed/],
  ])('refuses %s with exit code 2, no stack trace and nothing written', (_name, args, message) => {
    const out = join(work, 'bad');
    const r = runCliWith(['sweep', NGINX, ...args, '--duration', '5m', '--out', out], { JOB_COMPLETION_INDEX: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    // Caught before any setting ran: no journal was started.
    expect(existsSync(journalPath(out))).toBe(false);
  });

  it('refuses an --out in a folder that takes no files (exit 2, not a raw ENOENT)', () => {
    const r = runCli(['sweep', NGINX, '--grid', 'hpa.maxReplicas=3', '--duration', '5m', '--out', '/proc/scalesim-sweep-out']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--out: cannot write the sweep's resume journal \/proc\/\.scalesim-sweep-scalesim-sweep-out\.journal\.jsonl \(ENOENT\)/);
  });

  it('notes more workers than cores', () => {
    const r = runCli(['sweep', NGINX, '--grid', 'hpa.maxReplicas=2,3', '--duration', '5m', '--workers', '64', '--out', join(work, 'many-workers')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/note: --workers 64 is more than this machine's \d+ cores/);
  });

  it("refuses an --out folder of the user's before any setting runs, and leaves it as it was", () => {
    const mine = join(work, 'my-notes');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'precious');
    const r = runCli(['sweep', NGINX, '--grid', 'hpa.maxReplicas=2,3', '--duration', '5m', '--out', mine]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`(command line): --out: ${mine} holds notes.txt, which scalesim does not write`);
    expect(readdirSync(mine)).toEqual(['notes.txt']);
    expect(readFileSync(join(mine, 'notes.txt'), 'utf8')).toBe('precious');
    expect(existsSync(journalPath(mine))).toBe(false);
  });

  it('stops at a setting bad only in combination, naming it', () => {
    const out = join(work, 'combo');
    const r = runCli(['sweep', NGINX, '--grid', 'hpa.minReplicas=1,3', '--grid', 'hpa.maxReplicas=2,4', '--duration', '5m', '--workers', '1', '--out', out, '--fresh']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--grid setting #2 \(hpa.minReplicas=3 hpa.maxReplicas=2\)/);
    expect(existsSync(out)).toBe(false);
    // The settings that ran before it stay journaled (the others of the four: 0, 1 and 3).
    const journaled = readFileSync(journalPath(out), 'utf8').trim().split('\n').slice(1).map((l) => (JSON.parse(l) as { index: number }).index);
    expect(journaled.sort()).toEqual([0, 1, 3]);
  });
});
