/**
 * The HPA control loop for one HorizontalPodAutoscaler: every sync period read the target's scale
 * and (when spec.replicas is within its bounds and not a disabled 0) the metrics, evaluate each metric, reconcile (pure, src/autoscalers/hpa/reconcile.ts), write
 * spec.replicas, and record the decision. It owns the in-memory history, as horizontal.go does.
 */
import { Phase } from '../core/phases.js';
import type { Simulation } from '../core/simulation.js';
import { evaluateMetric, notComputed, resolveMetricSpec, type MetricEvaluationInput, type MetricObservation, type MetricProposal, type ResolvedMetricSpec } from '../autoscalers/hpa/evaluate-metric.js';
import { pathWithoutMetrics, reconcileHpa, type ReconcileInput } from '../autoscalers/hpa/reconcile.js';
import { StabilizationWindow } from '../autoscalers/hpa/recommendation-history.js';
import { resolveTolerances } from '../autoscalers/hpa/tolerance.js';
import type { HpaControllerConfig, HpaHistory, HpaSpec, Tolerances } from '../autoscalers/hpa/types.js';
import type { MetricSeries } from '../engine/metric-series.js';
import type { WorkloadRuntime } from '../engine/workload-runtime.js';
import type { MetricsServer } from '../metrics/metrics-server.js';
import type { SimObserver } from '../observe/observer.js';
import { listensTo, wantsEvery } from '../observe/observer.js';
import type { HpaDecisionRecord, MetricDecision } from '../observe/records.js';
import { RepeatedHpaDecision, type HpaConditionReasons } from './decision-repeat.js';
import { metricObserver, tallyPodClasses, type ExternalMetricProvider, type MetricObserver, type ObservationContext, type PodsObservation } from './hpa-observations.js';

const NOT_OBSERVED: MetricObservation = { kind: 'error', message: 'not read on this path' };

/** Why a sync on one of pathWithoutMetrics's branches reads no metric, for the decision record. */
const NOT_READ_BECAUSE: Readonly<Record<NonNullable<ReturnType<typeof pathWithoutMetrics>>, (spec: HpaSpec, specReplicas: number) => string>> = {
  disabled: () => 'spec.replicas is 0, scaling is disabled',
  aboveMax: (spec, specReplicas) => `spec.replicas ${specReplicas} is above maxReplicas ${spec.maxReplicas}`,
  belowMin: (spec, specReplicas) => `spec.replicas ${specReplicas} is below minReplicas ${spec.minReplicas}`,
};

/** A metric's latest value, kept in place between syncs (no per-sync object outlives the sync). */
interface LastValue {
  ok: boolean;
  utilizationPercent: number | undefined;
  averageValueMilli: number | undefined;
  valueMilli: number | undefined;
}

function rememberValue(last: LastValue, p: MetricProposal): void {
  last.ok = p.ok;
  last.utilizationPercent = p.ok ? p.currentValue.utilizationPercent : undefined;
  last.averageValueMilli = p.ok ? p.currentValue.averageValueMilli : undefined;
  last.valueMilli = p.ok ? p.currentValue.valueMilli : undefined;
}

/** The metric's target in the terms its values are shown in: `50%` (Utilization), `500m` or `50` (AverageValue, Value). */
function formatTarget(spec: HpaSpec['metrics'][number]): string {
  const t = spec.target;
  if (t.type === 'Utilization') return t.averageUtilizationPercent === undefined ? '' : `${t.averageUtilizationPercent}%`;
  const milli = t.type === 'AverageValue' ? t.averageValueMilli : t.valueMilli;
  return milli === undefined ? '' : formatCurrentValue({ utilizationPercent: undefined, averageValueMilli: milli, valueMilli: undefined }, spec);
}

function formatValue(p: MetricProposal, spec: HpaSpec['metrics'][number]): string {
  return p.ok ? formatCurrentValue(p.currentValue, spec) : '';
}

function formatCurrentValue(v: Omit<LastValue, 'ok'> | Extract<MetricProposal, { ok: true }>['currentValue'], spec: HpaSpec['metrics'][number]): string {
  if (v.utilizationPercent !== undefined) return `${v.utilizationPercent}%`;
  const milli = v.averageValueMilli ?? v.valueMilli;
  if (milli === undefined) return '';
  if (spec.type === 'Resource' || spec.type === 'ContainerResource') {
    return spec.resourceName === 'cpu' ? `${milli}m` : `${Math.round(milli / 1000)}`;
  }
  return `${Math.round(milli) / 1000}`;
}

