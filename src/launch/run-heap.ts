/**
 * How a command sets V8's heap up once its scenarios are loaded and before it simulates: the young
 * generation held at its size (young-generation.ts) and no allocation site pretenured
 * (pretenuring.ts), so that a run's memory follows its live state, not its length. V8 flags are the
 * whole process's: only commands that start no worker thread afterwards call this (`run`, `compare`
 * once every variant is loaded, and the bench's run of a case), as a worker reading V8's code cache
 * after a flag changed would refuse it.
 */
import { stopPretenuring } from './pretenuring.js';
import { holdYoungGeneration } from './young-generation.js';

export function settleHeapForRun(): void {
  holdYoungGeneration();
  stopPretenuring();
}
