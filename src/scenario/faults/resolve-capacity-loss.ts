/**
 * spec.faults[].capacityLoss → CapacityLossFault: exactly one of `zone` (a zone label of a real
 * pool) or `pool` (a known pool that is not virtual: a virtual pool's provider has its own
 * stockOuts), a window from < to (to optional: for the rest of the run), and `reported` (default
 * true) as the loss's kind.
 */
import type { z } from 'zod';
import type { CapacityLossFault } from '../fault-types.js';
import type { CapacityLossSchema } from '../schema/fault-schema.js';
import { instantSeconds, knownRealPool, knownZone, reportProblem, type FaultResolveContext, type FieldPath } from './fault-context.js';

export function resolveCapacityLoss(f: z.output<typeof CapacityLossSchema>, path: FieldPath, ctx: FaultResolveContext): CapacityLossFault | undefined {
  const scope = scopeOf(f, path, ctx);
  const fromSeconds = instantSeconds(f.from, [...path, 'from'], ctx);
  const toSeconds = f.to === undefined ? Number.POSITIVE_INFINITY : instantSeconds(f.to, [...path, 'to'], ctx);
  if (scope === undefined || fromSeconds === undefined || toSeconds === undefined) return undefined;
  if (!(fromSeconds < toSeconds)) {
    reportProblem(ctx, [...path, 'to'], `the loss must end after it starts (from ${fromSeconds} s, to ${toSeconds} s since t = 0)`, 'make to later than from, or leave it out for the rest of the run');
    return undefined;
  }
  return { kind: 'capacityLoss', scope, fromSeconds, toSeconds, loss: f.reported ? 'reported' : 'unreported' };
}

function scopeOf(f: z.output<typeof CapacityLossSchema>, path: FieldPath, ctx: FaultResolveContext): CapacityLossFault['scope'] | undefined {
  if ((f.zone === undefined) === (f.pool === undefined)) {
    reportProblem(ctx, path, 'set exactly one of zone or pool', 'e.g. { zone: eu-west-1a, from: 2h, to: 3h } or { pool: workers, from: 2h, to: 3h }');
    return undefined;
  }
  if (f.zone !== undefined) return knownZone(f.zone, [...path, 'zone'], ctx);
  const pool = knownRealPool(f.pool as string, [...path, 'pool'], ctx, { message: "its provider's shortages are the pool's virtual.stockOuts", hint: 'name a pool of real nodes, or set stockOuts on the virtual pool' });
  return pool === undefined ? undefined : { pool };
}
