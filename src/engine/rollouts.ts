/**
 * Wires spec.rollouts into a run: each Deployment or StatefulSet named by a rollout gets its
 * instants scheduled, its rollout events go to the observers that keep them (decisions.csv), and
 * the figures over each rollout's stretch are kept (rollout-windows.ts). Rollouts never read the
 * observers back.
 */
import { DeploymentController } from '../cluster/deployment-controller.js';
import { StatefulSetController } from '../cluster/stateful-set-controller.js';
import type { Simulation } from '../core/simulation.js';
import { listensTo, type ObserverHub } from '../observe/observer.js';
import type { Scenario } from '../scenario/types.js';
import { RolloutWindows } from './rollout-windows.js';
import type { WorkloadRuntime } from './workload-runtime.js';

/** Schedules the rollouts; returns the figures kept over each rollout's stretch. */
export function scheduleRollouts(scenario: Scenario, workloads: readonly WorkloadRuntime[], sim: Simulation, hub: ObserverHub): RolloutWindows {
  const windows = new RolloutWindows(sim);
  if (scenario.rollouts.length === 0) return windows;
  for (const w of workloads) {
    const controller = w.controller;
    if (!(controller instanceof DeploymentController || controller instanceof StatefulSetController)) continue;
    const mine = scenario.rollouts.filter((r) => r.workload === controller.spec.name && r.namespace === controller.spec.namespace);
    if (mine.length === 0) continue;
    const name = controller.spec.name;
    if (controller instanceof DeploymentController) {
      if (listensTo(hub, 'deploymentEvent')) controller.onEvent = (e) => hub.deploymentEvent({ timeSeconds: sim.nowSeconds, deployment: name, ...e });
    } else if (listensTo(hub, 'statefulSetEvent')) {
      controller.onEvent = (e) => hub.statefulSetEvent({ timeSeconds: sim.nowSeconds, statefulSet: name, ...e });
    }
    windows.watch(controller.rolloutLog, w);
    controller.scheduleRollouts(mine, scenario.durationSeconds, scenario.startEpochSeconds);
  }
  return windows;
}
