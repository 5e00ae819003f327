/**
 * scenario.yaml `spec.currency`: the currency the cost report converts to, and the exchange rates the
 * user gives for it. Nothing is converted without a rate; rates are checked in ../resolve-currency.ts.
 */
import { z } from 'zod';
import { currencyCode } from './fields.js';

export const CurrencyRateSchema = z.strictObject({
  from: currencyCode(),
  to: currencyCode(),
  rate: z.number().positive().describe('a number greater than 0 (units of `to` per unit of `from`)'),
});

export const CurrencySchema = z.strictObject({
  report: currencyCode().optional(),
  rates: z.array(CurrencyRateSchema).default([]).describe('a list of {from, to, rate}'),
});

export type CurrencyInput = z.output<typeof CurrencySchema>;
