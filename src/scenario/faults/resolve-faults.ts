/**
 * scenario.yaml spec.faults → FaultSpec[]: each item names exactly one fault kind; every kind but
 * scalerUnavailable (resolved with the KEDA objects, src/scenario/keda/resolve-scaler-faults.ts)
 * has its resolver here, one file each. Every problem is reported at its field, in one pass.
 */
import type { FaultSpec } from '../fault-types.js';
import type { FaultInput, FaultKindName } from '../schema/fault-schema.js';
import { reportProblem, type FaultResolveContext, type FieldPath } from './fault-context.js';
import { resolveCapacityLoss } from './resolve-capacity-loss.js';
import { resolveContainerCrash } from './resolve-container-crash.js';
import { resolveCrashLoop } from './resolve-crash-loop.js';
import { resolveLivenessFailure } from './resolve-liveness-failure.js';
import { resolveMetricsServerOutage } from './resolve-metrics-server-outage.js';
import { resolveNodeBootFailure } from './resolve-node-boot-failure.js';
import { resolveNodeFailure } from './resolve-node-failure.js';
import { resolveReadinessFlap } from './resolve-readiness-flap.js';

type Resolver<K extends FaultKindName> = (f: NonNullable<FaultInput[K]>, path: FieldPath, ctx: FaultResolveContext) => FaultSpec | undefined;

/** Fault kind → resolver; `null` for the kind resolved elsewhere. */
const FAULT_RESOLVERS: { [K in FaultKindName]: Resolver<K> | null } = {
  scalerUnavailable: null,
  containerCrash: resolveContainerCrash,
  crashLoop: resolveCrashLoop,
  livenessFailure: resolveLivenessFailure,
  readinessFlap: resolveReadinessFlap,
  nodeFailure: resolveNodeFailure,
  nodeBootFailure: resolveNodeBootFailure,
  capacityLoss: resolveCapacityLoss,
  metricsServerOutage: resolveMetricsServerOutage,
};

export const FAULT_KIND_NAMES = Object.keys(FAULT_RESOLVERS) as FaultKindName[];

export function resolveFaults(faults: readonly { index: number; fault: FaultInput }[], ctx: FaultResolveContext): FaultSpec[] {
  const out: FaultSpec[] = [];
  for (const { index, fault } of faults) {
    const path: FieldPath = ['spec', 'faults', index];
    const kinds = FAULT_KIND_NAMES.filter((k) => fault[k] !== undefined);
    if (kinds.length !== 1) {
      const message = kinds.length === 0 ? 'a fault item names no fault kind' : `a fault item names several fault kinds (${kinds.join(', ')})`;
      reportProblem(ctx, path, message, `write one of ${FAULT_KIND_NAMES.join(', ')} per list item`);
      continue;
    }
    const kind = kinds[0] as FaultKindName;
    const resolver = FAULT_RESOLVERS[kind] as Resolver<FaultKindName> | null;
    const resolved = resolver?.(fault[kind] as NonNullable<FaultInput[FaultKindName]>, [...path, kind], ctx);
    if (resolved !== undefined) out.push(resolved);
  }
  return out;
}
