/** The fidelity vectors of test/fixtures run through the conformance runner (docs/fidelity-spec.md §8). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countResults, runVectors } from '../../src/conformance/run-vectors.js';

const vectors = JSON.parse(readFileSync(new URL('../fixtures/fidelity-vectors.json', import.meta.url), 'utf8')) as Record<string, unknown>[];
const results = runVectors(vectors);
const hpa = results.filter((r) => r.kind.startsWith('hpa.'));
const keda = results.filter((r) => r.kind.startsWith('keda.'));
const ca = results.filter((r) => r.kind.startsWith('ca.'));

describe('fidelity-vectors.json', () => {
  it('holds the 99 hpa vectors this runner must pass', () => {
    expect(hpa).toHaveLength(99);
  });

  it.each(hpa.map((r) => [r.id, r] as const))('%s passes', (_id, result) => {
    expect(result.error).toBeUndefined();
    expect(result.mismatches ?? []).toEqual([]);
    expect(result.pass).toBe(true);
  });

  it('holds the 31 keda vectors this runner must pass, one or more of each §8 keda kind', () => {
    expect(keda).toHaveLength(31);
    expect(new Set(keda.map((r) => r.kind))).toEqual(new Set(['keda.executor', 'keda.fallback', 'keda.scaler', 'keda.hpaMapping', 'keda.scaledJobStrategy']));
  });

  it.each(keda.map((r) => [r.id, r] as const))('%s passes', (_id, result) => {
    expect(result.error).toBeUndefined();
    expect(result.mismatches ?? []).toEqual([]);
    expect(result.pass).toBe(true);
  });

  it('holds the 11 ca vectors this runner must pass, one or more of each §8 ca kind', () => {
    expect(ca).toHaveLength(11);
    expect(new Set(ca.map((r) => r.kind))).toEqual(new Set(['ca.binpacking', 'ca.scaleDownEligibility', 'ca.scaleDownTiming']));
  });

  it.each(ca.map((r) => [r.id, r] as const))('%s passes', (_id, result) => {
    expect(result.error).toBeUndefined();
    expect(result.mismatches ?? []).toEqual([]);
    expect(result.pass).toBe(true);
  });

  it('runs every vector: nothing is skipped and nothing fails', () => {
    expect(hpa.length + keda.length + ca.length).toBe(results.length);
    expect(countResults(results)).toEqual({ passed: results.length, failed: 0, skipped: 0 });
  });

  it('computes the same outputs when `expected` is removed from every vector', () => {
    const stripped = vectors.map((v) => ({ ...v, expected: {} }));
    const again = runVectors(stripped);
    expect(again.map((r) => r.actual)).toEqual(results.map((r) => r.actual));
    expect(again.filter((r) => r.pass === false)).toEqual([]);
  });
});
