/**
 * Files a grid value names — a trace file (`scenario.spec.traces.<name>.file=a.csv,b.csv`) or a
 * manifest entry (`scenario.spec.manifests[0]=manifests,manifests-b`) — are part of the sweep's
 * fingerprint, as the base scenario's own files are: a stopped sweep does not resume, and merge
 * does not join a shard's part, across an edit of such a file. A file no value names changes
 * nothing, and a value naming a missing file is left to the up-front check.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { disableYamlParseCache } from '../../src/scenario/yaml/yaml-file.js';
import { planSweep } from '../../src/sweep/plan-sweep.js';
import { ROOT } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-grid-files-'));
afterAll(() => {
  disableYamlParseCache();
  rmSync(work, { recursive: true, force: true });
});

/** nginx-hpa-cpu replaying traces/a.csv, with b.csv, c.csv and a second manifests folder beside it. */
function scenario(name: string): string {
  const root = join(work, name);
  const dir = join(root, 'sc');
  cpSync(join(ROOT, 'scenarios', 'nginx-hpa-cpu'), dir, { recursive: true });
  cpSync(join(dir, 'manifests'), join(dir, 'manifests-b'), { recursive: true });
  const trace = readFileSync(join(ROOT, 'scenarios', 'traces', 'synthetic', 'burst-150rps.csv'), 'utf8');
  cpSync(join(ROOT, 'scenarios', 'traces', 'synthetic', 'burst-150rps.csv'), join(root, 'a.csv'));
  for (const f of ['b.csv', 'c.csv']) writeFileSync(join(root, f), trace);
  const yaml = readFileSync(join(dir, 'scenario.yaml'), 'utf8').replace('../traces/synthetic/burst-150rps.csv', '../a.csv');
  writeFileSync(join(dir, 'scenario.yaml'), yaml);
  return dir;
}

async function fingerprint(dir: string, grid: string): Promise<string> {
  return (await planSweep({ dir, grid: [grid] })).identity.fingerprint;
}

/** Appends a row to a trace file: the same rows, one more minute. */
function edit(file: string): void {
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n2024-01-01T00:40:00Z,20\n`);
}

describe('files named by grid values', () => {
  it('fingerprints a trace file only a grid value names', async () => {
    const dir = scenario('traces');
    const grid = 'scenario.spec.traces.load-generator.file=../a.csv,../b.csv';
    const before = await fingerprint(dir, grid);
    edit(join(dir, '..', 'c.csv'));
    expect(await fingerprint(dir, grid)).toBe(before);
    edit(join(dir, '..', 'b.csv'));
    expect(await fingerprint(dir, grid)).not.toBe(before);
  });

  it('fingerprints the manifests of a manifest entry only a grid value names', async () => {
    const dir = scenario('manifests');
    const grid = 'scenario.spec.manifests[0]=manifests,manifests-b';
    const before = await fingerprint(dir, grid);
    const hpa = join(dir, 'manifests-b', 'nginx.yaml');
    writeFileSync(hpa, readFileSync(hpa, 'utf8').replace('averageUtilization: 30', 'averageUtilization: 40'));
    expect(readFileSync(hpa, 'utf8')).toContain('averageUtilization: 40');
    expect(await fingerprint(dir, grid)).not.toBe(before);
  });

  it('plans a value naming a missing file, for the check to report', async () => {
    const dir = scenario('missing');
    await expect(fingerprint(dir, 'scenario.spec.traces.load-generator.file=../a.csv,../nope.csv')).resolves.toMatch(/^[0-9a-f]+$/);
  });

  it('leaves the fingerprint of a grid that names no file as it was', async () => {
    const dir = scenario('plain');
    const before = await fingerprint(dir, 'hpa.targetCPU=30,50');
    edit(join(dir, '..', 'b.csv'));
    expect(await fingerprint(dir, 'hpa.targetCPU=30,50')).toBe(before);
    edit(join(dir, '..', 'a.csv'));
    expect(await fingerprint(dir, 'hpa.targetCPU=30,50')).not.toBe(before);
  });
});
