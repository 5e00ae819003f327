/**
 * spec.faults[].nodeBootFailure → NodeBootFailureFault: a known pool that is not virtual (a virtual
 * pool's one node is the provider's virtual-kubelet, registered at t = 0), and an optional window
 * from < to of registration times (default: the whole run).
 */
import type { z } from 'zod';
import type { NodeBootFailureFault } from '../fault-types.js';
import type { NodeBootFailureSchema } from '../schema/fault-schema.js';
import { instantSeconds, knownRealPool, reportProblem, type FaultResolveContext, type FieldPath } from './fault-context.js';

export function resolveNodeBootFailure(f: z.output<typeof NodeBootFailureSchema>, path: FieldPath, ctx: FaultResolveContext): NodeBootFailureFault | undefined {
  const pool = knownRealPool(f.pool, [...path, 'pool'], ctx, { message: "its one node is the provider's virtual-kubelet, which does not boot during the run", hint: 'name a pool of real nodes' });
  const fromSeconds = f.from === undefined ? 0 : instantSeconds(f.from, [...path, 'from'], ctx);
  const toSeconds = f.to === undefined ? Number.POSITIVE_INFINITY : instantSeconds(f.to, [...path, 'to'], ctx);
  if (pool === undefined || fromSeconds === undefined || toSeconds === undefined) return undefined;
  if (!(fromSeconds < toSeconds)) {
    reportProblem(ctx, [...path, 'to'], `the window must end after it starts (from ${fromSeconds} s, to ${toSeconds} s since t = 0)`, 'make to later than from');
    return undefined;
  }
  return { kind: 'nodeBootFailure', pool, probability: f.probability, fromSeconds, toSeconds };
}
