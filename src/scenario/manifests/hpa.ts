/**
 * HorizontalPodAutoscaler manifests → HpaSpec. autoscaling/v2 and v2beta2 share one shape;
 * autoscaling/v1's targetCPUUtilizationPercentage becomes one Resource cpu Utilization metric.
 * Defaults of apis/autoscaling/v2/defaults.go (minReplicas 1, cpu 80% when metrics are empty) and
 * the replica checks of validateHorizontalPodAutoscalerSpec (maxReplicas ≥ 1, min ≤ max,
 * minReplicas 0 only with an Object or External metric, under the alpha HPAScaleToZero gate).
 */
import { HPA_DEFAULT_CPU_UTILIZATION_PERCENT, HPA_DEFAULT_MIN_REPLICAS } from '../../autoscalers/hpa/config.js';
import type { HpaMetricSpec, HpaSpec } from '../../autoscalers/hpa/types.js';
import type { ProblemSink } from '../problem-sink.js';
import { parseWithSchema } from '../schema/zod-problems.js';
import type { DocRef } from '../yaml/doc-ref.js';
import { toBehavior } from './hpa-behavior.js';
import { toMetricSpec } from './hpa-metrics.js';
import { HpaV1Schema, HpaV2Schema } from './hpa-schema.js';
import { markBroken, type ManifestSet } from './manifest-set.js';

const DEFAULT_METRIC: HpaMetricSpec = Object.freeze({
  type: 'Resource',
  resourceName: 'cpu',
  target: Object.freeze({ type: 'Utilization', averageUtilizationPercent: HPA_DEFAULT_CPU_UTILIZATION_PERCENT }),
}) as HpaMetricSpec;

/** autoscaling/v2 and autoscaling/v2beta2. */
export function loadHpaV2(ref: DocRef, apiVersion: string, out: ManifestSet, sink: ProblemSink): void {
  const input = parseWithSchema(HpaV2Schema, ref, [], (p) => sink.error(p));
  if (!input) return markBroken(out, 'HorizontalPodAutoscaler', ref);
  const written = input.spec.metrics ?? [];
  const converted = written.map((m, i) => toMetricSpec(m, ref, ['spec', 'metrics', i], sink));
  const metrics = converted.filter((m): m is HpaMetricSpec => m !== undefined);
  const behavior = toBehavior(input.spec.behavior, ref, ['spec', 'behavior'], sink);
  if (metrics.length < converted.length) return markBroken(out, 'HorizontalPodAutoscaler', ref);
  const spec = { ...input.spec, metrics: metrics.length > 0 ? metrics : [DEFAULT_METRIC], behavior };
  finish(input.metadata, spec, written.length > 0, apiVersion, ref, out, sink);
}

/** autoscaling/v1. */
export function loadHpaV1(ref: DocRef, apiVersion: string, out: ManifestSet, sink: ProblemSink): void {
  const input = parseWithSchema(HpaV1Schema, ref, [], (p) => sink.error(p));
  if (!input) return markBroken(out, 'HorizontalPodAutoscaler', ref);
  const percent = input.spec.targetCPUUtilizationPercentage ?? HPA_DEFAULT_CPU_UTILIZATION_PERCENT;
  const metric: HpaMetricSpec = { type: 'Resource', resourceName: 'cpu', target: { type: 'Utilization', averageUtilizationPercent: percent } };
  finish(input.metadata, { ...input.spec, metrics: [metric], behavior: null }, true, apiVersion, ref, out, sink);
}

interface CommonSpec {
  scaleTargetRef: { apiVersion?: string | undefined; kind: string; name: string };
  minReplicas?: number | undefined;
  maxReplicas: number;
  metrics: HpaMetricSpec[];
  behavior: HpaSpec['behavior'];
}

function finish(
  metadata: { name: string; namespace: string },
  spec: CommonSpec,
  metricsWritten: boolean,
  apiVersion: string,
  ref: DocRef,
  out: ManifestSet,
  sink: ProblemSink,
): void {
  const minReplicas = spec.minReplicas ?? HPA_DEFAULT_MIN_REPLICAS;
  if (spec.maxReplicas < 1) sink.error(ref.problem(['spec', 'maxReplicas'], `${spec.maxReplicas}: must be greater than 0`));
  if (minReplicas < 0) sink.error(ref.problem(['spec', 'minReplicas'], `${minReplicas}: must be greater than or equal to 0`));
  if (spec.maxReplicas < minReplicas) {
    sink.error(ref.problem(['spec', 'maxReplicas'], `${spec.maxReplicas}: must be greater than or equal to \`minReplicas\` (${minReplicas})`));
  }
  if (minReplicas === 0) checkScaleToZero(spec.metrics, metricsWritten, ref, sink);
  const { apiVersion: targetApiVersion, kind, name } = spec.scaleTargetRef;
  out.hpas.push({
    spec: {
      name: metadata.name,
      namespace: metadata.namespace,
      apiVersion,
      scaleTargetRef: { ...(targetApiVersion ? { apiVersion: targetApiVersion } : {}), kind, name },
      minReplicas,
      maxReplicas: spec.maxReplicas,
      metrics: spec.metrics,
      behavior: spec.behavior,
      source: ref.sourceRef(),
    },
    ref,
  });
}

function checkScaleToZero(metrics: HpaMetricSpec[], metricsWritten: boolean, ref: DocRef, sink: ProblemSink): void {
  const external = metricsWritten && metrics.some((m) => m.type === 'Object' || m.type === 'External');
  if (!external) {
    sink.error(
      ref.problem(
        ['spec', 'minReplicas'],
        'minReplicas 0 requires at least one Object or External metric to support scaling to zero replicas',
        'set minReplicas ≥ 1, or add an Object or External metric',
      ),
    );
    return;
  }
  sink.warn(
    ref.warning(['spec', 'minReplicas'], 'minReplicas 0 needs the alpha HPAScaleToZero feature gate on kube-apiserver and kube-controller-manager', 'the simulation models the gate as enabled'),
  );
}