export class HpaController {
  private history: HpaHistory = { recommendations: undefined, scaleUpEvents: [], scaleDownEvents: [] };
  private readonly tolerances: Tolerances;
  /** Number of syncs and of scale-ups / scale-downs written. */
  readonly counts = { syncs: 0, scaleUps: 0, scaleDowns: 0 };
  /** The proposals of the latest sync (formatted only when read). */
  private readonly lastValues: LastValue[];
  // Reused by every sync (none is kept past it): the observation context, one observation and one
  // proposal per metric, and the calculators' inputs.
  private readonly ctx: ObservationContext;
  /** One per metric, made once (what they read of the target's pod template does not change). */
  private readonly observers: MetricObserver[];
  private readonly observations: MetricObservation[];
  private readonly proposals: MetricProposal[];
  private readonly evaluation: MetricEvaluationInput;
  /** Each metric's spec resolved once (its name, calculator and target do not change during a run). */
  private readonly resolved: ResolvedMetricSpec[];
  /** One per metric, refilled by its observation at each sync (see ObservationContext.reuse). */
  private readonly podObservations: PodsObservation[];
  private readonly reconcileInput: ReconcileInput;
  /** The previous decision, for observers that only want changes. */
  private readonly repeat = new RepeatedHpaDecision();
  /** status.conditions ScalingActive and ScalingLimited as the HPA shows them ('' before any sync set one). */
  private readonly conditions: HpaConditionReasons = { scalingActive: '', scalingLimited: '' };
  /** Each metric's target as decisions.csv shows it (the spec does not change during a run). */
  private readonly targetTexts: string[];

  constructor(
    readonly spec: HpaSpec,
    private readonly target: WorkloadRuntime,
    metricsServer: MetricsServer,
    series: ReadonlyMap<string, MetricSeries>,
    private readonly config: HpaControllerConfig,
    private readonly observer: SimObserver,
    externalMetrics?: ExternalMetricProvider,
  ) {
    this.tolerances = resolveTolerances(spec.behavior, config);
    this.targetTexts = spec.metrics.map(formatTarget);
    this.resolved = spec.metrics.map(resolveMetricSpec);
    this.lastValues = spec.metrics.map(() => ({ ok: false, utilizationPercent: undefined, averageValueMilli: undefined, valueMilli: undefined }));
    this.ctx = { target, metricsServer, series, config, nowSeconds: 0, podTotals: true };
    this.observers = spec.metrics.map((m) => metricObserver(m, target));
    if (externalMetrics) this.ctx.externalMetrics = externalMetrics;
    const none: MetricObservation = { kind: 'error', message: 'not observed yet' };
    this.podObservations = spec.metrics.map(() => ({ kind: 'pods', pods: [], distinctNames: true }));
    this.observations = spec.metrics.map(() => none);
    this.proposals = spec.metrics.map(() => ({ ok: false, metricName: '', reason: 'InvalidMetricSourceType', message: '' }));
    // Its spec and observation are set for each metric before it is read (an HPA without metrics never reads it).
    this.evaluation = { spec: spec.metrics[0]!, observation: none, specReplicas: 0, statusReplicas: 0, tolerances: this.tolerances };
    // The controller keeps only the latest history: each sync records into its list in place.
    this.reconcileInput = { nowSeconds: 0, spec, specReplicas: 0, statusReplicas: 0, proposals: this.proposals, history: this.history, config, recordInPlace: true };
  }

  /**
   * Whether cpu and memory metrics may come from class counts kept between syncs while they hold
   * (src/controllers/hpa-pod-totals.ts) instead of a walk over the pods at each sync: the same
   * proposals either way. Tests turn it off to compare the two.
   */
  get podTotals(): boolean {
    return this.ctx.podTotals;
  }

  set podTotals(on: boolean) {
    this.ctx.podTotals = on;
  }

  /** The metric values of the latest sync as decisions.csv shows them (`45%`, `250m`…). */
  get lastMetricValues(): string[] {
    return this.lastValues.map((v, i) => (v.ok ? formatCurrentValue(v, this.spec.metrics[i]!) : ''));
  }

  /** Starts the loop: first sync at `firstSyncSeconds`, then every sync period. */
  start(sim: Simulation, firstSyncSeconds: number): void {
    sim.every(firstSyncSeconds, this.config.syncPeriodSeconds, Phase.CONTROL, `hpa/${this.spec.name}`, () => this.sync(sim.nowSeconds));
  }

