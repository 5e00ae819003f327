/**
 * Stops V8 from pretenuring allocation sites for the rest of the process once a scenario is loaded:
 * every object is then born in the young generation, and only those that outlive two
 * young-generation collections reach the old one.
 *
 * V8 marks an allocation site (an object or array literal in the code) "tenured" when nearly all of
 * its objects survived a young-generation collection while the young generation was at its largest
 * (16 MiB semi-spaces, where bench-large's load leaves it; nasa-diurnal's stays at 8), and from then
 * on allocates its objects straight in the old generation (--allocation-site-pretenuring, on by
 * default). A simulation gives it that
 * pattern: while bench-large's cluster grows, the objects of some sites all live for minutes, and the
 * same sites go on allocating short-lived objects for the rest of the run, all in the old generation,
 * which then fills with garbage between full collections. In bench-large's first two simulated hours
 * the old generation grew by 1.5 MB at each young-generation collection with pretenuring and by
 * 0.25 MB without; the day's peak RSS went from 352–357 to 296–322 MiB at the same speed, and
 * nasa-diurnal and the one-year run did not move (docs/performance-log.md, twenty-eighth session).
 *
 * Set at run time, like young-generation.ts's flag and for the same reason: after the bundle was
 * compiled from V8's code cache, which V8 refuses when flags changed before it was read. V8 reads the
 * flag at each collection's pretenuring feedback, so sites decided before stay as they are, and later
 * decisions are not taken; test/launch/pretenuring.test.ts checks that V8 honours it.
 */
import { setFlagsFromString } from 'node:v8';

/** From now on, V8 allocates no object straight in the old generation on account of its allocation site. */
export function stopPretenuring(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
