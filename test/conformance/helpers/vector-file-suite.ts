/**
 * The checks every upstream-derived vector file of test/fixtures gets (docs/fidelity-spec.md §8
 * format): its size, distinct ids, a source and a non-empty expected object on each vector, every §8
 * kind represented, and every vector passing the conformance runner with nothing skipped.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countResults, runVectors } from '../../../src/conformance/run-vectors.js';

/** The §8 table's kinds. */
export const SECTION_8_KINDS = [
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

export type Vector = Record<string, unknown>;

/** Reads test/fixtures/<fileName> and declares its suite; `extra` adds file-specific tests inside it. */
export function vectorFileSuite(fileName: string, expectedCount: number, extra?: (vectors: readonly Vector[]) => void): void {
  const vectors = JSON.parse(readFileSync(new URL(`../../fixtures/${fileName}`, import.meta.url), 'utf8')) as Vector[];
  const results = runVectors(vectors);
  describe(fileName, () => {
    it(`holds ${expectedCount} vectors with distinct ids, a source and a non-empty expected object, covering every §8 kind`, () => {
      expect(vectors).toHaveLength(expectedCount);
      expect(new Set(vectors.map((v) => v.id)).size).toBe(vectors.length);
      for (const v of vectors) {
        const source = v.source as Record<string, unknown>;
        expect(typeof source.repo === 'string' && typeof source.file === 'string' && typeof source.test === 'string').toBe(true);
        expect(Object.keys(v.expected as object).length).toBeGreaterThan(0);
      }
      expect(new Set(vectors.map((v) => v.kind))).toEqual(new Set(SECTION_8_KINDS));
    });

    extra?.(vectors);

    everyVectorPasses(results);
  });
}

/** Every vector names its upstream: a Test* row of an upstream `_test.go` file, or the upstream function with a derivation. */
export function itNamesItsUpstream(vectors: readonly Vector[]): void {
  it('names its upstream: a Test* row of an upstream test file, or the upstream function with a derivation', () => {
    for (const v of vectors) {
      const source = v.source as Record<string, string>;
      const fromTestRow = /^Test/.test(source.test ?? '') && /_test\.go$/.test(source.file ?? '');
      expect(fromTestRow || (typeof source.derivation === 'string' && source.derivation.length > 0), String(v.id)).toBe(true);
    }
  });
}

/** Inside a describe: one test per vector that it passes, and one that nothing was skipped or failed. */
export function everyVectorPasses(results: ReturnType<typeof runVectors>): void {
  it.each(results.map((r) => [r.id, r] as const))('%s passes', (_id, result) => {
    expect(result.error).toBeUndefined();
    expect(result.mismatches ?? []).toEqual([]);
    expect(result.pass).toBe(true);
  });

  it('runs every vector: nothing is skipped and nothing fails', () => {
    expect(countResults(results)).toEqual({ passed: results.length, failed: 0, skipped: 0 });
  });
}