  sync(nowSeconds: number): void {
    const workload = this.target.controller;
    const specReplicas = workload.specReplicas;
    const statusReplicas = workload.statusReplicas;
    const { ctx, observations, proposals, evaluation } = this;
    ctx.nowSeconds = nowSeconds;
    const specs = this.spec.metrics;
    const early = pathWithoutMetrics(this.spec, specReplicas);
    if (early !== undefined) {
      const skipped = NOT_READ_BECAUSE[early](this.spec, specReplicas);
      // horizontal.go reconcileAutoscaler reads no metric on these paths: no query reaches a metrics
      // API (KEDA's adapter would count a failing trigger's read toward its fallback).
      for (let i = 0; i < specs.length; i++) {
        observations[i] = NOT_OBSERVED;
        proposals[i] = notComputed(specs[i]!, skipped);
      }
    } else {
      for (let i = 0; i < specs.length; i++) {
        ctx.reuse = this.podObservations[i];
        observations[i] = this.observers[i]!(ctx);
      }
      evaluation.specReplicas = specReplicas;
      evaluation.statusReplicas = statusReplicas;
      for (let i = 0; i < specs.length; i++) {
        evaluation.spec = specs[i]!;
        evaluation.resolved = this.resolved[i];
        evaluation.observation = observations[i]!;
        proposals[i] = evaluateMetric(evaluation);
      }
    }
    const input = this.reconcileInput;
    input.nowSeconds = nowSeconds;
    input.specReplicas = specReplicas;
    input.statusReplicas = statusReplicas;
    input.history = this.history;
    const result = reconcileHpa(input);
    this.history = result.history;
    this.counts.syncs++;
    if (result.rescale) {
      if (result.desiredReplicas > specReplicas) this.counts.scaleUps++;
      else this.counts.scaleDowns++;
      workload.scale(result.desiredReplicas);
      this.observer.replicasWritten?.({ timeSeconds: nowSeconds, autoscaler: 'hpa', name: this.spec.name, target: workload.spec.name, fromReplicas: specReplicas, toReplicas: result.desiredReplicas });
    }
    for (let i = 0; i < proposals.length; i++) rememberValue(this.lastValues[i]!, proposals[i]!);
    // A sync that sets no ScalingActive/ScalingLimited condition (aboveMax, belowMin) leaves the HPA's as they were.
    const conditions = this.conditions;
    if (result.conditions.scalingActive !== null) conditions.scalingActive = result.conditions.scalingActive.reason;
    if (result.conditions.scalingLimited !== null) conditions.scalingLimited = result.conditions.scalingLimited.reason;
    if (!listensTo(this.observer, 'hpaDecision')) return;
    const readyPods = this.target.servingPods;
    if (!wantsEvery(this.observer, 'hpaDecision') && this.repeat.repeats(specReplicas, statusReplicas, readyPods, result, conditions, proposals, observations)) return;
    const metrics: MetricDecision[] = proposals.map((p, i) => {
      const observation = observations[i]!;
      // A value served by someone other than the metric (KEDA's fallback) says so beside the calculator's reason.
      const reason = p.ok && observation.kind === 'values' && observation.note !== undefined ? `${p.reason}; ${observation.note}` : p.reason;
      const d: MetricDecision = { metricName: p.metricName, ok: p.ok, currentValue: formatValue(p, this.spec.metrics[i]!), target: this.targetTexts[i]!, reason };
      if (p.ok) d.proposedReplicas = p.desiredReplicas;
      else d.message = p.message;
      const classes = tallyPodClasses(observations[i]!, { ready: 0, unready: 0, missing: 0, ignored: 0 });
      if (classes) d.podClasses = classes;
      return d;
    });
    const record: HpaDecisionRecord = {
      timeSeconds: nowSeconds,
      hpa: this.spec.name,
      target: workload.spec.name,
      specReplicas,
      statusReplicas,
      readyPods,
      metrics,
      desiredReplicas: result.desiredReplicas,
      rescale: result.rescale,
      ableToScale: result.conditions.ableToScale.reason,
      scalingActive: conditions.scalingActive,
      scalingLimited: conditions.scalingLimited,
      path: result.trace.path,
      stabilizationWindow: result.trace.stabilizationWindow ?? StabilizationWindow.EMPTY,
    };
    if (result.metricDesiredReplicas !== undefined) record.metricDesiredReplicas = result.metricDesiredReplicas;
    if (result.stabilizedReplicas !== undefined) record.stabilizedReplicas = result.stabilizedReplicas;
    if (result.trace.scaleUpLimit !== undefined) record.scaleUpLimit = result.trace.scaleUpLimit;
    if (result.trace.scaleDownLimit !== undefined) record.scaleDownLimit = result.trace.scaleDownLimit;
    this.observer.hpaDecision?.(record);
  }
}
