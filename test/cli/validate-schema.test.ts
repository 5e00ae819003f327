/**
 * `scalesim validate` and `scalesim schema`: validating checks without running (exit 0 / 2), and the
 * JSON Schema committed beside the bundled scenarios is exactly what `schema` prints, referenced
 * from every bundled scenario.yaml for editors.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
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
