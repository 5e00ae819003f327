/**
 * Zod schemas of a pod's spec.affinity.podAffinity and spec.affinity.podAntiAffinity (k8s.io/api
 * core/v1 PodAffinity, PodAntiAffinity, PodAffinityTerm, WeightedPodAffinityTerm): each field's type
 * and range as the API server's validation checks it (pkg/apis/core/validation
 * validateWeightedPodAffinityTerms: weight in 1..100; validatePodAffinityTerm: topologyKey required).
 * spec.affinity.nodeAffinity is not read here. The checks across fields are in pod-affinity.ts.
 */
import { z } from 'zod';
import { LabelSelectorSchema } from './topology-spread-schema.js';

export const PodAffinityTermSchema = z.looseObject({
  labelSelector: LabelSelectorSchema.nullish(),
  namespaces: z.array(z.string().describe('a namespace name')).nullish(),
  topologyKey: z.string().min(1).describe('a node label key, such as kubernetes.io/hostname or topology.kubernetes.io/zone'),
  namespaceSelector: LabelSelectorSchema.nullish(),
  matchLabelKeys: z.array(z.string().describe('a pod label key')).nullish(),
  mismatchLabelKeys: z.array(z.string().describe('a pod label key')).nullish(),
});

export const WeightedPodAffinityTermSchema = z.looseObject({
  weight: z.number().int().min(1).max(100).describe('an integer from 1 to 100'),
  podAffinityTerm: PodAffinityTermSchema,
});

export const PodAffinityRulesSchema = z.looseObject({
  requiredDuringSchedulingIgnoredDuringExecution: z.array(PodAffinityTermSchema).nullish(),
  preferredDuringSchedulingIgnoredDuringExecution: z.array(WeightedPodAffinityTermSchema).nullish(),
});

/** spec.affinity: its podAffinity and podAntiAffinity (nodeAffinity passes through unread). */
export const InterPodAffinitySchema = z
  .looseObject({
    podAffinity: PodAffinityRulesSchema.nullish(),
    podAntiAffinity: PodAffinityRulesSchema.nullish(),
  })
  .nullish();

export type PodAffinityTermInput = z.output<typeof PodAffinityTermSchema>;
export type PodAffinityRulesInput = z.output<typeof PodAffinityRulesSchema>;
