/**
 * scenario.yaml `spec.series` → MetricSeriesSpec[]: each series reads either a trace (a key of
 * spec.traces) or a workload quantity (a workload of the manifests plus `quantity`), never both.
 */
import { suggestionHint } from './did-you-mean.js';
import { findWorkload } from './resolve-load-models.js';
import type { ManifestSet } from './manifests/manifest-set.js';
import type { ProblemSink } from './problem-sink.js';
import { WORKLOAD_QUANTITIES, type SeriesInput } from './schema/series-schema.js';
import type { MetricSeriesSpec } from './types.js';
import type { DocRef } from './yaml/doc-ref.js';

export interface SeriesContext {
  manifests: ManifestSet;
  traceNames: readonly string[];
  scenarioRef: DocRef;
  sink: ProblemSink;
}

export function resolveSeries(series: ReadonlyMap<string, SeriesInput>, ctx: SeriesContext): MetricSeriesSpec[] {
  const out: MetricSeriesSpec[] = [];
  for (const [name, s] of series) {
    const source = resolveSource(name, s, ctx);
    if (source) out.push({ name, source, perPod: s.perPod, scale: s.scale, delaySeconds: s.delay });
  }
  return out;
}

function resolveSource(name: string, s: SeriesInput, ctx: SeriesContext): MetricSeriesSpec['source'] | undefined {
  const at = (field?: string) => (field ? ['spec', 'series', name, field] : ['spec', 'series', name]);
  const error = (field: string | undefined, message: string, hint?: string) => ctx.sink.error(ctx.scenarioRef.problem(at(field), message, hint));
  if (s.trace !== undefined && s.workload !== undefined) {
    error('workload', 'set either trace or workload, not both');
    return undefined;
  }
  if (s.trace !== undefined) {
    if (s.quantity !== undefined) error('quantity', 'quantity applies only to a workload source');
    if (!ctx.traceNames.includes(s.trace)) {
      error('trace', `trace "${s.trace}" is not defined under spec.traces`, suggestionHint(s.trace, ctx.traceNames, 'traces'));
      return undefined;
    }
    return { kind: 'trace', trace: s.trace };
  }
  if (s.workload === undefined) {
    error(undefined, 'a series needs a source: set trace, or workload and quantity', `e.g. { workload: web, quantity: servedRequestsPerSecond }`);
    return undefined;
  }
  if (s.quantity === undefined) {
    error(undefined, 'a workload series needs quantity', `one of ${WORKLOAD_QUANTITIES.join(', ')}`);
    return undefined;
  }
  const workload = findWorkload(s.workload, ctx, at('workload'));
  return workload ? { kind: 'workload', workload: s.workload, quantity: s.quantity } : undefined;
}
