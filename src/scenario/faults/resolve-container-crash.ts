/** spec.faults[].containerCrash → ContainerCrashFault: a known workload, and `at` or a seeded rate. */
import type { ContainerCrashFault } from '../fault-types.js';
import type { ContainerCrashSchema } from '../schema/fault-schema.js';
import type { z } from 'zod';
import { knownWorkload, timingOf, type FaultResolveContext, type FieldPath } from './fault-context.js';

export function resolveContainerCrash(f: z.output<typeof ContainerCrashSchema>, path: FieldPath, ctx: FaultResolveContext): ContainerCrashFault | undefined {
  const workload = knownWorkload(f.workload, path, ctx);
  const timing = timingOf(f, path, ctx);
  if (workload === undefined || timing === undefined) return undefined;
  if (f.pod !== undefined && f.count > 1) {
    ctx.sink.warn(ctx.scenarioRef.warning([...path, 'count'], `count ${f.count} has no effect beside pod ${f.pod}: the fault hits that one pod at each firing`, 'leave out pod to hit count pods drawn at random, or leave out count'));
  }
  return { kind: 'containerCrash', workload, timing, count: f.count, ...(f.pod !== undefined ? { podIndex: f.pod } : {}) };
}
