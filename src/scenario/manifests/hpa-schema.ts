/**
 * Zod schemas for HorizontalPodAutoscaler manifests: autoscaling/v2 (and v2beta2, the same shape)
 * and autoscaling/v1. Target values are Quantities converted to milli-units (MilliValue, rounded
 * up); the range checks of pkg/apis/autoscaling/validation that concern one field live here, the
 * cross-field ones in ./hpa-metrics.ts and ./hpa.ts.
 */
import { z } from 'zod';
import { isValueFormatError } from '../../errors/value-format-error.js';
import { parseMilliValue } from '../../units/quantity.js';
import { quantityNumber, stringMap } from '../schema/fields.js';

/** pkg/apis/autoscaling/validation MaxPeriodSeconds / MaxStabilizationWindowSeconds. */
export const HPA_LIMITS = Object.freeze({
  /** HPAScalingPolicy.periodSeconds must be in 1..1800. */
  maxPolicyPeriodSeconds: 1800,
  /** HPAScalingRules.stabilizationWindowSeconds must be in 0..3600. */
  maxStabilizationWindowSeconds: 3600,
});

const milliQuantity = z
  .union([z.string(), z.number()])
  .transform((input, ctx) => {
    try {
      return parseMilliValue(input);
    } catch (e) {
      if (!isValueFormatError(e)) throw e;
      ctx.addIssue({ code: 'custom', message: e.message, params: e.hint ? { hint: e.hint } : undefined, input });
      return z.NEVER;
    }
  })
  .describe('a Kubernetes quantity such as 100, 500m or 1k');

export const MetricTargetSchema = z.looseObject({
  type: z.enum(['Utilization', 'Value', 'AverageValue']).describe('Utilization, Value or AverageValue'),
  averageUtilization: z.number().int().min(1).optional().describe('an integer percent ≥ 1'),
  averageValue: milliQuantity.optional(),
  value: milliQuantity.optional(),
});

const MetricIdentifierSchema = z.looseObject({
  name: z.string().min(1).describe('the metric name'),
  selector: z.looseObject({ matchLabels: stringMap().optional() }).nullish(),
});

export const MetricSpecSchema = z.looseObject({
  type: z.enum(['Resource', 'ContainerResource', 'Pods', 'Object', 'External']).describe('Resource, ContainerResource, Pods, Object or External'),
  resource: z.looseObject({ name: z.string().min(1), target: MetricTargetSchema }).nullish(),
  containerResource: z
    .looseObject({ name: z.string().min(1), container: z.string().min(1), target: MetricTargetSchema })
    .nullish(),
  pods: z.looseObject({ metric: MetricIdentifierSchema, target: MetricTargetSchema }).nullish(),
  object: z
    .looseObject({
      metric: MetricIdentifierSchema,
      describedObject: z.looseObject({ apiVersion: z.string().optional(), kind: z.string().min(1), name: z.string().min(1) }),
      target: MetricTargetSchema,
    })
    .nullish(),
  external: z.looseObject({ metric: MetricIdentifierSchema, target: MetricTargetSchema }).nullish(),
});

const ScalingPolicySchema = z.looseObject({
  type: z.enum(['Pods', 'Percent']).describe('Pods or Percent'),
  value: z.number().int().min(1).describe('an integer > 0 (pods, or percent of current replicas)'),
  periodSeconds: z.number().int().min(1).max(HPA_LIMITS.maxPolicyPeriodSeconds).describe('an integer in 1..1800 (seconds)'),
});

const ScalingRulesSchema = z.looseObject({
  stabilizationWindowSeconds: z
    .number()
    .int()
    .min(0)
    .max(HPA_LIMITS.maxStabilizationWindowSeconds)
    .optional()
    .describe('an integer in 0..3600 (seconds)'),
  selectPolicy: z.enum(['Max', 'Min', 'Disabled']).optional().describe('Max, Min or Disabled'),
  policies: z.array(ScalingPolicySchema).optional(),
  tolerance: quantityNumber().optional(),
});

/** spec.behavior of autoscaling/v2 (also KEDA's advanced.horizontalPodAutoscalerConfig.behavior). */
export const HpaBehaviorSchema = z.looseObject({ scaleUp: ScalingRulesSchema.nullish(), scaleDown: ScalingRulesSchema.nullish() });

const ScaleTargetRefSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().min(1).describe('the target kind, e.g. Deployment'),
  name: z.string().min(1).describe('the target name'),
});

const HpaMetadataSchema = z.looseObject({
  name: z.string().min(1).describe('the object name'),
  namespace: z.string().min(1).default('default'),
});

const replicas = (what: string) => z.number().int().describe(`an integer (${what})`);

export const HpaV2Schema = z.looseObject({
  metadata: HpaMetadataSchema,
  spec: z.looseObject({
    scaleTargetRef: ScaleTargetRefSchema,
    minReplicas: replicas('replicas').optional(),
    maxReplicas: replicas('replicas'),
    metrics: z.array(MetricSpecSchema).nullish(),
    behavior: HpaBehaviorSchema.nullish(),
  }),
});

export const HpaV1Schema = z.looseObject({
  metadata: HpaMetadataSchema,
  spec: z.looseObject({
    scaleTargetRef: ScaleTargetRefSchema,
    minReplicas: replicas('replicas').optional(),
    maxReplicas: replicas('replicas'),
    targetCPUUtilizationPercentage: z.number().int().min(1).optional().describe('an integer percent ≥ 1'),
  }),
});

export type MetricSpecInput = z.output<typeof MetricSpecSchema>;
export type MetricTargetInput = z.output<typeof MetricTargetSchema>;
export type ScalingRulesInput = z.output<typeof ScalingRulesSchema>;
export type HpaV2Input = z.output<typeof HpaV2Schema>;
export type HpaV1Input = z.output<typeof HpaV1Schema>;
