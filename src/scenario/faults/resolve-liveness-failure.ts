/** spec.faults[].livenessFailure → LivenessFailureFault: a known workload, and `at` or a seeded rate. */
import type { z } from 'zod';
import type { LivenessFailureFault } from '../fault-types.js';
import type { LivenessFailureSchema } from '../schema/fault-schema.js';
import { knownWorkload, timingOf, type FaultResolveContext, type FieldPath } from './fault-context.js';

export function resolveLivenessFailure(f: z.output<typeof LivenessFailureSchema>, path: FieldPath, ctx: FaultResolveContext): LivenessFailureFault | undefined {
  const workload = knownWorkload(f.workload, path, ctx);
  const timing = timingOf(f, path, ctx);
  if (workload === undefined || timing === undefined) return undefined;
  return { kind: 'livenessFailure', workload, timing, ...(f.pod !== undefined ? { podIndex: f.pod } : {}) };
}
