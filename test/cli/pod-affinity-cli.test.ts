/**
 * The CLI on pod affinity input: the anti-affinity-ca fixture runs; a bad term (an empty
 * topologyKey, a misspelt field) exits 2 with file:line:column and the field path, no stack trace,
 * and writes nothing.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-pod-affinity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fixtureCopy(name: string, edit?: (yaml: string) => string): string {
  const dir = join(work, name);
  cpSync(join(ROOT, 'test', 'fixtures', 'anti-affinity-ca'), dir, { recursive: true });
  const file = join(dir, 'manifests', 'web.yaml');
  if (edit !== undefined) writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

describe('scalesim run with pod anti-affinity', () => {
  it('runs the anti-affinity-ca fixture', () => {
    const out = join(work, 'ok-out');
    const r = runCli(['run', fixtureCopy('ok'), '--out', out, '--no-report', '--no-progress']);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('affinity');
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  });

  it.each([
    ['an empty topologyKey', (y: string) => y.replace('topologyKey: kubernetes.io/hostname', 'topologyKey: ""'), /web\.yaml:18:\d+: spec\.template\.spec\.affinity\.podAntiAffinity\.requiredDuringSchedulingIgnoredDuringExecution\[0\]\.topologyKey/],
    ['a misspelt labelSelector', (y: string) => y.replace('labelSelector:', 'labelSelectors:'), /web\.yaml:19:\d+: spec\.template\.spec\.affinity\.podAntiAffinity\.requiredDuringSchedulingIgnoredDuringExecution\[0\]\.labelSelectors: unknown field "labelSelectors": did you mean "labelSelector"\?/],
  ])('rejects %s with exit code 2, file and line, and writes nothing', (name, edit, pattern) => {
    const slug = name.replaceAll(' ', '-');
    const out = join(work, `${slug}-out`);
    const r = runCli(['run', fixtureCopy(slug, edit), '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(existsSync(out)).toBe(false);
  });
});
