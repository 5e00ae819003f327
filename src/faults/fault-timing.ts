/**
 * When a repeatable fault fires: once `at` an instant, or as a Poisson process of `ratePerHour`
 * inside [from, to) with exponential gaps drawn from the fault kind's seeded stream (as the spot
 * interruptions of src/cloud/node-group.ts).
 */
import { Phase } from '../core/phases.js';
import type { RandomStream } from '../core/rng.js';
import type { Simulation } from '../core/simulation.js';
import type { FaultTiming } from '../scenario/fault-types.js';

export function scheduleFaultTiming(sim: Simulation, timing: FaultTiming, random: RandomStream, component: string, fire: () => void): void {
  if (timing.kind === 'at') {
    sim.scheduleAt(Math.max(timing.atSeconds, sim.nowSeconds), Phase.LIFECYCLE, component, fire);
    return;
  }
  const end = timing.toSeconds ?? Infinity;
  const next = (afterSeconds: number): void => {
    const t = afterSeconds + (-Math.log(1 - random.next()) / timing.ratePerHour) * 3600;
    if (t >= end) return;
    sim.scheduleAt(t, Phase.LIFECYCLE, component, () => {
      fire();
      next(t);
    });
  };
  next(Math.max(timing.fromSeconds, sim.nowSeconds));
}
