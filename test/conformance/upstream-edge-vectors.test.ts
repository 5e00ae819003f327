/**
 * The upstream-edge vectors of test/fixtures (223 vectors in the docs/fidelity-spec.md §8 format:
 * boundaries, rounding and quirks of the upstream HPA, KEDA and cluster-autoscaler code that
 * fidelity-vectors.json and upstream-extra-vectors.json do not pin) run through the conformance
 * runner: every one must pass, each §8 kind is represented, and every one says where it comes from.
 */
import { itNamesItsUpstream, vectorFileSuite } from './helpers/vector-file-suite.js';

vectorFileSuite('upstream-edge-vectors.json', 223, itNamesItsUpstream);
