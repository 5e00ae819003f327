/**
 * The sweep fingerprint changes with anything that changes the rows (a file's content, the grid,
 * the seed, the duration, the --workload focus, the version or build) and with nothing else (the
 * order files are read in; no focus hashes as before the focus existed).
 */
import { describe, expect, it } from 'vitest';
import { buildId, settingRowsFingerprint, sweepFingerprint, type FingerprintInputs } from '../../src/sweep/fingerprint.js';

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
