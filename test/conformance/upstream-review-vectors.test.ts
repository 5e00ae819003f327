/**
 * The upstream-review vectors of test/fixtures (416 vectors in the docs/fidelity-spec.md §8 format,
 * ids `nu-…` and `ny-…` KEDA scalers, `nv-…` and `nk-…` executor, fallback, hpaMapping and ScaledJob
 * strategies, `nw-…` cluster-autoscaler, `nx-…` and `nz-…` HPA), written in the thirty-second session from the newest upstream
 * code for what the other vector files leave open: every metadata key's syntax (JSON numbers,
 * ParseBool, partitionLimitation's ranges), scalingModifiers formulas with float(), collection
 * builtins and expr-lang's type check, ScaledJob's MaxReplicaCount() = max − min, the HPA's
 * `replicas == 0 ||` quirk with a negative proposal, Object and External calculators with Value and
 * AverageValue targets, per-direction tolerances, binpacking with mixed pod groups, eligibility with
 * --scale-down-unready-enabled and the cooldowns at their edges. Every one must pass, and every one
 * names an upstream Test* row or the upstream function with a derivation of the expected value.
 */
import { itNamesItsUpstream, vectorFileSuite } from './helpers/vector-file-suite.js';

vectorFileSuite('upstream-review-vectors.json', 416, itNamesItsUpstream);
