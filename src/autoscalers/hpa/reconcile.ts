/**
 * One full HPA sync as a pure function (§1.2–§1.11): horizontal.go `reconcileAutoscaler` from the
 * scale read to the scale write, without the clock, the API calls or the controller's maps.
 */
import { resolveBehavior, type ResolvedBehavior } from './behavior-rules.js';
import { combineProposals, type CombinedProposals } from './combine-proposals.js';
import type { MetricProposal } from './evaluate-metric.js';
import { normalizeLegacy, normalizeWithBehaviors } from './normalize-desired-replicas.js';
import { seedRecommendations, type StabilizationWindow } from './recommendation-history.js';
import { storeScaleEvent } from './scale-events.js';
import type {
  AbleToScaleReason,
  HpaControllerConfig,
  HpaHistory,
  HpaSpec,
  ScalingActiveReason,
  ScalingLimitedReason,
  TimestampedRecommendation,
} from './types.js';

export interface ReconcileInput {
  nowSeconds: number;
  spec: Pick<HpaSpec, 'minReplicas' | 'maxReplicas' | 'behavior'>;
  /** scale.spec.replicas (currentReplicas). */
  specReplicas: number;
  /** scale.status.replicas. */
  statusReplicas: number;
  /** One per spec.metrics entry, already evaluated with the tolerances of `resolveTolerances`. */
  proposals: MetricProposal[];
  history: HpaHistory;
  config: HpaControllerConfig;
  /**
   * The caller hands `history`'s recommendation list over (the HPA controller, which keeps only the
   * latest history): the sync's recommendation is recorded into it in place, and the result's history
   * holds the same list. Without it the input history is never mutated.
   */
  recordInPlace?: boolean;
}

export type ReconcilePath = 'disabled' | 'aboveMax' | 'belowMin' | 'legacy' | 'behavior' | 'metricsFailed';

export interface ReconcileConditions {
  ableToScale: { status: boolean; reason: AbleToScaleReason };
  /** null: this sync sets no ScalingActive condition, the HPA keeps the one it had (aboveMax, belowMin). */
  scalingActive: { status: boolean; reason: ScalingActiveReason; message?: string } | null;
  /** null: this sync sets no ScalingLimited condition, the HPA keeps the one it had (aboveMax, belowMin). */
  scalingLimited: { status: boolean; reason: ScalingLimitedReason } | null;
}

export interface ReconcileResult {
  desiredReplicas: number;
  rescale: boolean;
  /** Max over valid proposals (absent when not computed). */
  metricDesiredReplicas?: number;
  stabilizedReplicas?: number;
  conditions: ReconcileConditions;
  /** For decisions.csv and `explain`: the branch taken, the stabilization window used, the policy limits computed. */
  trace: {
    path: ReconcilePath;
    stabilizationWindow?: StabilizationWindow;
    scaleUpLimit?: number;
    scaleDownLimit?: number;
  };
  /** The NEW history; the input history is never mutated (but for its recommendation list with recordInPlace). */
  history: HpaHistory;
}

/** State shared by the branches of one sync. */
interface SyncContext {
  input: ReconcileInput;
  current: number;
  /** History after first-reconcile seeding. */
  history: HpaHistory & { recommendations: readonly TimestampedRecommendation[] };
  behavior: ResolvedBehavior | null;
}

/**
 * The branches of reconcileAutoscaler taken before computeReplicasForMetrics, which therefore read
 * no metric: spec.replicas 0 with minReplicas ≠ 0 (scaling disabled), above max, below min.
 */
export function pathWithoutMetrics(spec: Pick<HpaSpec, 'minReplicas' | 'maxReplicas'>, specReplicas: number): 'disabled' | 'aboveMax' | 'belowMin' | undefined {
  if (specReplicas === 0 && spec.minReplicas !== 0) return 'disabled';
  if (specReplicas > spec.maxReplicas) return 'aboveMax';
  if (specReplicas < spec.minReplicas) return 'belowMin';
  return undefined;
}

