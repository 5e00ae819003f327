/**
 * Holds V8's young generation at the size it has once a scenario is loaded, so that a run's memory
 * does not grow with its length (issue 7: a one-year trace in no more memory than one day).
 *
 * V8 doubles the young generation's semi-spaces (up to 16 MiB each on 64-bit) whenever the bytes
 * that survived young-generation collections since the last doubling exceed its capacity. Loading a
 * scenario brings it to 8 MiB semi-spaces for the bundled scenarios (bench-large's 1.2 MB of
 * manifests to 16 MiB). A run's own survivors are few, but they add up: about a simulated year of
 * nasa-diurnal reaches the next doubling, which the year run then touched (+16 MiB of peak RSS, 107
 * against 91 MiB, in about one run in five on 2026-11-24; the three-year run always, 108 MiB), while
 * a one-day run never did. Holding the size after the load makes the doubling not happen during a
 * run: the three-year run peaks at 92.5 MiB, nasa-diurnal-wide at 94 instead of 109 MiB, at the
 * same speed for nasa-diurnal and bench-large and about 2% more run time for nasa-diurnal-wide
 * (docs/performance-log.md, "What made it faster or smaller").
 *
 * `--semi-space-growth-factor` is read at each growth, so setting it at run time works on the V8 of
 * Node 20 (11.3), which package.json's engines name. A later V8's flag definitions raise any factor
 * below 2 to 2 (DEFINE_MIN_VALUE_IMPLICATION), where the hold would do nothing and memory would grow
 * as before; test/launch/young-generation.test.ts checks that V8 honours it. It is set
 * after the bundle was compiled from V8's code cache (src/launch/cached-bundle.ts): V8 checks the
 * flags when it reads that cache, and any flag set before would make it refuse the cache. V8 flags
 * are the whole process's, so only commands that start no worker thread afterwards call this, through
 * run-heap.ts (`run`, `compare` once every variant is loaded, and the bench's run of a case): a sweep
 * worker reading the cache later would refuse it too.
 */
import { setFlagsFromString } from 'node:v8';

/** From now on, V8's young generation keeps its current size for the rest of the process. */
export function holdYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
