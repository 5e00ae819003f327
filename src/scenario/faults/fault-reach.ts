/**
 * Warnings about spec.faults items that can never fire, found once the run's length is known: a
 * fault whose instant (`at`, or the `from` that opens its window or rate) is at or after the end of
 * the run (events run while t < duration), and a `pod` index beyond the most pods its workload ever
 * has (workload-pod-bounds.ts); a livenessFailure on a container without a livenessProbe, which
 * upstream's kubelet would never restart; and a nodeBootFailure or capacityLoss on a pool that never
 * adds a node.
 * These are warnings, not errors: --duration may lengthen the run, and the scenario still runs (the
 * fault simply does nothing).
 */
import type { ProblemSink } from '../problem-sink.js';
import { clockTimeToSimulationSeconds, type StartInstant } from '../resolve-start-time.js';
import type { FaultInput, FaultInstant, FaultKindName } from '../schema/fault-schema.js';
import { isAutoscaledPool } from '../node-pools/autoscaled-pool.js';
import type { NodePoolSpec } from '../types.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { PodBound } from './workload-pod-bounds.js';
import { formatSpan } from '../../units/format-span.js';

export interface FaultReachContext {
  /** The run's length in seconds, and where it was set (for the hint), e.g. "spec.duration". */
  durationSeconds: number;
  durationSource: string;
  start: StartInstant;
  /** Workload name → the most pods it ever has, where the manifests settle it. */
  podBounds: ReadonlyMap<string, PodBound>;
  /** Workloads whose serving container (the template's first) sets no livenessProbe. */
  withoutLivenessProbe: ReadonlySet<string>;
  /** Pools that may add nodes during the run: autoscaled by an enabled cluster-autoscaler, or spot with interruptions (each replaced). */
  poolsThatAddNodes: ReadonlySet<string>;
  /** The zone of each real pool that has one, by pool name (pool-zones.ts). */
  poolZones: ReadonlyMap<string, string>;
  scenarioRef: DocRef;
  sink: ProblemSink;
}

/** The fields of any fault kind that these checks read (each kind has some of them). */
interface ReachFields {
  at?: FaultInstant;
  from?: FaultInstant;
  workload?: string;
  pod?: number;
  pool?: string;
  zone?: string;
}

/**
 * The pools that may add nodes during the run: those the cluster-autoscaler scales (it is enabled
 * and the pool is autoscaled), and spot pools with an interruption rate, whose interrupted nodes
 * are replaced.
 */
export function poolsThatAddNodes(pools: readonly NodePoolSpec[], clusterAutoscalerEnabled: boolean): Set<string> {
  const grows = (p: NodePoolSpec): boolean =>
    (clusterAutoscalerEnabled && isAutoscaledPool(p)) || (p.billing?.kind === 'spot' && (p.billing.interruptionRatePerHour ?? 0) > 0);
  return new Set(pools.filter(grows).map((p) => p.name));
}

export function warnAboutFaultsThatNeverFire(items: readonly { index: number; fault: FaultInput }[], ctx: FaultReachContext): void {
  for (const { index, fault } of items) {
    const kinds = (Object.keys(fault) as FaultKindName[]).filter((k) => fault[k] !== undefined);
    // An item with no kind or several is already an error.
    if (kinds.length !== 1) continue;
    const kind = kinds[0] as FaultKindName;
    const f = fault[kind] as ReachFields;
    const path = ['spec', 'faults', index, kind];
    checkTime(f, path, ctx);
    checkPodIndex(f, path, ctx);
    if (kind === 'livenessFailure') checkLivenessProbe(f, path, ctx);
    if (kind === 'nodeBootFailure') checkPoolAddsNodes(f, path, 'this fault will never fire', ctx);
    if (kind === 'capacityLoss') checkPoolAddsNodes(f, path, 'no launch is there for the loss to fail', ctx);
    if (kind === 'capacityLoss') checkZoneAddsNodes(f, path, ctx);
  }
}

/**
 * The kubelet runs only the probes a container sets: without a livenessProbe upstream never restarts
 * a container that stops answering. scalesim still applies the fault with the probe's defaults
 * (SetDefaults_Probe: 3 failures 10 s apart), so say so.
 */
