/**
 * `scalesim run` as a user runs it: same seed gives byte-identical files; bad input exits 2 with
 * file, line and field and writes nothing; a failing run leaves earlier results untouched.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

const KEDA_OBJECT = `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: nginx
spec:
  scaleTargetRef:
    name: nginx
  minReplicaCount: 1
  maxReplicaCount: 3
  triggers:
    - type: cpu
      metricType: Utilization
      metadata:
        value: "30"
`;

/** Replaces the HPA document of the copied nginx manifests with `doc`. */
function replaceHpa(dir: string, doc: string): void {
  const f = join(dir, 'manifests', 'nginx.yaml');
  const text = readFileSync(f, 'utf8');
  writeFileSync(f, text.slice(0, text.indexOf('apiVersion: autoscaling/v2')) + doc);
}

/** A copy of nginx-hpa-cpu, with its own copy of the trace at traces/burst.csv, that a test may break. */
function scenarioCopy(name: string): string {
  const dir = join(work, name);
  cpSync(join(ROOT, 'scenarios', 'nginx-hpa-cpu'), dir, { recursive: true });
  mkdirSync(join(dir, 'traces'));
  cpSync(join(ROOT, 'scenarios', 'traces', 'synthetic', 'burst-150rps.csv'), join(dir, 'traces', 'burst.csv'));
  const yaml = join(dir, 'scenario.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('../traces/synthetic/burst-150rps.csv', 'traces/burst.csv'));
  return dir;
}

describe('scalesim run', () => {
  it('writes timeseries.csv, decisions.csv and summary.json, byte-identical for the same seed', () => {
    const a = join(work, 'a');
    const b = join(work, 'b');
    const r1 = runCli(['run', 'scenarios/nginx-hpa-cpu', '--out', a, '--seed', '5']);
    const r2 = runCli(['run', 'scenarios/nginx-hpa-cpu', '--out', b, '--seed', '5']);
    expect(r1.status).toBe(0);
    expect(r2.status).toBe(0);
    // The report (report.md, report-*.mmd, report.html) is tested in test/report and test/e2e.
    expect(Object.keys(filesOf(a)).filter((f) => !f.startsWith('report'))).toEqual(['.scalesim-results', 'cost.csv', 'decisions.csv', 'summary.json', 'timeseries.csv']);
    expect(Object.keys(filesOf(a))).toContain('report.md');
    expect(filesOf(a)).toEqual(filesOf(b));
    expect(r1.stdout).toContain('served %');
    expect(r1.stdout).toContain(join(a, 'summary.json'));
  });

  it('gives different runs for different seeds', () => {
    const c = join(work, 'c');
    const d = join(work, 'd');
    runCli(['run', 'scenarios/nginx-hpa-cpu', '--out', c, '--seed', '1']);
    runCli(['run', 'scenarios/nginx-hpa-cpu', '--out', d, '--seed', '2']);
    expect(readFileSync(join(c, 'decisions.csv'), 'utf8')).not.toBe(readFileSync(join(d, 'decisions.csv'), 'utf8'));
  });

  it('prints the summary as JSON with --json', () => {
    const r = runCli(['run', 'scenarios/nginx-hpa-cpu', '--out', join(work, 'j'), '--json', '--duration', '10m']);
    expect(r.status).toBe(0);
    const parsed = JSON.parse(r.stdout) as { summary: { durationSeconds: number }; files: string[] };
    expect(parsed.summary.durationSeconds).toBe(600);
    expect(parsed.files.filter((f) => !basename(f).startsWith('report'))).toHaveLength(4);
  });

  it.each([
    [
      'malformed YAML',
      (dir: string) => writeFileSync(join(dir, 'scenario.yaml'), 'apiVersion: scalesim.dev/v1alpha1\nkind: Scenario\nspec: [unclosed\n'),
      /scenario\.yaml:\d+/,
    ],
    [
      'an unknown kind',
      (dir: string) => writeFileSync(join(dir, 'manifests', 'extra.yaml'), 'apiVersion: example.com/v1\nkind: Gizmo\nmetadata:\n  name: g\n'),
      /extra\.yaml:2:\d+: kind: unknown kind/,
    ],
    [
      'a Utilization HPA over pods without CPU requests',
      (dir: string) => {
        const f = join(dir, 'manifests', 'nginx.yaml');
        // Without requests the API server defaults them from limits, so both must go.
        writeFileSync(f, readFileSync(f, 'utf8').replace(/ {10}resources:\n( {12}.*\n| {14}.*\n)+/, ''));
      },
      /nginx\.yaml:\d+.*requests\.cpu/,
    ],
    [
      'a trace with a NaN value',
      (dir: string) => writeFileSync(join(dir, 'traces', 'burst.csv'), 'timestamp,value\n2024-01-01T00:00:00Z,1\n2024-01-01T00:01:00Z,NaN\n'),
      /burst\.csv:3.*value/,
    ],
    [
      'a trace with a negative value',
      (dir: string) => writeFileSync(join(dir, 'traces', 'burst.csv'), 'timestamp,value\n2024-01-01T00:00:00Z,-4\n'),
      /burst\.csv:2.*value/,
    ],
    [
      'a trace with out-of-order rows',
      (dir: string) => writeFileSync(join(dir, 'traces', 'burst.csv'), 'timestamp,value\n2024-01-01T00:05:00Z,1\n2024-01-01T00:01:00Z,2\n'),
      /burst\.csv:3.*timestamp/,
    ],
    ['a missing trace file', (dir: string) => rmSync(join(dir, 'traces', 'burst.csv')), /burst\.csv/],
    [
      'an unknown KEDA trigger type',
      (dir: string) => replaceHpa(dir, KEDA_OBJECT.replace('type: cpu', 'type: kafkaa')),
      /nginx\.yaml:\d+:\d+: spec\.triggers\[0\]\.type: .*kafkaa/,
    ],
    [
      'a scalingModifiers formula that does not parse',
      (dir: string) => replaceHpa(dir, KEDA_OBJECT.replace('  triggers:', '  advanced:\n    scalingModifiers: {formula: "a +* 2", target: "5"}\n  triggers:')),
      /nginx\.yaml:\d+:\d+: spec\.advanced\.scalingModifiers\.formula/,
    ],
    [
      'idleReplicaCount not below minReplicaCount',
      (dir: string) => replaceHpa(dir, KEDA_OBJECT.replace('  minReplicaCount: 1', '  minReplicaCount: 1\n  idleReplicaCount: 1')),
      /nginx\.yaml:\d+:\d+: spec\.idleReplicaCount/,
    ],
  ])('rejects %s with exit code 2, file and line, and writes nothing', (name, breakIt, pattern) => {
    const dir = scenarioCopy(`bad-${name.replaceAll(' ', '-')}`);
    breakIt(dir);
    const out = join(work, `out-${name.replaceAll(' ', '-')}`);
    const r = runCli(['run', dir, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((f) => f.startsWith('.scalesim-tmp'))).toEqual([]);
  });

  it('rejects a missing scenario folder and a bad --seed with exit code 2', () => {
    expect(runCli(['run', join(work, 'nope')]).status).toBe(2);
    const r = runCli(['run', 'scenarios/nginx-hpa-cpu', '--seed', 'abc', '--out', join(work, 'x')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--seed');
  });

  it.each([
    [['run', 'scenarios/nginx-hpa-cpu', '--seed', '1', '--seed', '2'], "error: option '--seed <n>' is given 2 times (1, 2): give it once"],
    [['run', 'scenarios/nginx-hpa-cpu', '--duration=1h', '--duration', '2h'], "error: option '--duration <d>' is given 2 times (1h, 2h): give it once"],
    [['sweep', 'scenarios/nginx-hpa-cpu', '--grid', 'hpa.maxReplicas=2', '--workers', '1', '--workers', '2'], "error: option '--workers <n>' is given 2 times (1, 2)"],
  ])('refuses an option given twice, which commander would take the last of: %j', (args, message) => {
    const r = runCli([...args, '--out', join(work, 'twice')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(join(work, 'twice'))).toBe(false);
  });

  it.each([
    [['run', 'scenarios/nginx-hpa-cpu', '--duration', '5m', '--report', 'md', '--no-report']],
    [['run', 'scenarios/nginx-hpa-cpu', '--duration', '5m', '--no-report', '--report=html']],
    [['compare', 'scenarios/nginx-hpa-cpu', '--variant', 'a=HorizontalPodAutoscaler/nginx:spec.maxReplicas=5', '--no-report', '--report', 'md']],
    [['sweep', 'scenarios/nginx-hpa-cpu', '--grid', 'hpa.maxReplicas=2', '--report', 'md', '--no-report']],
    [['merge', join(work, 'part-0'), '--report', 'md', '--no-report']],
  ])('refuses --report beside --no-report, which commander would settle by their order: %j', (args) => {
    const r = runCli([...args, '--out', join(work, 'both')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("error: options '--report <formats>' and '--no-report' contradict each other: give one of them");
    expect(existsSync(join(work, 'both'))).toBe(false);
  });

  it('takes --grid and --variant several times, as meant', () => {
    const r = runCli(['sweep', 'scenarios/nginx-hpa-cpu', '--grid', 'hpa.maxReplicas=2', '--grid', 'hpa.targetCPU=30', '--duration', '5m', '--out', join(work, 'two-grids'), '--no-progress']);
    expect(r.status, r.stderr).toBe(0);
  });

  it('prints a usage mistake as JSON on standard output when given --json', () => {
    const r = runCli(['run', 'scenarios/nginx-hpa-cpu', '--bogus', '--json']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ ok: false, exitCode: 2, error: "unknown option '--bogus'" });
    expect(runCli(['run', 'scenarios/nginx-hpa-cpu', '--bogus']).stdout).toBe('');
  });

  it('refuses a --duration over a century (a typo such as 1000000000d would write for hours)', () => {
    const r = runCli(['run', 'scenarios/nginx-hpa-cpu', '--duration', '1000000000d', '--out', join(work, 'century')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('(command line): --duration: "1000000000d" is more than 100 years of simulated time (expected at most 3153600000 s)');
    expect(existsSync(join(work, 'century'))).toBe(false);
  });

  it.each([
    ['10ms', /"10ms" is 0.01 s of simulated time: expected at least 1s[\s\S]*hint: "ms" is milliseconds; minutes are "m", e\.g\. 10m/],
    ['0.5s', /"0.5s" is 0.5 s of simulated time: expected at least 1s/],
  ])('refuses a --duration under a second (%s), most likely a typo', (text, message) => {
    const r = runCli(['run', 'scenarios/nginx-hpa-cpu', '--duration', text, '--out', join(work, 'instant')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(work, 'instant'))).toBe(false);
  });

  it('refuses an empty --out, which would mean the working folder', () => {
    const r = runCli(['run', 'scenarios/nginx-hpa-cpu', '--out', '']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('(command line): --out: expected a folder path, got an empty one');
  });

  it('parses --seed as decimal digits up to 2^53 - 1', async () => {
    const { parseSeed } = await import('../../src/cli/commands/run.js');
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed('9007199254740991')).toBe(9007199254740991);
    for (const bad of ['0x10', '1e3', '-1', '1.5', '', '9007199254740992', '9007199254740993']) {
      expect(() => parseSeed(bad), bad).toThrow(`expected a whole number from 0 to 9007199254740991 in decimal digits, got "${bad}"`);
    }
  });

  it.each([
    ['an unknown option', ['run', 'scenarios/nginx-hpa-cpu', '--bogus'], "error: unknown option '--bogus'"],
    ['a missing argument', ['run'], "error: missing required argument 'scenario-dir'"],
    ['an unknown command', ['bogus'], "error: unknown command 'bogus'"],
  ])('exits 2 on %s, a usage mistake being bad input (commander alone exits 1)', (_name, args, message) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('exits 0 on --help', () => {
    expect(runCli(['--help']).status).toBe(0);
    expect(runCli(['run', '--help']).status).toBe(0);
  });

  it("prints package.json's version on --version and -V, exit 0", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = runCli([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it("will not replace a folder of the user's given as --out: exit 2, the folder as it was", () => {
    const mine = join(work, 'my-project');
    mkdirSync(join(mine, 'src'), { recursive: true });
    writeFileSync(join(mine, 'src', 'main.ts'), 'precious');
    const r = runCli(['run', 'scenarios/nginx-hpa-cpu', '--out', mine, '--duration', '5m']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`(command line): --out: ${mine} holds src/main.ts, which scalesim does not write`);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(readdirSync(mine)).toEqual(['src']);
    expect(readFileSync(join(mine, 'src', 'main.ts'), 'utf8')).toBe('precious');
  });

  it('passes --chart-workloads to the report: 0 charts no workload and says so', () => {
    const out = join(work, 'charts-none');
    expect(runCli(['run', 'scenarios/nginx-hpa-cpu', '--chart-workloads', '0', '--report', 'md', '--out', out, '--duration', '5m']).status).toBe(0);
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    expect(report).toContain('- Workload charts: 1 of 1 workloads not charted (at most 0:');
    expect(readdirSync(out).filter((f) => f.endsWith('.mmd'))).toEqual(['report-nodes.mmd']);
  });

  it.each(['-1', '2.5', 'many', ''])('rejects --chart-workloads %j with exit code 2 and writes nothing', (value) => {
    const out = join(work, 'charts-bad');
    const r = runCli(['run', 'scenarios/nginx-hpa-cpu', '--chart-workloads', value, '--out', out, '--duration', '5m']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`(command line): --chart-workloads: expected a number of workloads (a whole number >= 0) or "all", got "${value}"`);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves previous results untouched when a later run is rejected', () => {
    const out = join(work, 'keep');
    expect(runCli(['run', 'scenarios/nginx-hpa-cpu', '--out', out, '--duration', '5m']).status).toBe(0);
    const before = filesOf(out);
    const dir = scenarioCopy('broken-later');
    writeFileSync(join(dir, 'traces', 'burst.csv'), 'timestamp,value\n');
    expect(runCli(['run', dir, '--out', out]).status).toBe(2);
    expect(filesOf(out)).toEqual(before);
  });
});
