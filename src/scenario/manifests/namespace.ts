/**
 * v1 Namespace → NamespaceEntry: its name and labels, which inter-pod affinity terms'
 * namespaceSelector match (namespace-selectors.ts). The API server sets kubernetes.io/metadata.name
 * to the namespace's name on every namespace (NamespaceDefaultLabelName, over any value written);
 * spec.finalizers and status are read by nothing here. Cluster-scoped.
 */
import { z } from 'zod';
import type { ProblemSink } from '../problem-sink.js';
import { stringMap } from '../schema/fields.js';
import { parseWithSchema } from '../schema/zod-problems.js';
import type { DocRef } from '../yaml/doc-ref.js';
import { OBJECT_META, type FieldTree } from './known-fields.js';
import { markBroken, type ManifestSet } from './manifest-set.js';
import { NAMESPACE_NAME_LABEL } from './pod-affinity.js';

export interface NamespaceEntry {
  name: string;
  /** metadata.labels with kubernetes.io/metadata.name set to the name, as the API server leaves them. */
  labels: Record<string, string>;
  ref: DocRef;
}

/** v1 Namespace's fields (k8s.io/api core/v1 types.go). */
export const NAMESPACE_FIELDS: FieldTree = { apiVersion: null, kind: null, metadata: OBJECT_META, spec: { finalizers: null }, status: null };

/** ValidateNamespaceName: a DNS-1123 label. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const NamespaceSchema = z.looseObject({
  metadata: z.looseObject({
    name: z.string().max(63).regex(DNS_LABEL, 'expected a namespace name: a lowercase RFC 1123 label of at most 63 characters (a-z, 0-9 and "-")').describe('the namespace name'),
    labels: stringMap().default({}),
  }),
});

export function loadNamespace(ref: DocRef, _apiVersion: string, out: ManifestSet, sink: ProblemSink): void {
  const input = parseWithSchema(NamespaceSchema, ref, [], (p) => sink.error(p));
  if (!input) return markBroken(out, 'Namespace', ref);
  const { name, labels } = input.metadata;
  out.namespaces.push({ name, labels: { ...labels, [NAMESPACE_NAME_LABEL]: name }, ref });
}