function checkLivenessProbe(f: ReachFields, path: (string | number)[], ctx: FaultReachContext): void {
  if (f.workload === undefined || !ctx.withoutLivenessProbe.has(f.workload)) return;
  ctx.sink.warn(
    ctx.scenarioRef.warning(
      [...path, 'workload'],
      `workload ${f.workload}'s container sets no livenessProbe: a real kubelet would never restart a container that stops answering; scalesim restarts it after the probe defaults (3 failures, 10 s apart) as if it had one`,
      'add a livenessProbe to the container, as the fault assumes one',
    ),
  );
}

/** A nodeBootFailure hits nodes as they register, a capacityLoss of a pool its launches: a pool that never adds one gives either nothing to hit. */
function checkPoolAddsNodes(f: ReachFields, path: (string | number)[], consequence: string, ctx: FaultReachContext): void {
  if (f.pool === undefined || ctx.poolsThatAddNodes.has(f.pool)) return;
  ctx.sink.warn(
    ctx.scenarioRef.warning(
      [...path, 'pool'],
      `pool ${f.pool} never adds a node during the run (the cluster-autoscaler does not scale it and it has no spot interruptions to replace), so ${consequence}`,
      'give the pool minSize < maxSize with the cluster-autoscaler enabled, or aim the fault at a pool that grows',
    ),
  );
}

/** A capacityLoss of a zone none of whose pools adds a node has no launch to fail. */
function checkZoneAddsNodes(f: ReachFields, path: (string | number)[], ctx: FaultReachContext): void {
  const pools = [...ctx.poolZones].filter(([, zone]) => zone === f.zone).map(([pool]) => pool);
  if (f.zone === undefined || pools.length === 0 || pools.some((p) => ctx.poolsThatAddNodes.has(p))) return;
  ctx.sink.warn(
    ctx.scenarioRef.warning(
      [...path, 'zone'],
      `no pool of zone ${f.zone} (${pools.join(', ')}) adds a node during the run (the cluster-autoscaler does not scale them and they have no spot interruptions to replace), so no launch is there for the loss to fail`,
      'give a pool of the zone minSize < maxSize with the cluster-autoscaler enabled, or aim the fault at a zone that grows',
    ),
  );
}

function checkTime(f: ReachFields, path: (string | number)[], ctx: FaultReachContext): void {
  const field = f.at !== undefined ? 'at' : f.from !== undefined ? 'from' : undefined;
  const instant = field === 'at' ? f.at : f.from;
  if (field === undefined || instant === undefined || !(ctx.durationSeconds > 0)) return;
  const seconds = instant.kind === 'elapsed' ? instant.seconds : clockTimeToSimulationSeconds(instant.secondsOfDay, ctx.start);
  // A clock time before the start is already an error.
  if (seconds < 0 || seconds < ctx.durationSeconds) return;
  const when = instant.kind === 'elapsed' ? formatSpan(seconds, 3) : `${instant.text} (${formatSpan(seconds, 3)} after t = 0)`;
  const end = `${seconds > ctx.durationSeconds ? 'after' : 'as'} the run ends at ${formatSpan(ctx.durationSeconds, 3)}`;
  ctx.sink.warn(
    ctx.scenarioRef.warning(
      [...path, field],
      `${field === 'at' ? 'fires' : 'starts'} at ${when}, ${end}: it will never fire`,
      `the run lasts ${formatSpan(ctx.durationSeconds, 3)} (${ctx.durationSource}); move the fault earlier, or make the run longer (spec.duration, or --duration)`,
    ),
  );
}

function checkPodIndex(f: ReachFields, path: (string | number)[], ctx: FaultReachContext): void {
  if (f.pod === undefined || f.workload === undefined) return;
  const bound = ctx.podBounds.get(f.workload);
  if (bound === undefined || f.pod < bound.max) return;
  const most = bound.max === 0 ? 'never has a pod' : `never has more than ${bound.max} ${bound.max === 1 ? 'pod' : 'pods'}`;
  const range = bound.max === 0 ? '' : `pods are counted from 0, oldest first (${bound.max === 1 ? 'only pod 0' : `pod 0 to ${bound.max - 1}`}); `;
  ctx.sink.warn(
    ctx.scenarioRef.warning(
      [...path, 'pod'],
      `pod ${f.pod} of workload ${f.workload}: the workload ${most}, so this fault will never fire`,
      `${bound.why}; ${range}leave pod out to hit a running pod at random`,
    ),
  );
}
