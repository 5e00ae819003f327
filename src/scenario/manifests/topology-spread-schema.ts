/**
 * Zod schemas of a pod's spec.topologySpreadConstraints (k8s.io/api/core/v1 TopologySpreadConstraint
 * and metav1.LabelSelector): each field's type and range as the API server's validation checks it
 * (pkg/apis/core/validation ValidateTopologySpreadConstraints: maxSkew > 0, minDomains > 0, the
 * supported whenUnsatisfiable and node inclusion policies). The checks across fields are in
 * topology-spread-constraints.ts.
 */
import { z } from 'zod';
import { stringMap } from '../schema/fields.js';

export const LabelSelectorRequirementSchema = z.looseObject({
  key: z.string().min(1).describe('a label key'),
  operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']).describe('In, NotIn, Exists or DoesNotExist'),
  values: z.array(z.string()).default([]).describe('a list of label values'),
});

export const LabelSelectorSchema = z.looseObject({
  matchLabels: stringMap().default({}),
  matchExpressions: z.array(LabelSelectorRequirementSchema).default([]),
});

const nodeInclusionPolicy = (what: string) => z.enum(['Honor', 'Ignore']).describe(`Honor or Ignore (${what})`);

export const TopologySpreadConstraintSchema = z.looseObject({
  maxSkew: z.number().int().min(1).describe('an integer ≥ 1 (pods: the largest allowed difference between two domains)'),
  topologyKey: z.string().min(1).describe('a node label key, such as topology.kubernetes.io/zone or kubernetes.io/hostname'),
  whenUnsatisfiable: z.enum(['DoNotSchedule', 'ScheduleAnyway']).describe('DoNotSchedule or ScheduleAnyway'),
  labelSelector: LabelSelectorSchema.nullish(),
  minDomains: z.number().int().min(1).nullish().describe('an integer ≥ 1 (domains)'),
  nodeAffinityPolicy: nodeInclusionPolicy('default Honor').nullish(),
  nodeTaintsPolicy: nodeInclusionPolicy('default Ignore').nullish(),
  matchLabelKeys: z.array(z.string().min(1).describe('a pod label key')).default([]),
});

export type TopologySpreadConstraintInput = z.output<typeof TopologySpreadConstraintSchema>;
