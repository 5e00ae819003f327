/**
 * Zod schemas for KEDA manifests as the CRDs define them (apis/keda/v1alpha1 scaledobject_types.go,
 * scaledjob_types.go, scaletriggers_types.go): keda.sh/v1alpha1 ScaledObject and ScaledJob, the
 * KEDA v1 keda.k8s.io/v1alpha1 ScaledObject, and the metadata of (Cluster)TriggerAuthentication.
 * Defaults are applied by the loaders (KEDA_DEFAULTS); trigger metadata values are checked in
 * ./keda-triggers.ts (the CRD wants strings). Fields not read here pass through.
 */
import { z } from 'zod';
import { FALLBACK_BEHAVIORS } from '../../autoscalers/keda/fallback.js';
import type { FallbackBehavior } from '../../autoscalers/keda/types.js';
import { nonNegativeInteger, stringMap } from '../schema/fields.js';
import { HpaBehaviorSchema } from './hpa-schema.js';
import { PodTemplateSchema } from './pod-template-schema.js';

const positiveInteger = (unit: string) => z.number().int().min(1).describe(`an integer ≥ 1 (${unit})`);

/** A CRD string field that holds a number ("2", "0.5"): a bare YAML number is rejected, as kubectl would. */
export const numericString = (what: string) =>
  z
    .union([z.string(), z.number()])
    .transform((input, ctx) => {
      if (typeof input === 'number') {
        ctx.addIssue({ code: 'custom', message: `expected a string holding ${what}, got the number ${input} (the CRD field is a string)`, params: { hint: `quote it: "${input}"` }, input });
        return z.NEVER;
      }
      const value = Number(input.trim());
      if (input.trim() === '' || !Number.isFinite(value)) {
        ctx.addIssue({ code: 'custom', message: `${JSON.stringify(input)} is not a number; expected ${what}`, input });
        return z.NEVER;
      }
      return value;
    })
    .describe(`a quoted number (${what})`);

export const KedaMetadataSchema = z.looseObject({
  name: z.string().min(1).describe('the object name'),
  namespace: z.string().min(1).default('default'),
  annotations: stringMap().default({}),
});

export const TriggerSchema = z.looseObject({
  type: z.string().min(1).describe('a trigger type such as prometheus, kafka or cpu'),
  name: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).describe('a map of string keys to string values'),
  metricType: z.enum(['', 'AverageValue', 'Value', 'Utilization']).optional().describe('AverageValue, Value or Utilization (cpu and memory only)'),
  useCachedMetrics: z.boolean().optional().describe('true or false'),
  authenticationRef: z
    .looseObject({
      name: z.string().min(1).describe('the name of a TriggerAuthentication'),
      kind: z.enum(['TriggerAuthentication', 'ClusterTriggerAuthentication']).optional().describe('TriggerAuthentication or ClusterTriggerAuthentication'),
    })
    .nullish(),
});

/** Each trigger is parsed on its own with TriggerSchema (./keda-triggers.ts). */
const triggers = () => z.array(z.unknown()).min(1).describe('a list of triggers (at least one)');
const replicas = () => nonNegativeInteger('replicas').optional();

const ScalingModifiersSchema = z.looseObject({
  formula: z.string().optional().describe('an expression over trigger names, e.g. "(a + b) / 2"'),
  target: numericString('the composite metric target, > 0').optional(),
  activationTarget: numericString('the composite activation threshold').optional(),
  metricType: z.enum(['', 'AverageValue', 'Value']).optional().describe('AverageValue or Value'),
});

const AdvancedSchema = z.looseObject({
  horizontalPodAutoscalerConfig: z
    .looseObject({ name: z.string().optional(), behavior: HpaBehaviorSchema.nullish() })
    .nullish(),
  restoreToOriginalReplicaCount: z.boolean().optional(),
  scalingModifiers: ScalingModifiersSchema.nullish(),
});

const FallbackSchema = z.looseObject({
  failureThreshold: nonNegativeInteger('consecutive failed reads'),
  replicas: nonNegativeInteger('replicas'),
  behavior: z
    .enum(FALLBACK_BEHAVIORS as readonly FallbackBehavior[] as [FallbackBehavior, ...FallbackBehavior[]])
    .optional()
    .describe(`${FALLBACK_BEHAVIORS.join(', ')} (scalingModifiers with a scalingModifiers formula)`),
});

export const ScaledObjectSchema = z.looseObject({
  metadata: KedaMetadataSchema,
  spec: z.looseObject({
    scaleTargetRef: z.looseObject({
      apiVersion: z.string().optional(),
      kind: z.string().optional(),
      name: z.string().min(1).describe('the name of the Deployment or StatefulSet to scale'),
    }),
    pollingInterval: positiveInteger('seconds').optional(),
    cooldownPeriod: nonNegativeInteger('seconds').optional(),
    initialCooldownPeriod: nonNegativeInteger('seconds').optional(),
    idleReplicaCount: replicas(),
    minReplicaCount: replicas(),
    maxReplicaCount: replicas(),
    advanced: AdvancedSchema.nullish(),
    fallback: FallbackSchema.nullish(),
    triggers: triggers(),
  }),
});

/** KEDA v1 (keda.k8s.io/v1alpha1): scaleTargetRef names a Deployment; no advanced or fallback. */
export const LegacyScaledObjectSchema = z.looseObject({
  metadata: KedaMetadataSchema,
  spec: z.looseObject({
    scaleTargetRef: z.looseObject({
      deploymentName: z.string().min(1).describe('the name of the Deployment to scale'),
      containerName: z.string().optional(),
    }),
    pollingInterval: positiveInteger('seconds').optional(),
    cooldownPeriod: nonNegativeInteger('seconds').optional(),
    minReplicaCount: replicas(),
    maxReplicaCount: replicas(),
    triggers: triggers(),
  }),
});

export const ScaledJobSchema = z.looseObject({
  metadata: KedaMetadataSchema,
  spec: z.looseObject({
    jobTargetRef: z.looseObject({
      template: PodTemplateSchema,
      parallelism: nonNegativeInteger('pods').optional(),
      completions: nonNegativeInteger('completions').optional(),
    }),
    pollingInterval: positiveInteger('seconds').optional(),
    successfulJobsHistoryLimit: nonNegativeInteger('Jobs kept').optional(),
    failedJobsHistoryLimit: nonNegativeInteger('Jobs kept').optional(),
    minReplicaCount: replicas(),
    maxReplicaCount: replicas(),
    scalingStrategy: z
      .looseObject({
        strategy: z.enum(['', 'default', 'custom', 'accurate', 'eager']).optional().describe('default, custom, accurate or eager'),
        customScalingQueueLengthDeduction: z.number().int().optional().describe('an integer (messages)'),
        customScalingRunningJobPercentage: numericString('a ratio of running Jobs, e.g. "0.5"').optional(),
        multipleScalersCalculation: z.enum(['', 'max', 'min', 'avg', 'sum']).optional().describe('max, min, avg or sum'),
      })
      .nullish(),
    triggers: triggers(),
  }),
});

export type TriggerInput = z.output<typeof TriggerSchema>;
export type ScaledObjectInput = z.output<typeof ScaledObjectSchema>;
export type LegacyScaledObjectInput = z.output<typeof LegacyScaledObjectSchema>;
export type ScaledJobInput = z.output<typeof ScaledJobSchema>;
