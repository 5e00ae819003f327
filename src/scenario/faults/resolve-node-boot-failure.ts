/**
 * spec.faults[].nodeBootFailure → NodeBootFailureFault: a known pool that is not virtual (a virtual
 * pool's one node is the provider's virtual-kubelet, registered at t = 0), and an optional window
 * from < to of registration times (default: the whole run).
 */
import type { z } from 'zod';
import { suggestionHint } from '../did-you-mean.js';
import type { NodeBootFailureFault } from '../fault-types.js';
import type { NodeBootFailureSchema } from '../schema/fault-schema.js';
import { instantSeconds, reportProblem, type FaultResolveContext, type FieldPath } from './fault-context.js';

export function resolveNodeBootFailure(f: z.output<typeof NodeBootFailureSchema>, path: FieldPath, ctx: FaultResolveContext): NodeBootFailureFault | undefined {
  const pool = poolOf(f.pool, [...path, 'pool'], ctx);
  const fromSeconds = f.from === undefined ? 0 : instantSeconds(f.from, [...path, 'from'], ctx);
  const toSeconds = f.to === undefined ? Number.POSITIVE_INFINITY : instantSeconds(f.to, [...path, 'to'], ctx);
  if (pool === undefined || fromSeconds === undefined || toSeconds === undefined) return undefined;
  if (!(fromSeconds < toSeconds)) {
    reportProblem(ctx, [...path, 'to'], `the window must end after it starts (from ${fromSeconds} s, to ${toSeconds} s since t = 0)`, 'make to later than from');
    return undefined;
  }
  return { kind: 'nodeBootFailure', pool, probability: f.probability, fromSeconds, toSeconds };
}

function poolOf(name: string, path: FieldPath, ctx: FaultResolveContext): string | undefined {
  if (ctx.virtualPools.has(name)) {
    reportProblem(ctx, path, `"${name}" is a virtual pool: its one node is the provider's virtual-kubelet, which does not boot during the run`, 'name a pool of real nodes');
    return undefined;
  }
  if (ctx.pools.has(name)) return name;
  reportProblem(ctx, path, `no node pool named "${name}"`, suggestionHint(name, [...ctx.pools.keys()].sort(), 'node pools'));
  return undefined;
}
