/**
 * The sweep fingerprint changes with anything that changes the rows (a file's content, the grid,
 * the seed, the duration, the --workload focus, the version or build) and with nothing else (the
 * order files are read in; no focus hashes as before the focus existed).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_ID_FILE, buildId, hashCodeTree, settingRowsFingerprint, sweepFingerprint, type FingerprintInputs } from '../../src/sweep/fingerprint.js';

const base: FingerprintInputs = {
  version: '0.1.0',
  build: 'b1',
  files: [
    { relative: 'scenario.yaml', content: Buffer.from('spec: {}') },
    { relative: 'manifests/hpa.yaml', content: Buffer.from('kind: HorizontalPodAutoscaler') },
  ],
  axes: [{ name: 'hpa.maxReplicas', flag: 'hpa.maxReplicas=3,4', target: 'HorizontalPodAutoscaler/web', fieldPath: ['spec', 'maxReplicas'], values: [{ text: '3', value: 3 }, { text: '4', value: 4 }] }],
  seed: 1,
  durationSeconds: 3600,
};

describe('sweepFingerprint', () => {
  const reference = sweepFingerprint(base);

  it('does not depend on the order the files were read in', () => {
    expect(sweepFingerprint({ ...base, files: [...base.files].reverse() })).toBe(reference);
  });

  it.each<[string, Partial<FingerprintInputs>]>([
    ['a file content', { files: [base.files[0]!, { relative: 'manifests/hpa.yaml', content: Buffer.from('kind: HorizontalPodAutoscaler ') }] }],
    ['a file name', { files: [base.files[0]!, { relative: 'manifests/other.yaml', content: base.files[1]!.content }] }],
    ['a grid value', { axes: [{ ...base.axes[0]!, values: [{ text: '3', value: 3 }, { text: '5', value: 5 }] }] }],
    ['a grid column name', { axes: [{ ...base.axes[0]!, name: 'HorizontalPodAutoscaler/web:spec.maxReplicas' }] }],
    ['the seed', { seed: 2 }],
    ['the duration', { durationSeconds: null }],
    ['the version', { version: '0.2.0' }],
    ['the build', { build: 'b2' }],
    ['a workload focus (--workload web)', { workloads: ['web'] }],
  ])('changes with %s', (_name, change) => {
    expect(sweepFingerprint({ ...base, ...change })).not.toBe(reference);
  });

  it('tells the workload focuses apart, for the rows a journal shares too, and hashes no focus as before', () => {
    const focus = (workloads: string[] | null | undefined) => sweepFingerprint({ ...base, workloads });
    expect(focus(['web'])).not.toBe(focus(['web', 'api']));
    expect(focus(null)).toBe(reference);
    expect(focus(undefined)).toBe(reference);
    const { axes: _axes, ...rowInputs } = base;
    expect(settingRowsFingerprint({ ...rowInputs, workloads: ['web'] })).not.toBe(settingRowsFingerprint(rowInputs));
  });

  it('hashes the running code once', () => {
    expect(buildId()).toMatch(/^[0-9a-f]{16}$/);
    expect(buildId()).toBe(buildId());
  });
});

describe('the build id', () => {
  it('hashes the files of one kind by path and content', () => {
    const root = mkdtempSync(join(tmpdir(), 'scalesim-build-id-'));
    try {
      mkdirSync(join(root, 'sweep'));
      writeFileSync(join(root, 'a.js'), 'a');
      writeFileSync(join(root, 'sweep', 'b.js'), 'b');
      writeFileSync(join(root, 'a.js.map'), 'map');
      const first = hashCodeTree(root, '.js');
      expect(first).toMatch(/^[0-9a-f]{16}$/);
      writeFileSync(join(root, 'a.js.map'), 'another map');
      expect(hashCodeTree(root, '.js')).toBe(first);
      writeFileSync(join(root, 'sweep', 'b.js'), 'b2');
      expect(hashCodeTree(root, '.js')).not.toBe(first);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('is written by npm run build as the hash of every .js file of dist/, which sweeps then read', () => {
    const dist = join(import.meta.dirname, '..', '..', 'dist');
    expect(readFileSync(join(dist, BUILD_ID_FILE), 'utf8')).toBe(`${hashCodeTree(dist, '.js')}\n`);
  });
});