/**
 * One sync. Order:
 * 1. first-reconcile seeding: an undefined recommendation list becomes `[{specReplicas, now}]`, so a
 *    new HPA (or one after a controller restart) cannot scale down during the first window;
 * 2. `specReplicas == 0` with `minReplicas != 0` → scaling disabled, no action;
 * 3. `specReplicas > max` → max, `specReplicas < min` → min, at once: no metrics, no stabilization,
 *    no rate limit, no recommendation recorded;
 * 4. otherwise the maximum of the proposals with the §1.9 failure rules (a blocked sync keeps the
 *    history as seeded), then legacy (`behavior` null) or behavior normalization.
 * A scale event is stored whenever the result differs from `specReplicas` and `behavior` is set.
 */
export function reconcileHpa(input: ReconcileInput): ReconcileResult {
  const { nowSeconds, spec, specReplicas: current } = input;
  const ctx: SyncContext = {
    input,
    current,
    history: {
      recommendations: seedRecommendations(input.history.recommendations, current, nowSeconds),
      // Shared, not copied: event lists are never mutated (storeScaleEvent returns new ones).
      scaleUpEvents: input.history.scaleUpEvents,
      scaleDownEvents: input.history.scaleDownEvents,
    },
    behavior: spec.behavior === null ? null : resolveBehavior(spec.behavior, input.config),
  };
  const early = pathWithoutMetrics(spec, current);
  if (early === 'disabled') return disabledResult(ctx);
  if (early === 'aboveMax') return rescaleAtOnce(ctx, spec.maxReplicas, early);
  if (early === 'belowMin') return rescaleAtOnce(ctx, spec.minReplicas, early);
  const combined = combineProposals(input.proposals, current);
  return combined.ok ? normalizedResult(ctx, combined) : metricsFailedResult(ctx, combined);
}

/**
 * Scaling disabled (spec.replicas 0, minReplicas ≠ 0), and a sync whose metrics all failed: as in
 * horizontal.go, AbleToScale=SucceededGetScale (set once the scale was read) and ScalingActive are
 * set; ScalingLimited is not touched, so it stays as the previous sync left it (null: the caller
 * keeps it), e.g. TooFewReplicas through a metrics-server outage.
 */
