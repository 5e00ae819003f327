/**
 * The upstream-probe vectors of test/fixtures (281 vectors in the docs/fidelity-spec.md §8 format,
 * ids `np-…`, `nq-…`, `nr-…`, `ns-…`): edges of the newest upstream code that the other vector files leave
 * open (upstream test rows none of them mirrors, the tolerance reached in the second pass, container
 * and per-pod metrics, selectPolicy Min and Disabled with events partly out of the period, both
 * stabilization windows, the legacy limit of 4, KEDA fallback with fractional targets, Go's "%.3f"
 * milli conversion, kafka's partitionLimitation, rabbitmq's zero settings, every ScaledJob strategy,
 * node limits in the binpacking estimate, a NaN utilization) run through the conformance runner.
 * Every one must pass, and every one names an upstream Test* row or the upstream function with a
 * derivation of the expected value.
 */
import { itNamesItsUpstream, vectorFileSuite } from './helpers/vector-file-suite.js';

vectorFileSuite('upstream-probe-vectors.json', 281, itNamesItsUpstream);
