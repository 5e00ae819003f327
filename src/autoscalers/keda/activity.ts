/**
 * Whether a ScaledObject is active and in error after one poll of its triggers:
 * pkg/scaling/scale_handler.go getScaledObjectState (and getScalerState per trigger).
 */
import { hpaMetricValue } from './metric-value.js';
import { isResourceTriggerType } from './scalers/registry.js';

export interface TriggerState {
  type: string;
  /** triggers[].name, reported in activeTriggers (else the type). */
  name?: string;
  isActive: boolean;
  /** Set when the read failed. */
  error?: string;
}

export interface ScaledObjectActivityInput {
  triggers: readonly TriggerState[];
  /** With scalingModifiers: the composite value (null when the formula gave nothing) and activationTarget. */
  scalingModifiers?: { compositeValue: number | null; activationTarget: number };
}

export interface ScaledObjectActivity {
  isActive: boolean;
  isError: boolean;
  activeTriggers: string[];
  reason: string;
}

/**
 * Active when any trigger is active and error-free; with scalingModifiers, when no trigger failed
 * and the composite value is strictly above activationTarget (per-trigger activity is ignored).
 * When every trigger is cpu or memory and none failed, the object is forced active (upstream's
 * `len(triggers) <= cpuMemCount`, which an empty trigger list also meets).
 */
export function combineTriggerActivity(input: ScaledObjectActivityInput): ScaledObjectActivity {
  const failed = input.triggers.filter((t) => t.error !== undefined);
  const isError = failed.length > 0;
  let activeTriggers = input.triggers.filter((t) => t.error === undefined && t.isActive).map((t) => t.name ?? t.type);
  let reason = activeTriggers.length > 0 ? `active: ${activeTriggers.join(', ')}` : 'no trigger active';
  const modifiers = input.scalingModifiers;
  if (modifiers !== undefined) {
    const composite = modifiers.compositeValue === null ? null : hpaMetricValue(modifiers.compositeValue);
    const active = !isError && composite !== null && composite > modifiers.activationTarget;
    activeTriggers = active ? ['ModifiersTrigger'] : [];
    reason = isError
      ? 'scalingModifiers: a trigger failed, so the object is inactive'
      : `scalingModifiers: composite ${composite ?? 'nil'} ${active ? '>' : '≤'} activationTarget ${modifiers.activationTarget}`;
  }
  let isActive = activeTriggers.length > 0;
  if (!isError && input.triggers.every((t) => isResourceTriggerType(t.type))) {
    isActive = true;
    reason = 'only cpu/memory triggers: always active';
  }
  if (isError) reason += `; failed: ${failed.map((t) => `${t.name ?? t.type} (${t.error})`).join(', ')}`;
  return { isActive, isError, activeTriggers, reason };
}
