/** The ca.* vector kinds of docs/fidelity-spec.md §8 → their adapters. */
import { adaptCaBinpacking } from './ca-binpacking-adapter.js';
import { adaptCaScaleDownEligibility } from './ca-eligibility-adapter.js';
import { adaptCaScaleDownTiming } from './ca-timing-adapter.js';
import type { VectorAdapter } from './vector-types.js';

export const CA_VECTOR_ADAPTERS: Readonly<Record<string, VectorAdapter>> = Object.freeze({
  'ca.binpacking': adaptCaBinpacking,
  'ca.scaleDownEligibility': adaptCaScaleDownEligibility,
  'ca.scaleDownTiming': adaptCaScaleDownTiming,
});
