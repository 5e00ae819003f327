/**
 * spec.faults[].nodeFailure → NodeFailureFault: exactly one of `pool` (a known pool), `node` (a
 * node present at t = 0, named <pool>-<index>) or `zone` (a zone label of a real pool), and `at` or
 * a seeded rate; `recoverAfter` and
 * `nodeMonitorGracePeriod` (≥ 0 s) as durations; `capacityLost` with a zone target only.
 */
import type { z } from 'zod';
import { suggestionHint } from '../did-you-mean.js';
import type { NodeFailureFault } from '../fault-types.js';
import type { NodeFailureSchema } from '../schema/fault-schema.js';
import { knownZone, reportProblem, timingOf, type FaultResolveContext, type FieldPath } from './fault-context.js';

export function resolveNodeFailure(f: z.output<typeof NodeFailureSchema>, path: FieldPath, ctx: FaultResolveContext): NodeFailureFault | undefined {
  const target = targetOf(f, path, ctx);
  const timing = timingOf(f, path, ctx);
  if (target === undefined || timing === undefined) return undefined;
  if (f.capacityLost !== undefined && !('zone' in target)) {
    const [kind, name, pool] = 'pool' in target ? ['pool', target.pool, target.pool] : ['node', target.node, target.node.slice(0, target.node.lastIndexOf('-'))];
    const zone = ctx.poolZones.get(pool);
    const hint =
      zone === undefined
        ? `${kind} "${name}" has no zone: give its pool a topology.kubernetes.io/zone label (nodePools[].labels) and name the zone`
        : `a nodeFailure loses capacity by zone, with every live node of every pool in it: { zone: ${zone}, capacityLost: ${f.capacityLost}, at: …, recoverAfter: … }; to lose only ${kind === 'pool' ? 'this' : 'its'} pool's launches, its nodes staying up: { capacityLoss: { pool: ${pool}, from: …, to: … } }`;
    reportProblem(ctx, [...path, 'capacityLost'], `capacityLost applies to a zone target, not a ${kind}`, hint);
    return undefined;
  }
  return {
    kind: 'nodeFailure',
    target,
    timing,
    ...(f.recoverAfter !== undefined ? { recoverAfterSeconds: f.recoverAfter } : {}),
    ...(f.nodeMonitorGracePeriod !== undefined ? { nodeMonitorGracePeriodSeconds: f.nodeMonitorGracePeriod } : {}),
    ...(f.capacityLost !== undefined ? { capacityLost: f.capacityLost } : {}),
  };
}

function targetOf(f: z.output<typeof NodeFailureSchema>, path: FieldPath, ctx: FaultResolveContext): NodeFailureFault['target'] | undefined {
  if ([f.pool, f.node, f.zone].filter((t) => t !== undefined).length !== 1) {
    reportProblem(ctx, path, 'set exactly one of pool, node or zone', 'e.g. { pool: workers, at: 10m }, { node: workers-0, at: 10m } or { zone: eu-west-1a, at: 10m }');
    return undefined;
  }
  if (f.zone !== undefined) return knownZone(f.zone, [...path, 'zone'], ctx);
  const pools = [...ctx.pools.keys()].sort();
  if (f.pool !== undefined) {
    if (ctx.virtualPools.has(f.pool)) {
      // A pool target picks among the pool's real nodes (node-failure.ts): a virtual pool has none.
      ctx.sink.warn(
        ctx.scenarioRef.warning([...path, 'pool'], `"${f.pool}" is a virtual pool: a pool target picks one of the pool's real nodes, and a virtual pool has none, so this fault never fires`, `to fail the provider's virtual node, name it: node: ${f.pool}-0`),
      );
    }
    if (ctx.pools.has(f.pool)) return { pool: f.pool };
    reportProblem(ctx, [...path, 'pool'], `no node pool named "${f.pool}"`, suggestionHint(f.pool, pools, 'node pools'));
    return undefined;
  }
  const node = f.node as string;
  const initial = pools.flatMap((p) => Array.from({ length: ctx.pools.get(p) ?? 0 }, (_, i) => `${p}-${i}`));
  if (initial.includes(node)) return { node };
  reportProblem(ctx, [...path, 'node'], `no node named "${node}" at t = 0`, suggestionHint(node, initial, 'nodes (<pool>-<index>)'));
  return undefined;
}
