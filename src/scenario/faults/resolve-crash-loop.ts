/** spec.faults[].crashLoop → CrashLoopFault: a known workload and a window from < to. */
import type { z } from 'zod';
import type { CrashLoopFault } from '../fault-types.js';
import type { CrashLoopSchema } from '../schema/fault-schema.js';
import { knownWorkload, windowSeconds, type FaultResolveContext, type FieldPath } from './fault-context.js';

export function resolveCrashLoop(f: z.output<typeof CrashLoopSchema>, path: FieldPath, ctx: FaultResolveContext): CrashLoopFault | undefined {
  const workload = knownWorkload(f.workload, path, ctx);
  const window = windowSeconds(f, path, ctx);
  if (workload === undefined || window === undefined) return undefined;
  return { kind: 'crashLoop', workload, ...window };
}
