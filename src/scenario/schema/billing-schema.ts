/**
 * scenario.yaml `spec.nodePools[].billing`: how one node of a pool is billed (reserved, on-demand,
 * spot), with an explicit price and its currency or the instance type's price from the bundled
 * tables. Defaults (BILLING_DEFAULTS) and the rules between fields are applied in
 * ../node-pools/resolve-billing.ts, so that every problem is reported at its field.
 */
import { z } from 'zod';
import { INTERRUPTION_HANDLINGS } from '../../cloud/types.js';
import { currencyCode, durationSeconds, nonNegativeNumber, positiveDurationSeconds, positiveNumber } from './fields.js';

export const BILLING_KINDS = ['reserved', 'onDemand', 'spot'] as const;

export const BillingSchema = z.strictObject({
  kind: z.enum(BILLING_KINDS).describe('reserved, onDemand or spot'),
  pricePerHour: positiveNumber('price of one node per hour, in `currency`').optional(),
  monthlyPrice: positiveNumber('reserved: price of one node per month, in `currency`').optional(),
  currency: currencyCode().optional(),
  granularity: positiveDurationSeconds('granularity').optional(),
  minimum: durationSeconds('minimum').optional(),
  interruptionRatePerHour: nonNegativeNumber('spot interruptions per node-hour').optional(),
  interruptionNotice: durationSeconds('interruptionNotice').optional(),
  interruptionHandling: z.enum(INTERRUPTION_HANDLINGS).describe('spot: what acts on the notice: none (plain Kubernetes) or drain (cordon and drain the node)').optional(),
});

export type BillingInput = z.output<typeof BillingSchema>;
