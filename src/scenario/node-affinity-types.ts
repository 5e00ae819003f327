/**
 * A pod's spec.affinity.nodeAffinity as the loader resolves it (k8s.io/api/core/v1 NodeAffinity,
 * NodeSelector, NodeSelectorTerm, NodeSelectorRequirement, PreferredSchedulingTerm), validated as
 * the API server does (src/scenario/manifests/node-affinity.ts). kube-scheduler's NodeAffinity
 * plugin reads it (src/cluster/node-affinity.ts, node-affinity-score.ts).
 */

/** core/v1 NodeSelectorOperator. */
export type NodeSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

/** core/v1 NodeSelectorRequirement: a node label key (matchExpressions) or metadata.name (matchFields). */
export interface NodeSelectorRequirement {
  key: string;
  operator: NodeSelectorOperator;
  values: string[];
}

/** core/v1 NodeSelectorTerm: every requirement must hold; a term with neither list matches no node. */
export interface NodeSelectorTerm {
  matchExpressions: NodeSelectorRequirement[];
  matchFields: NodeSelectorRequirement[];
}

/** core/v1 PreferredSchedulingTerm: weight 1..100. */
export interface PreferredSchedulingTerm {
  weight: number;
  preference: NodeSelectorTerm;
}

/** core/v1 NodeAffinity (requiredDuringSchedulingRequiredDuringExecution does not exist in the API). */
export interface NodeAffinitySpec {
  /** requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms (ORed); undefined when not set. */
  required: NodeSelectorTerm[] | undefined;
  /** preferredDuringSchedulingIgnoredDuringExecution; empty when not set. */
  preferred: PreferredSchedulingTerm[];
}
