/**
 * The resolved inter-pod affinity of a pod template (k8s.io/api/core/v1 PodAffinity,
 * PodAntiAffinity, PodAffinityTerm, WeightedPodAffinityTerm) as the manifests' loader leaves it
 * (pod-affinity.ts): the API server's validation passed, namespaces defaulted as the scheduler's
 * framework.newAffinityTerm does (none given and no namespaceSelector: the pod's own namespace).
 * Re-exported by pod-template-types.ts.
 */
import type { LabelSelectorSpec } from './pod-template-types.js';

/** core/v1 PodAffinityTerm. */
export interface PodAffinityTermSpec {
  /** undefined: no labelSelector, which selects no pod (metav1.LabelSelectorAsSelector(nil) is labels.Nothing()). */
  labelSelector: LabelSelectorSpec | undefined;
  /**
   * The namespaces listed; undefined when neither namespaces nor namespaceSelector is given (the
   * pod's own namespace, filled in when the pod's owner is known: GetNamespacesFromPodAffinityTerm).
   */
  namespaces: string[] | undefined;
  /** undefined: not set (selects no namespace); {} selects every namespace. */
  namespaceSelector: LabelSelectorSpec | undefined;
  /**
   * The namespaces where the scenario's pods live whose labels (their Namespace manifests', or only
   * kubernetes.io/metadata.name without one) namespaceSelector matches, set once every manifest is
   * read (manifests/namespace-selectors.ts); undefined when the term has no namespaceSelector.
   */
  selectedNamespaces?: string[];
  topologyKey: string;
  /** Pod label keys whose values (the incoming pod's) the API server adds to the selector as `key In (value)`. */
  matchLabelKeys: string[];
  /** Pod label keys whose values the API server adds to the selector as `key NotIn (value)`. */
  mismatchLabelKeys: string[];
}

/** core/v1 WeightedPodAffinityTerm: weight 1..100. */
export interface WeightedPodAffinityTermSpec {
  weight: number;
  term: PodAffinityTermSpec;
}

/** The required and preferred terms of spec.affinity.podAffinity or spec.affinity.podAntiAffinity. */
export interface PodAffinityRulesSpec {
  required: PodAffinityTermSpec[];
  preferred: WeightedPodAffinityTermSpec[];
}

/** spec.affinity.podAffinity and spec.affinity.podAntiAffinity; set on a template only when some term is given. */
export interface InterPodAffinitySpec {
  affinity: PodAffinityRulesSpec;
  antiAffinity: PodAffinityRulesSpec;
}
