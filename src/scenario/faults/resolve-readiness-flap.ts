/** spec.faults[].readinessFlap → ReadinessFlapFault: a known workload, a window from < to, a period. */
import type { z } from 'zod';
import type { ReadinessFlapFault } from '../fault-types.js';
import type { ReadinessFlapSchema } from '../schema/fault-schema.js';
import { knownWorkload, windowSeconds, type FaultResolveContext, type FieldPath } from './fault-context.js';

export function resolveReadinessFlap(f: z.output<typeof ReadinessFlapSchema>, path: FieldPath, ctx: FaultResolveContext): ReadinessFlapFault | undefined {
  const workload = knownWorkload(f.workload, path, ctx);
  const window = windowSeconds(f, path, ctx);
  if (workload === undefined || window === undefined) return undefined;
  return { kind: 'readinessFlap', workload, ...window, periodSeconds: f.periodSeconds };
}
