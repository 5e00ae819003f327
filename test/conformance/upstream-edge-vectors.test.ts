/**
 * The upstream-edge vectors of test/fixtures (223 vectors in the docs/fidelity-spec.md §8 format:
 * boundaries, rounding and quirks of the upstream HPA, KEDA and cluster-autoscaler code that
 * fidelity-vectors.json and upstream-extra-vectors.json do not pin) run through the conformance
 * runner: every one must pass, each §8 kind is represented, and every one says where it comes from.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countResults, runVectors } from '../../src/conformance/run-vectors.js';

const vectors = JSON.parse(readFileSync(new URL('../fixtures/upstream-edge-vectors.json', import.meta.url), 'utf8')) as Record<string, unknown>[];
const results = runVectors(vectors);

const KINDS = [
  'hpa.replicaCalc',
  'hpa.groupPods',
  'hpa.legacyConvert',
  'hpa.legacyStabilize',
  'hpa.behaviorStabilize',
  'hpa.behaviorRate',
  'hpa.behaviorLimit',
  'hpa.reconcile',
  'hpa.timeline',
  'keda.executor',
  'keda.fallback',
  'keda.scaler',
  'keda.hpaMapping',
  'keda.scaledJobStrategy',
  'ca.binpacking',
  'ca.scaleDownEligibility',
  'ca.scaleDownTiming',
];

describe('upstream-edge-vectors.json', () => {
  it('holds 223 vectors with distinct ids, a source and a non-empty expected object, covering every §8 kind', () => {
    expect(vectors).toHaveLength(223);
    expect(new Set(vectors.map((v) => v.id)).size).toBe(vectors.length);
    for (const v of vectors) {
      const source = v.source as Record<string, unknown>;
      expect(typeof source.repo === 'string' && typeof source.file === 'string' && typeof source.test === 'string').toBe(true);
      expect(Object.keys(v.expected as object).length).toBeGreaterThan(0);
    }
    expect(new Set(vectors.map((v) => v.kind))).toEqual(new Set(KINDS));
  });

  it('names its upstream: a Test* row of an upstream test file, or the upstream function with a derivation', () => {
    for (const v of vectors) {
      const source = v.source as Record<string, string>;
      const fromTestRow = /^Test/.test(source.test ?? '') && /_test\.go$/.test(source.file ?? '');
      expect(fromTestRow || typeof source.derivation === 'string', String(v.id)).toBe(true);
    }
  });

  it.each(results.map((r) => [r.id, r] as const))('%s passes', (_id, result) => {
    expect(result.error).toBeUndefined();
    expect(result.mismatches ?? []).toEqual([]);
    expect(result.pass).toBe(true);
  });

  it('runs every vector: nothing is skipped and nothing fails', () => {
    expect(countResults(results)).toEqual({ passed: results.length, failed: 0, skipped: 0 });
  });
});
