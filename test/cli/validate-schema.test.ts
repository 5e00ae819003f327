/**
 * `scalesim validate` and `scalesim schema`: validating checks without running (exit 0 / 2), and the
 * JSON Schema committed beside the bundled scenarios is exactly what `schema` prints, referenced
 * from every bundled scenario.yaml for editors.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

describe('scalesim validate', () => {
  it('says ok for every bundled scenario', () => {
    for (const name of readdirSync(join(ROOT, 'scenarios'))) {
      if (!existsSync(join(ROOT, 'scenarios', name, 'scenario.yaml'))) continue;
      const r = runCli(['validate', join('scenarios', name)]);
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/^ok: /m);
    }
  });

  it('exits 2 with the problems for a bad scenario', () => {
    const r = runCli(['validate', 'scenarios/traces']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('scenario.yaml');
  });
});

describe('scalesim schema', () => {
  it('matches the committed scenarios/scenario.schema.json, which every bundled scenario references', () => {
    const r = runCli(['schema']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'scenarios', 'scenario.schema.json'), 'utf8'));
    const schema = JSON.parse(r.stdout) as { properties: { spec: { properties: Record<string, unknown> } } };
    expect(Object.keys(schema.properties.spec.properties)).toEqual(expect.arrayContaining(['nodePools', 'workloads', 'traces', 'clusterAutoscaler']));
    for (const name of readdirSync(join(ROOT, 'scenarios'))) {
      const file = join(ROOT, 'scenarios', name, 'scenario.yaml');
      if (existsSync(file)) expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../scenario.schema.json');
    }
  });
});

describe('scalesim validate: failures as a user and a script see them', () => {
  /** nginx-hpa-cpu with its one manifest file renamed to .yaml.bak, which the loader skips (as kubectl apply -f <dir> does). */
  function scenarioWithSkippedManifest(): string {
    const dir = mkdtempSync(join(tmpdir(), 'scalesim-validate-'));
    cpSync(join(ROOT, 'scenarios', 'nginx-hpa-cpu'), dir, { recursive: true });
    renameSync(join(dir, 'manifests', 'nginx.yaml'), join(dir, 'manifests', 'nginx.yaml.bak'));
    return dir;
  }

  it('prints the warnings found beside the errors (here the one that explains them)', () => {
    const dir = scenarioWithSkippedManifest();
    const r = runCli(['validate', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/problems? in the input:/);
    expect(r.stderr).toMatch(/and \d+ warnings?:\n(?:.|\n)*no \*\.yaml, \*\.yml or \*\.json file/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('with --json prints ok: false, the problems and the warnings as objects on standard output', () => {
    const dir = scenarioWithSkippedManifest();
    for (const command of ['validate', 'run']) {
      const r = runCli([command, dir, '--json', ...(command === 'run' ? ['--out', join(dir, 'out')] : [])]);
      expect(r.status, command).toBe(2);
      const json = JSON.parse(r.stdout) as { ok: boolean; exitCode: number; problems: { file: string; message: string }[]; warnings: { message: string }[] };
      expect(json.ok).toBe(false);
      expect(json.exitCode).toBe(2);
      expect(json.problems.length).toBeGreaterThan(0);
      expect(json.problems[0]!.file).toContain(dir);
      expect(json.warnings.map((w) => w.message).join('\n')).toMatch(/no \*\.yaml, \*\.yml or \*\.json file/);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('with --json prints a success with its warnings as objects', () => {
    const r = runCli(['validate', 'scenarios/nginx-hpa-cpu', '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { ok: boolean; warnings: unknown[] };
    expect(json.ok).toBe(true);
    expect(Array.isArray(json.warnings)).toBe(true);
  });
});
