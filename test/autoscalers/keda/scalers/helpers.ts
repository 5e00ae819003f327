import type { ParsedTrigger, ScalerDefinition, ScalerReading, TriggerSpec } from '../../../../src/autoscalers/keda/types.js';

/** Parses and throws with the problems when the metadata is rejected. */
export function parseOk(scaler: ScalerDefinition, metadata: Record<string, string>, metricType?: TriggerSpec['metricType']): ParsedTrigger {
  const result = scaler.parse(metricType === undefined ? { metadata } : { metadata, metricType });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  return result.trigger;
}

/** The problems as `field: message` lines ([] when the metadata is accepted). */
export function problems(scaler: ScalerDefinition, metadata: Record<string, string>, metricType?: TriggerSpec['metricType']): string[] {
  const result = scaler.parse(metricType === undefined ? { metadata } : { metadata, metricType });
  return result.ok ? [] : result.problems.map((p) => `${p.field}: ${p.message}`);
}

export function queue(partial: Partial<Extract<ScalerReading, { kind: 'queue' }>>): Extract<ScalerReading, { kind: 'queue' }> {
  return { kind: 'queue', messages: 0, unacked: 0, publishRatePerSecond: 0, partitionLags: [], ...partial };
}
