/**
 * The upstream-edge vectors of test/fixtures (223 vectors in the docs/fidelity-spec.md §8 format:
 * boundaries, rounding and quirks of the upstream HPA, KEDA and cluster-autoscaler code that
 * fidelity-vectors.json and upstream-extra-vectors.json do not pin) run through the conformance
 * runner: every one must pass, each §8 kind is represented, and every one says where it comes from.
 */
import { expect, it } from 'vitest';
import { vectorFileSuite } from './helpers/vector-file-suite.js';

vectorFileSuite('upstream-edge-vectors.json', 223, (vectors) => {
  it('names its upstream: a Test* row of an upstream test file, or the upstream function with a derivation', () => {
    for (const v of vectors) {
      const source = v.source as Record<string, string>;
      const fromTestRow = /^Test/.test(source.test ?? '') && /_test\.go$/.test(source.file ?? '');
      expect(fromTestRow || typeof source.derivation === 'string', String(v.id)).toBe(true);
    }
  });
});
