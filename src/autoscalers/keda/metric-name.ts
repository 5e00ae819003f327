/**
 * Names KEDA gives the External metrics of its generated HPA: pkg/util NormalizeString,
 * pkg/scalers/scaler.go GenerateMetricNameWithIndex, and Go's url.QueryEscape used by rabbitmq.
 */
import type { ParsedTrigger } from './types.js';

/** NormalizeString: every `/`, `.`, `:`, `%`, `(` and `)` becomes `-` (the brackets since KEDA 2.9, #3862). */
export function normalizeMetricName(name: string): string {
  return name.replace(/[/.:%()]/g, '-');
}

/** GenerateMetricNameWithIndex: `s<triggerIndex>-<metricName>`. */
export function generateMetricNameWithIndex(triggerIndex: number, metricName: string): string {
  return `s${triggerIndex}-${metricName}`;
}

const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;

/** Go url.QueryEscape: unreserved bytes kept, space → `+`, every other UTF-8 byte → `%XX` (upper case). */
export function goQueryEscape(text: string): string {
  let out = '';
  for (const ch of text) {
    if (UNRESERVED.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else for (const byte of new TextEncoder().encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * The scaler's own metric name (before the `s<index>-` prefix), which each scaler's `parse` stores
 * in `config.metricName` (e.g. `kafka-orders`, `rabbitmq-jobs`, `cpu`). Falls back to the type.
 */
export function scalerMetricName(trigger: Pick<ParsedTrigger, 'type' | 'config'>): string {
  const name = trigger.config.metricName;
  return typeof name === 'string' ? name : trigger.type;
}
