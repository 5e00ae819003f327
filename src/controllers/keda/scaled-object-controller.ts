/**
 * One ScaledObject at run time: KEDA's polling loop (scale_handler.go startScaleLoop → checkScalers →
 * executor RequestScale) decides activation, 0↔1 (or idle↔min) and lastActiveTime; the HPA it
 * generates scales 1↔N on its own sync, reading External metrics through KEDA's metrics adapter
 * (GetScaledObjectMetrics): a fresh scaler read unless useCachedMetrics, with fallback. Failures are
 * counted only there, at the HPA's reads: the polling loop (getScaledObjectState → getScalerState)
 * never calls GetMetricsWithFallback. docs/fidelity-spec.md §3.5 and §9.5 say both call sites count;
 * upstream's code does not, and the HPA reads no metric while the target is at 0 replicas.
 */
import { combineTriggerActivity, type ScaledObjectActivityInput, type TriggerState } from '../../autoscalers/keda/activity.js';
import { planScaledObjectScale, type ExecutorInput } from '../../autoscalers/keda/executor.js';
import { applyFallback, type FallbackReadInput } from '../../autoscalers/keda/fallback.js';
import { COMPOSITE_METRIC_NAME, generateHpa } from '../../autoscalers/keda/hpa-mapping.js';
import { generateMetricNameWithIndex, scalerMetricName } from '../../autoscalers/keda/metric-name.js';
import { hpaMetricMilli, plainTargetValue } from '../../autoscalers/keda/metric-value.js';
import { compileFormula, computeCompositeMetric, type CompiledFormula } from '../../autoscalers/keda/scaling-modifiers.js';
import { compositeFallback } from '../../autoscalers/keda/scaling-modifiers/composite-fallback.js';
import { findScaler } from '../../autoscalers/keda/scalers/registry.js';
import type { ParsedTrigger, ScaledObjectSpec, ScalerDefinition, ScalerResult, TriggerSpec } from '../../autoscalers/keda/types.js';
import type { MetricObservation } from '../../autoscalers/hpa/evaluate-metric.js';
import type { HpaControllerConfig } from '../../autoscalers/hpa/types.js';
import { Phase } from '../../core/phases.js';
import type { Simulation } from '../../core/simulation.js';
import type { MetricSeries } from '../../engine/metric-series.js';
import type { WorkloadRuntime } from '../../engine/workload-runtime.js';
import type { MetricsServer } from '../../metrics/metrics-server.js';
import { listensTo, wantsEvery, type SimObserver } from '../../observe/observer.js';
import type { KedaDecisionRecord } from '../../observe/records.js';
import { RepeatedKedaDecision } from '../decision-repeat.js';
import { HpaController } from '../hpa-controller.js';
import type { ExternalMetricSpec } from '../hpa-observations.js';
import { triggerReader, type TriggerRead, type TriggerReadContext } from './trigger-reader.js';

interface TriggerRuntime {
  spec: TriggerSpec;
  parsed: ParsedTrigger;
  scaler: ScalerDefinition;
  read: TriggerRead;
  /** The External metric name the HPA asks for (s<index>-<scaler metric>). */
  metricName: string;
  /** status.health[metric].numberOfFailures. */
  failures: number;
  /** The last polling cycle's result (served when useCachedMetrics). */
  cached?: ScalerResult;
  /** The External metric's target as the fallback reads it (from the parsed trigger, made once). */
  fallbackTarget: FallbackReadInput['metricTarget'];
}

/** A trigger's name in decisions.csv: triggers[].name, else its External metric name. */
function triggerName(t: TriggerRuntime): string {
  return t.spec.name ?? t.metricName;
}

/** A trigger's reason in decisions.csv: the scaler's explanation or error (a resource trigger is read by the HPA). */
function triggerReason(t: TriggerRuntime): string {
  return t.parsed.resource !== undefined ? 'resource metric (read by the HPA)' : (t.cached?.error ?? t.cached?.reason ?? '');
}

