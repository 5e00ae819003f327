/**
 * Inter-pod affinity terms' namespaceSelector resolved once every manifest is read: the namespaces
 * the scenario's pods live in whose labels it matches (kube-scheduler's framework.AffinityTerm
 * matches a pod's namespace labels from the namespace lister, GetNamespaceLabelsSnapshot). A
 * namespace's labels are its Namespace manifest's, or, without one, only kubernetes.io/metadata.name
 * (its name), the label the API server puts on every namespace. A selector key that no namespace
 * carries is warned: the namespaces are probably in the cluster but not in the manifests.
 */
import { matchesLabelSelector } from '../../cluster/label-selector.js';
import type { PodAffinityTermSpec } from '../pod-affinity-types.js';
import type { ProblemSink } from '../problem-sink.js';
import type { PodTemplateSpec } from '../types.js';
import { admittedTemplates } from './admitted-templates.js';
import type { ManifestSet } from './manifest-set.js';
import { NAMESPACE_NAME_LABEL, selectorKeys } from './pod-affinity.js';

function termsOf(template: PodTemplateSpec): PodAffinityTermSpec[] {
  const spec = template.podAffinity;
  if (spec === undefined) return [];
  return [spec.affinity, spec.antiAffinity].flatMap((rules) => [...rules.required, ...rules.preferred.map((w) => w.term)]);
}

export function resolveNamespaceSelectors(manifests: ManifestSet, sink: ProblemSink): void {
  const admitted = admittedTemplates(manifests);
  const podNamespaces = [...new Set(admitted.map((a) => a.namespace))].sort();
  const written = new Map(manifests.namespaces.map((n) => [n.name, n.labels]));
  const labelsOf = (namespace: string): Readonly<Record<string, string>> => written.get(namespace) ?? { [NAMESPACE_NAME_LABEL]: namespace };
  const carried = new Set([NAMESPACE_NAME_LABEL, ...manifests.namespaces.flatMap((n) => Object.keys(n.labels))]);
  for (const { template, ref, specPath } of admitted) {
    const unknown = new Set<string>();
    for (const term of termsOf(template)) {
      const selector = term.namespaceSelector;
      if (selector === undefined) continue;
      term.selectedNamespaces = podNamespaces.filter((ns) => matchesLabelSelector(selector, labelsOf(ns)));
      for (const key of selectorKeys(selector)) if (!carried.has(key)) unknown.add(key);
    }
    for (const key of unknown) {
      sink.warn(
        ref.warning(
          [...specPath, 'affinity'],
          `namespace label "${key}" (a pod affinity term's namespaceSelector) is on no namespace: no Namespace manifest carries it, and a namespace without one has only ${NAMESPACE_NAME_LABEL}`,
          'add the Namespace objects to the manifests (kubectl get namespace <name> -o yaml), or select namespaces by name',
        ),
      );
    }
  }
}
