/**
 * The upstream-extra vectors of test/fixtures (100 vectors in the docs/fidelity-spec.md §8 format,
 * derived from upstream test rows and function logic not covered by fidelity-vectors.json) run
 * through the conformance runner: every one must pass, and each §8 kind is represented.
 */
import { vectorFileSuite } from './helpers/vector-file-suite.js';

vectorFileSuite('upstream-extra-vectors.json', 100);
