/**
 * The upstream-probe vectors of test/fixtures (58 vectors in the docs/fidelity-spec.md §8 format,
 * ids `np-…`): edges of the newest upstream code that the other vector files leave open (tolerance
 * reached exactly in the second pass, selectPolicy Min and Disabled, the legacy limit of 4, KEDA
 * fallback with fractional targets, Go's "%.3f" milli conversion, every ScaledJob strategy, node
 * limits in the binpacking estimate, a NaN utilization) run through the conformance runner. Every one
 * must pass, and every one names its upstream function and how the value follows from it.
 */
import { expect, it } from 'vitest';
import { SECTION_8_KINDS, vectorFileSuite } from './helpers/vector-file-suite.js';

/** The §8 kinds these probes cover (not legacyStabilize, timeline or hpaMapping, which the other files pin). */
const PROBED_KINDS = SECTION_8_KINDS.filter((k) => !['hpa.legacyStabilize', 'hpa.timeline', 'keda.hpaMapping'].includes(k));

vectorFileSuite(
  'upstream-probe-vectors.json',
  58,
  (vectors) => {
    it('names its upstream function and a derivation of the expected value', () => {
      for (const v of vectors) {
        const source = v.source as Record<string, string>;
        expect(typeof source.derivation === 'string' && source.derivation.length > 0, String(v.id)).toBe(true);
      }
    });
  },
  PROBED_KINDS,
);