function disabledResult(ctx: SyncContext): ReconcileResult {
  return {
    desiredReplicas: 0,
    rescale: false,
    conditions: {
      ableToScale: { status: true, reason: 'SucceededGetScale' },
      scalingActive: { status: false, reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' },
      scalingLimited: null,
    },
    trace: { path: 'disabled' },
    history: ctx.history,
  };
}

/**
 * The out-of-range branches: straight to the bound. horizontal.go sets only the rescale reason there
 * (AbleToScale=SucceededRescale once the scale is written): ScalingActive and ScalingLimited stay
 * as the previous sync left them, which the caller keeps.
 */
function rescaleAtOnce(ctx: SyncContext, desired: number, path: ReconcilePath): ReconcileResult {
  return {
    desiredReplicas: desired,
    rescale: true,
    conditions: {
      ableToScale: { status: true, reason: 'SucceededRescale' },
      scalingActive: null,
      scalingLimited: null,
    },
    trace: { path },
    history: storeScaleEvent(ctx.history, ctx.behavior, ctx.current, desired, ctx.input.nowSeconds).history,
  };
}

function metricsFailedResult(ctx: SyncContext, combined: Extract<CombinedProposals, { ok: false }>): ReconcileResult {
  const result: ReconcileResult = {
    desiredReplicas: ctx.current,
    rescale: false,
    conditions: {
      ableToScale: { status: true, reason: 'SucceededGetScale' },
      scalingActive: { status: false, reason: combined.reason, message: combined.message },
      scalingLimited: null,
    },
    trace: { path: 'metricsFailed' },
    history: ctx.history,
  };
  if (combined.metricDesiredReplicas !== undefined) result.metricDesiredReplicas = combined.metricDesiredReplicas;
  return result;
}

function normalizedResult(ctx: SyncContext, combined: Extract<CombinedProposals, { ok: true }>): ReconcileResult {
  const { input, current, behavior } = ctx;
  const normalizeInput = {
    nowSeconds: input.nowSeconds,
    currentReplicas: current,
    // reconcileAutoscaler starts from `desiredReplicas := int32(0)` and takes the metrics' proposal
    // only when it is larger: a negative proposal is normalized as 0.
    desiredReplicas: combined.metricDesiredReplicas > 0 ? combined.metricDesiredReplicas : 0,
    minReplicas: input.spec.minReplicas,
    maxReplicas: input.spec.maxReplicas,
    history: ctx.history,
    config: input.config,
    recordInPlace: input.recordInPlace,
  };
  const norm = behavior === null ? normalizeLegacy(normalizeInput) : normalizeWithBehaviors(normalizeInput, behavior);
  const desired = norm.desiredReplicas;
  const rescale = desired !== current;
  const history = storeScaleEvent({ ...ctx.history, recommendations: norm.recommendations }, behavior, current, desired, input.nowSeconds).history;
  const trace: ReconcileResult['trace'] = {
    path: behavior === null ? 'legacy' : 'behavior',
    stabilizationWindow: norm.window,
  };
  if (norm.scaleUpLimit !== undefined) trace.scaleUpLimit = norm.scaleUpLimit;
  if (norm.scaleDownLimit !== undefined) trace.scaleDownLimit = norm.scaleDownLimit;
  return {
    desiredReplicas: desired,
    rescale,
    metricDesiredReplicas: combined.metricDesiredReplicas,
    stabilizedReplicas: norm.stabilizedReplicas,
    conditions: {
      ableToScale: ableToScale(rescale ? 'SucceededRescale' : norm.ableToScaleReason),
      scalingActive: validMetricFound(combined.metricName),
      scalingLimited: scalingLimited(desired !== norm.stabilizedReplicas, norm.limitedReason),
    },
    trace,
    history,
  };
}

// The conditions of a normal sync come from a few reasons and the metric names of the HPAs: each is
// made once, frozen and shared (a sync would otherwise build three objects and a message).
const ABLE_TO_SCALE = new Map<AbleToScaleReason, ReconcileConditions['ableToScale']>();
const VALID_METRIC_FOUND = new Map<string, ReconcileConditions['scalingActive']>();
const SCALING_LIMITED = [new Map<ScalingLimitedReason, ReconcileConditions['scalingLimited']>(), new Map<ScalingLimitedReason, ReconcileConditions['scalingLimited']>()] as const;

function ableToScale(reason: AbleToScaleReason): ReconcileConditions['ableToScale'] {
  let condition = ABLE_TO_SCALE.get(reason);
  if (condition === undefined) ABLE_TO_SCALE.set(reason, (condition = Object.freeze({ status: true, reason })));
  return condition;
}

function validMetricFound(metricName: string): ReconcileConditions['scalingActive'] {
  let condition = VALID_METRIC_FOUND.get(metricName);
  if (condition === undefined) {
    const message = `the HPA was able to successfully calculate a replica count from ${metricName}`;
    VALID_METRIC_FOUND.set(metricName, (condition = Object.freeze({ status: true, reason: 'ValidMetricFound' as const, message })));
  }
  return condition;
}

function scalingLimited(status: boolean, reason: ScalingLimitedReason): ReconcileConditions['scalingLimited'] {
  const byReason = SCALING_LIMITED[status ? 1 : 0];
  let condition = byReason.get(reason);
  if (condition === undefined) byReason.set(reason, (condition = Object.freeze({ status, reason })));
  return condition;
}
