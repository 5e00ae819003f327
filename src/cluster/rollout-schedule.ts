/**
 * When spec.rollouts fire, for any controller that rolls out (a Deployment, a StatefulSet): each
 * rollout at its instant, each repeat scheduled when the one before fires (so a long run of
 * repeats holds one pending event), none at or after the run's end. `kubectl rollout restart`
 * stamps the template's restartedAt annotation with the wall clock in whole seconds, so two
 * restarts within one calendar second make one revision (sameWallSecond).
 */
import { Phase } from '../core/phases.js';
import type { Simulation } from '../core/simulation.js';
import type { RolloutSpec } from '../scenario/rollout-types.js';

/** Schedules `start` at each rollout instant before `endSeconds`; `label` names the events. */
export function scheduleRolloutInstants(sim: Simulation, rollouts: readonly RolloutSpec[], endSeconds: number, label: string, start: () => void): void {
  const at = (atSeconds: number, everySeconds: number | undefined): void => {
    if (atSeconds >= endSeconds) return;
    sim.scheduleAt(atSeconds, Phase.CONTROL, label, () => {
      start();
      if (everySeconds !== undefined) at(atSeconds + everySeconds, everySeconds);
    });
  };
  for (const r of rollouts) at(r.atSeconds, r.everySeconds);
}

/** Whether simulated instants `aSeconds` and `bSeconds` fall in one wall-clock second, t = 0 being `startEpochSeconds` (Unix). */
export function sameWallSecond(startEpochSeconds: number, aSeconds: number, bSeconds: number): boolean {
  return Math.floor(startEpochSeconds + aSeconds) === Math.floor(startEpochSeconds + bSeconds);
}
