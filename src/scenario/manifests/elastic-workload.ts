/**
 * autoscaling.alibabacloud.com/v1beta1 ElasticWorkload (ack-kubernetes-elastic-workload,
 * docs/fidelity-spec.md §5.1) → ElasticWorkloadSpec: spec.sourceTarget {kind (default Deployment),
 * name, min, max}, spec.replicas (the total), spec.elasticUnit[] {name, labels, annotations,
 * nodeSelector, tolerations, min, max}. Checks against the source workload: ../elastic-workload-checks.ts.
 */
import { z } from 'zod';
import type { ProblemSink } from '../problem-sink.js';
import { nonNegativeInteger, stringMap } from '../schema/fields.js';
import { parseWithSchema } from '../schema/zod-problems.js';
import { SCALABLE_KINDS } from '../scale-target.js';
import type { ElasticUnitSpec } from '../types.js';
import type { DocRef } from '../yaml/doc-ref.js';
import { markBroken, type ManifestSet } from './manifest-set.js';
import { toToleration } from './pod-template.js';
import { TolerationSchema } from './pod-template-schema.js';

const KIND = 'ElasticWorkload';

export const ElasticUnitSchema = z.looseObject({
  name: z.string().min(1).describe('the unit name (its workload is <source name>-unit-<unit name>)'),
  labels: stringMap().default({}),
  annotations: stringMap().default({}),
  nodeSelector: stringMap().default({}),
  tolerations: z.array(TolerationSchema).default([]),
  min: nonNegativeInteger('pods').optional(),
  max: nonNegativeInteger('pods').optional(),
});

export const ElasticWorkloadSchema = z.looseObject({
  metadata: z.looseObject({
    name: z.string().min(1).describe('the object name'),
    namespace: z.string().min(1).default('default'),
  }),
  spec: z.looseObject({
    sourceTarget: z.looseObject({
      kind: z.string().min(1).default('Deployment').describe('Deployment or StatefulSet'),
      name: z.string().min(1).describe('the source workload name'),
      apiVersion: z.string().optional(),
      min: nonNegativeInteger('pods kept on the source').optional(),
      max: nonNegativeInteger('pods the source takes at most').optional(),
    }),
    replicas: nonNegativeInteger('pods in total').optional(),
    elasticUnit: z.array(ElasticUnitSchema).min(1).describe('a list of elastic units (at least one)'),
  }),
});

export function loadElasticWorkload(ref: DocRef, _apiVersion: string, out: ManifestSet, sink: ProblemSink): void {
  const input = parseWithSchema(ElasticWorkloadSchema, ref, [], (p) => sink.error(p));
  if (!input) return markBroken(out, KIND, ref);
  const errorsBefore = sink.problems.length;
  const { sourceTarget, elasticUnit } = input.spec;
  if (!SCALABLE_KINDS.includes(sourceTarget.kind)) {
    sink.error(ref.problem(['spec', 'sourceTarget', 'kind'], `sourceTarget kind ${sourceTarget.kind} is not a workload the simulator runs`, 'use Deployment or StatefulSet'));
  }
  const min = sourceTarget.min ?? 0;
  const max = sourceTarget.max ?? 0;
  if (sourceTarget.max !== undefined && min > max) {
    sink.error(ref.problem(['spec', 'sourceTarget', 'max'], `sourceTarget max ${max} is below min ${min}`, 'write min ≤ max'));
  }
  const units = elasticUnit.map((u, i): ElasticUnitSpec => {
    const at = ['spec', 'elasticUnit', i];
    if (elasticUnit.findIndex((other) => other.name === u.name) < i) sink.error(ref.problem([...at, 'name'], `duplicate elastic unit name "${u.name}"`));
    if (u.min !== undefined && u.max !== undefined && u.min > u.max) sink.error(ref.problem([...at, 'max'], `unit max ${u.max} is below its min ${u.min}`, 'write min ≤ max'));
    return {
      name: u.name,
      labels: u.labels,
      annotations: u.annotations,
      nodeSelector: u.nodeSelector,
      tolerations: u.tolerations.map((t, j) => toToleration(t, ref, [...at, 'tolerations', j], sink)),
      ...(u.min !== undefined ? { min: u.min } : {}),
      ...(u.max !== undefined ? { max: u.max } : {}),
    };
  });
  if (sink.problems.length > errorsBefore) return markBroken(out, KIND, ref);
  out.elasticWorkloads.push({
    spec: {
      name: input.metadata.name,
      namespace: input.metadata.namespace,
      sourceTarget: { kind: sourceTarget.kind, name: sourceTarget.name, min, max },
      replicas: input.spec.replicas ?? 0,
      elasticUnits: units,
      source: ref.sourceRef(),
    },
    ref,
    replicasDefaulted: input.spec.replicas === undefined,
    sourceMaxDefaulted: sourceTarget.max === undefined,
  });
}
