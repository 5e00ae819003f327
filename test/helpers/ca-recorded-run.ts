/**
 * A whole run of a scenario that keeps what the cluster-autoscaler tests read: the built
 * simulation, every CA decision record, every pod the cluster told of (gone or not), in the
 * order they first changed, and every node that registered.
 */
import type { SimNode, SimPod } from '../../src/cluster/model.js';
import type { BuiltSimulation } from '../../src/engine/build-simulation.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { CaDecisionRecord } from '../../src/observe/records.js';
import type { Scenario } from '../../src/scenario/types.js';

export interface CaRecordedRun {
  built: BuiltSimulation;
  records: CaDecisionRecord[];
  pods: SimPod[];
  /** Every node that registered, by name, removed ones included. */
  nodes: Map<string, SimNode>;
}

export function runRecordingCa(scenario: Scenario): CaRecordedRun {
  const records: CaDecisionRecord[] = [];
  const pods = new Set<SimPod>();
  const nodes = new Map<string, SimNode>();
  let built: BuiltSimulation | undefined;
  runScenario(scenario, {
    observers: [{ caDecision: (r) => records.push(r) }],
    onBuilt: (b) => {
      built = b;
      b.cluster.addListener({ podChanged: (p) => pods.add(p), nodeAdded: (n) => nodes.set(n.name, n) });
    },
  });
  return { built: built!, records, pods: [...pods], nodes };
}
