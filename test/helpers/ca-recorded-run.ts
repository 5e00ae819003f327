/**
 * A whole run of a scenario that keeps what the cluster-autoscaler tests read: the built
 * simulation, every CA decision record and every pod the cluster told of (gone or not), in the
 * order they first changed.
 */
import type { SimPod } from '../../src/cluster/model.js';
import type { BuiltSimulation } from '../../src/engine/build-simulation.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { CaDecisionRecord } from '../../src/observe/records.js';
import type { Scenario } from '../../src/scenario/types.js';

export interface CaRecordedRun {
  built: BuiltSimulation;
  records: CaDecisionRecord[];
  pods: SimPod[];
}

export function runRecordingCa(scenario: Scenario): CaRecordedRun {
  const records: CaDecisionRecord[] = [];
  const pods = new Set<SimPod>();
  let built: BuiltSimulation | undefined;
  runScenario(scenario, {
    observers: [{ caDecision: (r) => records.push(r) }],
    onBuilt: (b) => {
      built = b;
      b.cluster.addListener({ podChanged: (p) => pods.add(p) });
    },
  });
  return { built: built!, records, pods: [...pods] };
}
