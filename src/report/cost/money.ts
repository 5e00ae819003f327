/**
 * Money: an exact amount with its currency; sums kept per currency, never across currencies; and
 * conversion only with a rate the user gave (no guessed or triangulated rates). Cents and
 * micro-units are presentation: nothing rounded is ever summed again.
 */
import type { Currency } from '../../cloud/types.js';
import {
  EXACT_ONE,
  EXACT_ZERO,
  exactAdd,
  exactDivide,
  exactFromNumber,
  exactMultiply,
  exactRoundScaled,
  exactSum,
  exactToFixed,
  type ExactAmount,
} from '../../units/exact-amount.js';

export interface Money {
  currency: Currency;
  amount: ExactAmount;
}

/** Amounts per currency: at most one entry per currency, sorted by currency code. */
export type MoneyByCurrency = readonly Money[];

/** 1 unit of `from` is worth `rate` units of `to` (e.g. {from: 'USD', to: 'CNY', rate: 7.1}). */
export interface ExchangeRate {
  from: Currency;
  to: Currency;
  rate: number;
}

const byCurrency = (a: Money, b: Money): number => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0);

/** Groups amounts by currency and adds each group exactly; sorted by currency code. */
export function sumMoney(items: Iterable<Money>): Money[] {
  const groups = new Map<Currency, ExactAmount[]>();
  for (const item of items) {
    const group = groups.get(item.currency);
    if (group) group.push(item.amount);
    else groups.set(item.currency, [item.amount]);
  }
  return [...groups].map(([currency, amounts]) => ({ currency, amount: exactSum(amounts) })).sort(byCurrency);
}

/** Every amount multiplied by the same exact factor (e.g. an idle ratio). */
export function scaleMoney(totals: MoneyByCurrency, factor: ExactAmount): Money[] {
  return totals.map((m) => ({ currency: m.currency, amount: exactMultiply(m.amount, factor) }));
}

/** The amount in one currency, zero when the list holds none of it. */
export function amountIn(totals: MoneyByCurrency, currency: Currency): ExactAmount {
  return totals.find((m) => m.currency === currency)?.amount ?? EXACT_ZERO;
}

/** Integer millionths of the currency unit, halves away from zero (presentation only). */
export function toMicroUnits(amount: ExactAmount): bigint {
  return exactRoundScaled(amount, 6);
}

/** "12.35": rounded to cents, halves away from zero (presentation only). */
export function formatCents(amount: ExactAmount): string {
  return exactToFixed(amount, 2);
}

/**
 * The exact rate from one currency to another: 1 when they are equal, the given rate, or the
 * reciprocal of a rate given the other way. undefined when no such rate was given: rates are never
 * chained through a third currency nor looked up anywhere. Non-positive or non-finite rates count
 * as absent.
 */
export function findRate(from: Currency, to: Currency, rates: readonly ExchangeRate[]): ExactAmount | undefined {
  if (from === to) return EXACT_ONE;
  const usable = (r: ExchangeRate): boolean => Number.isFinite(r.rate) && r.rate > 0;
  const direct = rates.find((r) => r.from === from && r.to === to && usable(r));
  if (direct) return exactFromNumber(direct.rate);
  const inverse = rates.find((r) => r.from === to && r.to === from && usable(r));
  return inverse ? exactDivide(EXACT_ONE, exactFromNumber(inverse.rate)) : undefined;
}

/**
 * `amount` of currency `from` expressed in `to`, exactly; undefined when no rate connects them
 * (see findRate). The same currency converts to itself without a rate.
 */
export function convert(
  amount: ExactAmount,
  from: Currency,
  to: Currency,
  rates: readonly ExchangeRate[],
): ExactAmount | undefined {
  const rate = findRate(from, to, rates);
  return rate === undefined ? undefined : exactMultiply(amount, rate);
}

/**
 * The sum of amounts in several currencies, expressed in `to`; undefined when any currency lacks a
 * rate (a partial sum would silently drop money). An empty list is zero in `to`.
 */
export function convertTotal(totals: MoneyByCurrency, to: Currency, rates: readonly ExchangeRate[]): Money | undefined {
  let amount = EXACT_ZERO;
  for (const m of totals) {
    const converted = convert(m.amount, m.currency, to, rates);
    if (converted === undefined) return undefined;
    amount = exactAdd(amount, converted);
  }
  return { currency: to, amount };
}
