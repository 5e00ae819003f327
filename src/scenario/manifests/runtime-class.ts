/**
 * node.k8s.io/v1 RuntimeClass → RuntimeClassEntry: its handler, its pod overhead
 * (overhead.podFixed, cpu and memory) and its scheduling (nodeSelector and tolerations the pods of
 * the class get), validated as ValidateRuntimeClass does (a handler that is a DNS label; overhead
 * quantities ≥ 0). Cluster-scoped. What the RuntimeClass admission plugin does with it when a pod
 * names it is runtime-class-admission.ts; other overhead resources are warned as not modelled.
 */
import { z } from 'zod';
import type { ProblemSink } from '../problem-sink.js';
import { stringMap } from '../schema/fields.js';
import { parseWithSchema } from '../schema/zod-problems.js';
import type { Toleration } from '../types.js';
import type { DocRef } from '../yaml/doc-ref.js';
import { OBJECT_META, type FieldTree } from './known-fields.js';
import { markBroken, type ManifestSet } from './manifest-set.js';
import { ResourceListSchema, TolerationSchema } from './pod-template-schema.js';
import { toToleration } from './pod-template.js';

export interface RuntimeClassSpec {
  name: string;
  handler: string;
  /** overhead.podFixed: cpu in millicores, memory in bytes; undefined when the class sets none. */
  overhead: { cpuMillicores?: number; memoryBytes?: number } | undefined;
  /** The resource names overhead.podFixed lists, those not modelled included (a pod's spec.overhead must list the same). */
  overheadResources: string[];
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
}

export interface RuntimeClassEntry {
  spec: RuntimeClassSpec;
  ref: DocRef;
}

/** node.k8s.io/v1 RuntimeClass's fields (k8s.io/api node/v1 types.go). */
export const RUNTIME_CLASS_FIELDS: FieldTree = {
  apiVersion: null,
  kind: null,
  metadata: OBJECT_META,
  handler: null,
  overhead: { podFixed: null },
  scheduling: { nodeSelector: null, tolerations: null },
};

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const RuntimeClassSchema = z.looseObject({
  metadata: z.looseObject({ name: z.string().min(1).describe('the object name') }),
  handler: z.string().max(63).regex(DNS_LABEL, 'expected a DNS label (lower-case letters, digits and "-", at most 63 characters), e.g. runsc or kata').describe('the CRI handler name'),
  overhead: z.looseObject({ podFixed: ResourceListSchema.default({}) }).nullish(),
  scheduling: z.looseObject({ nodeSelector: stringMap().default({}), tolerations: z.array(TolerationSchema).default([]) }).nullish(),
});

export function loadRuntimeClass(ref: DocRef, _apiVersion: string, out: ManifestSet, sink: ProblemSink): void {
  const input = parseWithSchema(RuntimeClassSchema, ref, [], (p) => sink.error(p));
  if (!input) return markBroken(out, 'RuntimeClass', ref);
  const podFixed = input.overhead?.podFixed;
  const overheadResources = Object.keys((ref.valueAt(['overhead', 'podFixed']) as Record<string, unknown> | undefined) ?? {});
  for (const key of overheadResources) {
    if (key !== 'cpu' && key !== 'memory') sink.warn(ref.warning(['overhead', 'podFixed', key], `${key} is not modelled (only cpu and memory); ignored`));
  }
  const overhead = podFixed === undefined ? undefined : { ...(podFixed.cpu !== undefined ? { cpuMillicores: podFixed.cpu } : {}), ...(podFixed.memory !== undefined ? { memoryBytes: podFixed.memory } : {}) };
  const tolerations = (input.scheduling?.tolerations ?? []).map((t, i) => toToleration(t, ref, ['scheduling', 'tolerations', i], sink));
  out.runtimeClasses.push({ spec: { name: input.metadata.name, handler: input.handler, overhead, overheadResources, nodeSelector: input.scheduling?.nodeSelector ?? {}, tolerations }, ref });
}
