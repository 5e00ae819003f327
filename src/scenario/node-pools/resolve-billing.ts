/**
 * `spec.nodePools[].billing` → NodeBilling: an explicit price needs its currency; without a price,
 * the instance type's bundled price for the billing kind is used; spot-only fields are rejected on
 * other kinds; defaults come from BILLING_DEFAULTS. Every problem is reported at its field.
 */
import { findInstancePrice, type InstanceTypeEntry } from '../../cloud/prices/registry.js';
import type { NodeBilling } from '../../cloud/types.js';
import type { ProblemSink } from '../problem-sink.js';
import type { BillingInput } from '../schema/billing-schema.js';
import { BILLING_DEFAULTS } from '../schema/scenario-defaults.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldPath } from '../yaml/field-path.js';

const SPOT_ONLY_FIELDS = ['interruptionRatePerHour', 'interruptionNotice', 'interruptionHandling'] as const;

interface Price {
  pricePerHour: number;
  currency: string;
  source: string;
}

/**
 * Resolves one pool's billing at `path`. `type` is the pool's bundled instance type (undefined when
 * the pool names none, or names an unknown one: `typeReported` then suppresses a second problem).
 */
export function resolveBilling(
  input: BillingInput,
  type: InstanceTypeEntry | undefined,
  typeReported: boolean,
  path: FieldPath,
  ref: DocRef,
  sink: ProblemSink,
): NodeBilling | undefined {
  const errorsBefore = sink.problems.length;
  checkKindFields(input, path, ref, sink);
  const price = explicitPrice(input, path, ref, sink) ?? (typeReported ? undefined : bundledPrice(input, type, path, ref, sink));
  if (!price || sink.problems.length > errorsBefore) return undefined;
  const spot = input.kind === 'spot';
  return {
    kind: input.kind,
    currency: price.currency,
    pricePerHour: price.pricePerHour,
    granularitySeconds: input.granularity ?? BILLING_DEFAULTS.granularitySeconds,
    minimumSeconds: input.minimum ?? BILLING_DEFAULTS.minimumSeconds[input.kind],
    ...(spot && input.interruptionRatePerHour !== undefined ? { interruptionRatePerHour: input.interruptionRatePerHour } : {}),
    ...(spot ? { interruptionNoticeSeconds: input.interruptionNotice ?? BILLING_DEFAULTS.spotInterruptionNoticeSeconds } : {}),
    ...(spot ? { interruptionHandling: input.interruptionHandling ?? BILLING_DEFAULTS.spotInterruptionHandling } : {}),
    source: price.source,
  };
}

function checkKindFields(input: BillingInput, path: FieldPath, ref: DocRef, sink: ProblemSink): void {
  for (const field of SPOT_ONLY_FIELDS) {
    if (input.kind === 'spot' || input[field] === undefined) continue;
    sink.error(ref.problem([...path, field], `${field} applies to spot billing only; this pool is billed ${input.kind}`, 'remove it, or set kind: spot'));
  }
  if (input.monthlyPrice === undefined) return;
  if (input.kind !== 'reserved') {
    sink.error(ref.problem([...path, 'monthlyPrice'], `monthlyPrice is the price of reserved capacity; this pool is billed ${input.kind}`, 'give the hourly price as pricePerHour'));
  } else if (input.pricePerHour !== undefined) {
    sink.error(ref.problem([...path, 'monthlyPrice'], 'give pricePerHour or monthlyPrice, not both', `monthlyPrice is turned into an hourly price over a ${BILLING_DEFAULTS.hoursPerMonth}-hour month`));
  }
}

/** The price written in the scenario, or undefined when none is (a problem when its currency is missing). */
function explicitPrice(input: BillingInput, path: FieldPath, ref: DocRef, sink: ProblemSink): Price | undefined {
  const field = input.pricePerHour !== undefined ? 'pricePerHour' : input.monthlyPrice !== undefined ? 'monthlyPrice' : undefined;
  if (field === undefined) return undefined;
  const value = input[field] as number;
  if (input.currency === undefined) {
    sink.error(ref.problem([...path, field], `${field} ${value} has no currency; a price without its currency cannot be reported or converted`, 'add currency: USD (an ISO 4217 code) under billing'));
    return undefined;
  }
  const pricePerHour = field === 'pricePerHour' ? value : value / BILLING_DEFAULTS.hoursPerMonth;
  return { pricePerHour, currency: input.currency, source: 'scenario' };
}

/** The instance type's bundled price for the billing kind (a problem when there is none). */
function bundledPrice(input: BillingInput, type: InstanceTypeEntry | undefined, path: FieldPath, ref: DocRef, sink: ProblemSink): Price | undefined {
  const priceFields = input.kind === 'reserved' ? 'pricePerHour (or monthlyPrice)' : 'pricePerHour';
  if (!type) {
    sink.error(ref.problem([...path, 'kind'], `billing ${input.kind} has no price: no ${priceFields} is given and the pool has no instanceType`, `add ${priceFields} and currency under billing, or an instanceType from the bundled price tables`));
    return undefined;
  }
  const bundled = findInstancePrice(type, input.kind);
  if (!bundled) {
    const kinds = type.prices.map((p) => p.kind).join(', ');
    const why = input.kind === 'spot' ? ' (spot prices move; none is bundled)' : '';
    sink.error(ref.problem([...path, 'kind'], `the bundled table has no ${input.kind} price for ${type.name}${why}; it has: ${kinds}`, `give ${priceFields} and currency under billing`));
    return undefined;
  }
  if (input.currency !== undefined && input.currency !== type.currency) {
    sink.error(ref.problem([...path, 'currency'], `the bundled ${input.kind} price of ${type.name} is in ${type.currency}, not ${input.currency}`, `remove currency, or give your own ${priceFields} in ${input.currency}`));
    return undefined;
  }
  return { pricePerHour: bundled.pricePerHour, currency: type.currency, source: `${type.name} ${type.region}, ${bundled.term}: ${bundled.source}` };
}
