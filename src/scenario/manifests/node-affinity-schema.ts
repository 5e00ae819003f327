/**
 * Zod schemas of a pod's spec.affinity.nodeAffinity (k8s.io/api/core/v1 NodeAffinity, NodeSelector,
 * NodeSelectorTerm, NodeSelectorRequirement, PreferredSchedulingTerm): each field's type and range as
 * the API server's validation checks it (pkg/apis/core/validation ValidatePreferredSchedulingTerms:
 * weight in 1..100; the supported NodeSelectorOperators). The checks across fields (values per
 * operator, matchFields' key, at least one node selector term) are in node-affinity.ts.
 */
import { z } from 'zod';

export const NODE_SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] as const;

const NodeSelectorRequirementSchema = z.looseObject({
  key: z.string().min(1).describe('a node label key (matchExpressions) or metadata.name (matchFields)'),
  operator: z.enum(NODE_SELECTOR_OPERATORS).describe('In, NotIn, Exists, DoesNotExist, Gt or Lt'),
  values: z.array(z.string()).nullish().transform((v) => v ?? []),
});

/** A missing term list is an empty one (a Go nil slice), which matches no node. */
const NodeSelectorTermSchema = z.looseObject({
  matchExpressions: z.array(NodeSelectorRequirementSchema).nullish().transform((v) => v ?? []),
  matchFields: z.array(NodeSelectorRequirementSchema).nullish().transform((v) => v ?? []),
});

const PreferredSchedulingTermSchema = z.looseObject({
  weight: z.number().int().min(1).max(100).describe('an integer from 1 to 100'),
  /** A required struct in Go (not a pointer): a missing preference is an empty term. */
  preference: NodeSelectorTermSchema.nullish().transform((v) => v ?? { matchExpressions: [], matchFields: [] }),
});

export const NodeAffinitySchema = z.looseObject({
  requiredDuringSchedulingIgnoredDuringExecution: z
    .looseObject({ nodeSelectorTerms: z.array(NodeSelectorTermSchema).nullish().transform((v) => v ?? []) })
    .nullish(),
  preferredDuringSchedulingIgnoredDuringExecution: z.array(PreferredSchedulingTermSchema).nullish().transform((v) => v ?? []),
});

export type NodeAffinityInput = z.output<typeof NodeAffinitySchema>;
export type NodeSelectorTermInput = z.output<typeof NodeSelectorTermSchema>;
