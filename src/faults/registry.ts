/**
 * Fault kind → scheduler (one file per kind), and `scheduleFaults`, which arms every fault of a
 * scenario at build time and counts the firings per kind for the summary. KEDA scaler faults are
 * wired with the KEDA objects (src/engine/build-keda.ts), virtual stock-outs and spot
 * interruptions with the node groups (src/cloud/node-group.ts).
 */
import type { FaultKind, FaultSpec } from '../scenario/fault-types.js';
import { scheduleCapacityLoss } from './capacity-loss.js';
import { scheduleContainerCrash } from './container-crash.js';
import { scheduleCrashLoop } from './crash-loop.js';
import type { FaultEnv } from './fault-env.js';
import { scheduleLivenessFailure } from './liveness-failure.js';
import { scheduleMetricsServerOutage } from './metrics-server-outage.js';
import { scheduleNodeBootFailure } from './node-boot-failure.js';
import { scheduleNodeFailure } from './node-failure.js';
import { scheduleReadinessFlap } from './readiness-flap.js';

type FaultScheduler<K extends FaultKind> = (fault: Extract<FaultSpec, { kind: K }>, env: FaultEnv) => void;

export const FAULT_SCHEDULERS: { readonly [K in FaultKind]: FaultScheduler<K> } = Object.freeze({
  containerCrash: scheduleContainerCrash,
  crashLoop: scheduleCrashLoop,
  livenessFailure: scheduleLivenessFailure,
  readinessFlap: scheduleReadinessFlap,
  nodeFailure: scheduleNodeFailure,
  nodeBootFailure: scheduleNodeBootFailure,
  capacityLoss: scheduleCapacityLoss,
  metricsServerOutage: scheduleMetricsServerOutage,
});

/** Firings per fault kind so far (kinds that fired at least once); scalerUnavailable: the faults that failed some read. */
export type FaultCounts = Map<FaultKind | 'scalerUnavailable', number>;

/** Arms every fault; returns the live firing counts. */
export function scheduleFaults(faults: readonly FaultSpec[], env: Omit<FaultEnv, 'fired'>): FaultCounts {
  const counts: FaultCounts = new Map();
  const full: FaultEnv = { ...env, fired: (kind) => counts.set(kind, (counts.get(kind) ?? 0) + 1) };
  for (const fault of faults) (FAULT_SCHEDULERS[fault.kind] as FaultScheduler<FaultKind>)(fault as never, full);
  return counts;
}