export interface ScaledObjectDeps {
  sim: Simulation;
  target: WorkloadRuntime;
  metricsServer: MetricsServer;
  series: ReadonlyMap<string, MetricSeries>;
  hpaConfig: HpaControllerConfig;
  observer: SimObserver;
  reads: TriggerReadContext;
}

function parseTrigger(spec: TriggerSpec): { parsed: ParsedTrigger; scaler: ScalerDefinition } {
  const scaler = findScaler(spec.type);
  if (scaler === undefined) throw new Error(`unknown trigger type ${spec.type}`);
  const result = scaler.parse(spec);
  if (!result.ok) throw new Error(`trigger ${spec.index} (${spec.type}): ${result.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  return { parsed: result.trigger, scaler };
}

export class ScaledObjectController {
  readonly hpa: HpaController;
  readonly counts = { polls: 0, scaleToZero: 0, scaleFromZero: 0 };
  private readonly triggers: TriggerRuntime[];
  private readonly formula: CompiledFormula | undefined;
  private lastActiveTimeSeconds: number | undefined;
  /** The executor's input, refilled at each poll (the spec's fields are set once). */
  private readonly executorInput: ExecutorInput;
  /** The previous decision, for observers that only want changes. */
  private readonly repeat = new RepeatedKedaDecision();
  /** The fallback's input for an adapter read, refilled at each (spec.fallback set once). */
  private readonly fallbackInput: FallbackReadInput;

  constructor(
    readonly spec: ScaledObjectSpec,
    private readonly deps: ScaledObjectDeps,
  ) {
    this.triggers = spec.triggers.map((t) => {
      const { parsed, scaler } = parseTrigger(t);
      return {
        spec: t,
        parsed,
        scaler,
        read: triggerReader(deps.reads, spec.name, t.index, parsed),
        metricName: generateMetricNameWithIndex(t.index, scalerMetricName(parsed)),
        failures: 0,
        fallbackTarget: { type: parsed.hpaTarget.type === 'Value' ? 'Value' : 'AverageValue', value: plainTargetValue(parsed.hpaTarget) ?? 0 },
      };
    });
    const modifiers = spec.scalingModifiers;
    if (modifiers !== undefined) {
      const compiled = compileFormula(modifiers.formula, spec.triggers.flatMap((t) => (t.name ? [t.name] : [])));
      if (!compiled.ok) throw new Error(`scalingModifiers.formula: ${compiled.message}`);
      this.formula = compiled;
    }
    this.executorInput = {
      minReplicaCount: spec.minReplicaCount,
      currentReplicas: 0,
      isActive: false,
      isError: false,
      creationSeconds: 0,
      nowSeconds: 0,
      cooldownPeriodSeconds: spec.cooldownPeriodSeconds,
      initialCooldownPeriodSeconds: spec.initialCooldownPeriodSeconds,
      pausedScaleIn: spec.pausedScaleIn,
      pausedScaleOut: spec.pausedScaleOut,
      forceActivation: spec.forceActivation,
    };
    if (spec.idleReplicaCount !== undefined) this.executorInput.idleReplicaCount = spec.idleReplicaCount;
    if (spec.fallback) this.executorInput.fallback = spec.fallback;
    this.fallbackInput = {
      fallback: spec.fallback,
      previousNumberOfFailures: 0,
      scalerError: false,
      metricValue: undefined,
      metricTarget: { type: 'AverageValue', value: 0 },
      currentReplicas: 0,
      readyReplicas: 0,
    };
    const hpaSpec = generateHpa(spec, this.triggers.map((t) => t.parsed));
    this.hpa = new HpaController(hpaSpec, deps.target, deps.metricsServer, deps.series, deps.hpaConfig, deps.observer, (m, now) =>
      this.externalMetric(m, now),
    );
  }

  /** Starts the polling loop (first poll at `firstPollSeconds`) and the generated HPA's sync loop. */
  start(firstPollSeconds: number, firstSyncSeconds: number): void {
    const { sim } = this.deps;
    sim.every(firstPollSeconds, this.spec.pollingIntervalSeconds, Phase.CONTROL, `keda/${this.spec.name}`, () => this.poll(sim.nowSeconds));
    this.hpa.start(sim, firstSyncSeconds);
  }

  /** One polling cycle: read every trigger, decide activity and the executor's action. */
  poll(nowSeconds: number): void {
    const controller = this.deps.target.controller;
    const current = controller.specReplicas;
    const states: TriggerState[] = this.triggers.map((t) => {
      // A resource trigger is read by the HPA, not here: never active for the executor.
      // The polling loop (scale_handler.go getScalerState) leaves status.health alone: only the
      // metrics adapter's reads count toward the fallback.
      const result = t.parsed.resource !== undefined ? undefined : this.read(t, nowSeconds);
      if (result !== undefined) t.cached = result;
      const state: TriggerState = { type: t.spec.type, isActive: result?.isActive ?? false };
      if (t.spec.name) state.name = t.spec.name;
      if (result?.error !== undefined) state.error = result.error;
      return state;
    });
    const composite = this.formula === undefined ? undefined : this.composite((t) => t.cached);
    // Built without a conditional spread (V8's slow path for objects of varying shape).
    const activityInput: ScaledObjectActivityInput = { triggers: states };
    if (composite !== undefined && this.spec.scalingModifiers) {
      activityInput.scalingModifiers = { compositeValue: composite.value, activationTarget: this.spec.scalingModifiers.activationTarget };
    }
    const activity = combineTriggerActivity(activityInput);
    const input = this.executorInput;
    input.currentReplicas = current;
    input.isActive = activity.isActive;
    input.isError = activity.isError;
    input.nowSeconds = nowSeconds;
    // Set once it is known, and never unset (status.lastActiveTime is only ever moved forward).
    if (this.lastActiveTimeSeconds !== undefined) input.lastActiveTimeSeconds = this.lastActiveTimeSeconds;
    const decision = planScaledObjectScale(input);
    if (decision.lastActiveTimeUpdated) this.lastActiveTimeSeconds = nowSeconds;
    this.counts.polls++;
    if (decision.scaleTo !== null && decision.scaleTo !== current) {
      if (decision.scaleTo === 0) this.counts.scaleToZero++;
      if (current === 0) this.counts.scaleFromZero++;
      controller.scale(decision.scaleTo);
      this.deps.observer.replicasWritten?.({ timeSeconds: nowSeconds, autoscaler: 'keda', name: this.spec.name, target: controller.spec.name, fromReplicas: current, toReplicas: decision.scaleTo });
    }
    // The record is built only when some observer keeps decisions (a sweep keeps none), and not
    // for a repeated decision when every observer only wants changes.
    if (!listensTo(this.deps.observer, 'kedaDecision')) return;
    const readyPods = this.deps.target.servingPods;
    if (!wantsEvery(this.deps.observer, 'kedaDecision')) {
      const repeat = this.repeat;
      repeat.begin(current, controller.statusReplicas, readyPods, decision, activity.reason);
      for (let i = 0; i < this.triggers.length; i++) {
        const t = this.triggers[i]!;
        repeat.trigger(triggerName(t), states[i]!.isActive, triggerReason(t));
      }
      if (repeat.end()) return;
    }
    // As the executor's cooldown test: from creation (t = 0) + initialCooldownPeriod while lastActiveTime was never set.
    const cooldownEnds = this.lastActiveTimeSeconds === undefined ? this.spec.initialCooldownPeriodSeconds : this.lastActiveTimeSeconds + this.spec.cooldownPeriodSeconds;
    const record: KedaDecisionRecord = {
      timeSeconds: nowSeconds,
      scaledObject: this.spec.name,
      target: controller.spec.name,
      specReplicas: current,
      statusReplicas: controller.statusReplicas,
      readyPods,
      triggers: this.triggers.map((t, i) => ({
        name: triggerName(t),
        value: t.cached && t.cached.error === undefined && t.parsed.resource === undefined ? String(t.cached.metricValue) : '',
        active: states[i]!.isActive,
        reason: triggerReason(t),
      })),
      active: decision.activeCondition,
      reason: `${decision.activeReason ?? ''}: ${decision.reason}; ${activity.reason}`,
    };
    // Optional fields are set, not spread in: a spread of differently shaped objects is slow.
    if (decision.scaleTo !== null) record.scaleTo = decision.scaleTo;
    if (this.lastActiveTimeSeconds !== undefined) record.lastActiveSeconds = this.lastActiveTimeSeconds;
    if (decision.activeReason === 'ScalerCooldown') record.cooldownLeftSeconds = Math.max(0, cooldownEnds - nowSeconds);
    this.deps.observer.kedaDecision?.(record);
  }

  /** KEDA's metrics adapter: the value of one External metric for an HPA read, with fallback. */
  externalMetric(metric: ExternalMetricSpec, nowSeconds: number): MetricObservation {
    const target = this.deps.target;
    if (metric.metricName === COMPOSITE_METRIC_NAME) {
      const failing: TriggerRuntime[] = [];
      // Behavior scalingModifiers: a nil formula serves fallback.replicas × target (computeCompositeMetric).
      const nilFallback = this.spec.fallback?.behavior === 'scalingModifiers' ? this.spec.fallback.replicas : undefined;
      const composite = this.composite((t) => (t.spec.useCachedMetrics && t.cached ? t.cached : this.readCounted(t, nowSeconds)), failing, nilFallback);
      const modifiers = this.spec.scalingModifiers;
      let notServed: string | undefined;
      if (modifiers !== undefined) {
        const fallback = compositeFallback({
          fallback: this.spec.fallback,
          modifiers,
          triggerFailures: this.triggers.map((t) => t.failures),
          currentReplicas: target.controller.specReplicas,
          readyReplicas: target.servingPods,
        });
        if (fallback.engaged) return { kind: 'values', valuesMilli: [fallback.valueMilli], readyPodCount: target.controller.runningReadyPods, note: `KEDA fallback: ${fallback.reason}` };
        // GetScaledObjectMetrics: a trigger's error with no fallback serving goes to the HPA
        // ("metric:… encountered error"); behavior scalingModifiers hands a trigger past its
        // failureThreshold to the formula as nil instead (fallback.go's placeholder).
        const unserved = this.unservedFailure(failing);
        if (unserved !== undefined) return { kind: 'error', message: unserved };
        // A configured fallback that does not serve yet (below its failureThreshold) says why, not "none configured".
        if (this.spec.fallback !== undefined) notServed = `formula returned nil; fallback not engaged: ${fallback.reason}`;
        if (composite?.fromFallback === true && composite.valueMilli !== null) {
          const note = `KEDA fallback: formula returned nil; behavior scalingModifiers serves ${nilFallback} × target ${modifiers.target}`;
          return { kind: 'values', valuesMilli: [composite.valueMilli], readyPodCount: target.controller.runningReadyPods, note };
        }
      }
      if (composite?.valueMilli === null || composite === undefined) return { kind: 'error', message: (composite?.valueMilli === null ? notServed : undefined) ?? composite?.reason ?? 'no formula' };
      return { kind: 'values', valuesMilli: [composite.valueMilli], readyPodCount: target.controller.runningReadyPods };
    }
    const trigger = this.triggerServing(metric.metricName);
    if (trigger === undefined) return { kind: 'error', message: `no trigger serves ${metric.metricName}` };
    const result = trigger.spec.useCachedMetrics && trigger.cached ? trigger.cached : this.read(trigger, nowSeconds);
    // Refilled in place: applyFallback reads its input and keeps none of it.
    const input = this.fallbackInput;
    input.previousNumberOfFailures = trigger.failures;
    input.scalerError = result.error !== undefined;
    input.metricValue = result.metricValue;
    input.metricTarget = trigger.fallbackTarget;
    input.currentReplicas = target.controller.specReplicas;
    input.readyReplicas = target.servingPods;
    const fallback = applyFallback(input);
    if (fallback.healthPersisted) trigger.failures = fallback.numberOfFailures;
    if (fallback.errorReturned || fallback.metricValue === undefined) return { kind: 'error', message: result.error ?? fallback.reason };
    const observation: MetricObservation = { kind: 'values', valuesMilli: [hpaMetricMilli(fallback.metricValue)], readyPodCount: target.controller.runningReadyPods };
    if (fallback.fallbackActive) observation.note = `KEDA fallback: ${fallback.reason}`;
    return observation;
  }

  /** The trigger whose External metric is `metricName`, if any. */
  private triggerServing(metricName: string): TriggerRuntime | undefined {
    const triggers = this.triggers;
    for (let i = 0; i < triggers.length; i++) if (triggers[i]!.metricName === metricName) return triggers[i];
    return undefined;
  }

  private read(t: TriggerRuntime, nowSeconds: number): ScalerResult {
    return t.scaler.read(t.parsed, t.read(nowSeconds));
  }

  /** A read for the HPA through the metrics adapter: counts toward status.health's failures. */
  private readCounted(t: TriggerRuntime, nowSeconds: number): ScalerResult {
    const result = this.read(t, nowSeconds);
    if (this.spec.fallback !== undefined) t.failures = result.error === undefined ? 0 : t.failures + 1;
    return result;
  }

  /**
   * Why the HPA's read of the composite metric fails when some trigger failed it (`failing`): a
   * trigger the fallback does not cover, which is every one without a fallback or at or under its
   * failureThreshold, and with behavior scalingModifiers only those at or under it. Undefined when
   * every failing trigger is covered.
   */
  private unservedFailure(failing: readonly TriggerRuntime[]): string | undefined {
    if (failing.length === 0) return undefined;
    const fallback = this.spec.fallback;
    const uncovered = fallback?.behavior === 'scalingModifiers' ? failing.find((t) => !(t.failures > fallback.failureThreshold)) : failing[0];
    if (uncovered === undefined) return undefined;
    const why = fallback === undefined ? 'no fallback is configured' : `${uncovered.failures} failures of failureThreshold ${fallback.failureThreshold}`;
    return `metric:${COMPOSITE_METRIC_NAME} encountered error: trigger ${triggerName(uncovered)} failed (${why})`;
  }

  /**
   * The composite metric over the triggers' results; `failing`, when given, collects the triggers
   * whose result is an error; `nilFallback`: the replicas a nil formula serves (behavior scalingModifiers).
   */
  private composite(resultOf: (t: TriggerRuntime) => ScalerResult | undefined, failing?: TriggerRuntime[], nilFallback?: number) {
    const modifiers = this.spec.scalingModifiers;
    if (this.formula === undefined || modifiers === undefined) return undefined;
    const values: Record<string, number | null> = {};
    for (const t of this.triggers) {
      if (!t.spec.name || t.parsed.resource !== undefined) continue;
      const r = resultOf(t);
      if (r?.error !== undefined) failing?.push(t);
      values[t.spec.name] = r === undefined || r.error !== undefined ? null : r.metricValue;
    }
    // The polling loop's formula has no fallback (HandleScalingModifiers is given fallbackActive
    // false); the HPA's read applies it by the failure counts (compositeFallback) or, with behavior
    // scalingModifiers, to a nil formula (nilFallback).
    const input = { formula: this.formula, triggerValues: values, target: modifiers.target };
    return computeCompositeMetric(nilFallback === undefined ? input : { ...input, fallbackReplicas: nilFallback });
  }
}
