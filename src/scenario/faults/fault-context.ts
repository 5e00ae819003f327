/**
 * What the spec.faults resolvers share: the names faults may refer to, the run's start (for clock
 * times), and the helpers that turn instants, windows and timings into seconds since t = 0,
 * reporting each problem at its field (one pass: every problem of every item is collected).
 */
import { suggestionHint } from '../did-you-mean.js';
import type { ProblemSink } from '../problem-sink.js';
import { clockTimeToSimulationSeconds, type StartInstant } from '../resolve-start-time.js';
import type { FaultInstant } from '../schema/fault-schema.js';
import type { FaultTiming } from '../fault-types.js';
import type { DocRef } from '../yaml/doc-ref.js';

export type FieldPath = (string | number)[];

export interface FaultResolveContext {
  /** Deployment and StatefulSet names of the manifests. */
  workloads: readonly string[];
  /** Node pools and their node count at t = 0 (nodes are named <pool>-<index>). */
  pools: ReadonlyMap<string, number>;
  /** The virtual pools (ECI, Fargate) among them: their one node is the provider's virtual-kubelet. */
  virtualPools: ReadonlySet<string>;
  /** The zone of each real pool that has one, by pool name (its zone label, pool-zones.ts). */
  poolZones: ReadonlyMap<string, string>;
  start: StartInstant;
  scenarioRef: DocRef;
  sink: ProblemSink;
}

export function reportProblem(ctx: FaultResolveContext, path: FieldPath, message: string, hint?: string): void {
  ctx.sink.error(ctx.scenarioRef.problem(path, message, hint));
}

/** Seconds since t = 0 of an instant; a clock time before the start is a problem (undefined). */
export function instantSeconds(instant: FaultInstant, path: FieldPath, ctx: Pick<FaultResolveContext, 'start' | 'scenarioRef' | 'sink'>): number | undefined {
  if (instant.kind === 'elapsed') return instant.seconds;
  const seconds = clockTimeToSimulationSeconds(instant.secondsOfDay, ctx.start);
  if (seconds >= 0) return seconds;
  ctx.sink.error(
    ctx.scenarioRef.problem(path, `clock time ${instant.text} on the first day is ${-seconds} s before the run starts`, 'write a duration since t = 0 instead (e.g. "20h"), or an earlier spec.startTime'),
  );
  return undefined;
}

/** A window from < to, in seconds; undefined after reporting a problem. */
export function windowSeconds(f: { from: FaultInstant; to: FaultInstant }, path: FieldPath, ctx: FaultResolveContext): { fromSeconds: number; toSeconds: number } | undefined {
  const from = instantSeconds(f.from, [...path, 'from'], ctx);
  const to = instantSeconds(f.to, [...path, 'to'], ctx);
  if (from === undefined || to === undefined) return undefined;
  if (!(from < to)) {
    reportProblem(ctx, [...path, 'to'], `the fault must end after it starts (from ${from} s, to ${to} s since t = 0)`, 'make to later than from');
    return undefined;
  }
  return { fromSeconds: from, toSeconds: to };
}

interface TimingInput {
  at?: FaultInstant | undefined;
  ratePerHour?: number | undefined;
  from?: FaultInstant | undefined;
  to?: FaultInstant | undefined;
}

/** Exactly one of `at` or `ratePerHour`; `from`/`to` bound a rate (default: the whole run). */
export function timingOf(f: TimingInput, path: FieldPath, ctx: FaultResolveContext): FaultTiming | undefined {
  if ((f.at === undefined) === (f.ratePerHour === undefined)) {
    reportProblem(ctx, path, 'set exactly one of at or ratePerHour', 'e.g. { at: 5m, … } or { ratePerHour: 2, from: 1h, to: 3h, … }');
    return undefined;
  }
  if (f.at !== undefined) {
    if (f.from !== undefined || f.to !== undefined) {
      reportProblem(ctx, [...path, f.from !== undefined ? 'from' : 'to'], 'from and to bound a ratePerHour; a fault at one instant takes only at');
      return undefined;
    }
    const at = instantSeconds(f.at, [...path, 'at'], ctx);
    return at === undefined ? undefined : { kind: 'at', atSeconds: at };
  }
  const from = f.from === undefined ? 0 : instantSeconds(f.from, [...path, 'from'], ctx);
  const to = f.to === undefined ? undefined : instantSeconds(f.to, [...path, 'to'], ctx);
  if (from === undefined || (f.to !== undefined && to === undefined)) return undefined;
  if (to !== undefined && !(from < to)) {
    reportProblem(ctx, [...path, 'to'], `the fault must end after it starts (from ${from} s, to ${to} s since t = 0)`, 'make to later than from');
    return undefined;
  }
  return { kind: 'rate', ratePerHour: f.ratePerHour as number, fromSeconds: from, toSeconds: to };
}

/** The workload name if the manifests hold it; otherwise a problem with a suggestion. */
export function knownWorkload(name: string, path: FieldPath, ctx: FaultResolveContext): string | undefined {
  if (ctx.workloads.includes(name)) return name;
  reportProblem(ctx, [...path, 'workload'], `no Deployment or StatefulSet named "${name}" in the manifests`, suggestionHint(name, [...ctx.workloads].sort(), 'workloads'));
  return undefined;
}

/** `{ zone }` when `zone` is a real pool's zone label; else a problem at `path` naming the known zones or how to label pools. */
export function knownZone(zone: string, path: FieldPath, ctx: FaultResolveContext): { zone: string } | undefined {
  const zones = [...new Set(ctx.poolZones.values())].sort();
  if (zones.includes(zone)) return { zone };
  const hint = zones.length === 0 ? 'no node pool has a zone: give pools a topology.kubernetes.io/zone label (nodePools[].labels)' : suggestionHint(zone, zones, 'zones');
  reportProblem(ctx, path, `no node pool in zone "${zone}"`, hint);
  return undefined;
}

/** `name` when it is a known pool of real nodes; else a problem at `path`: `virtual` says why a virtual pool will not do, an unknown name gets suggestions. */
export function knownRealPool(name: string, path: FieldPath, ctx: FaultResolveContext, virtual: { message: string; hint: string }): string | undefined {
  if (ctx.virtualPools.has(name)) {
    reportProblem(ctx, path, `"${name}" is a virtual pool: ${virtual.message}`, virtual.hint);
    return undefined;
  }
  if (ctx.pools.has(name)) return name;
  reportProblem(ctx, path, `no node pool named "${name}"`, suggestionHint(name, [...ctx.pools.keys()].sort(), 'node pools'));
  return undefined;
}
