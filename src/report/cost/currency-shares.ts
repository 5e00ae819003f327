/**
 * The per-currency parts of a cost row: the nodes and virtual pods priced in each currency, their
 * billed time and, when known, their pools' usage. cost.csv writes one line per currency of a row,
 * and each line counts only its own currency's items: a class or a total that mixes CNY ECI pods
 * and USD Fargate pods gives the CNY line the CNY pods and the USD line the USD pod.
 */
import type { Currency } from '../../cloud/types.js';
import { EXACT_ZERO, exactSum, type ExactAmount } from '../../units/exact-amount.js';
import type { CostItem } from './cost-rows.js';
import { sumUsage, type UsageIntegrals } from './cost-usage.js';

export interface CurrencyShare {
  currency: Currency;
  nodeCount: number;
  podCount: number;
  billedNodeSeconds: ExactAmount;
  billedPodSeconds: ExactAmount;
  /** The usage of the pools priced in this currency; undefined when one of them has none, or a pool mixes currencies. */
  usage: UsageIntegrals | undefined;
}

/** One pool's items by currency (sorted by code); the pool's usage goes to its currency when it has one only. */
export function calculatePoolShares(items: readonly CostItem[], virtual: boolean, usage: UsageIntegrals | undefined): CurrencyShare[] {
  const currencies = [...new Set(items.map((i) => i.cost.currency))].sort();
  return currencies.map((currency) => {
    const mine = items.filter((i) => i.cost.currency === currency);
    const billed = exactSum(mine.map((i) => i.billedSeconds));
    return {
      currency,
      nodeCount: virtual ? 0 : mine.length,
      podCount: virtual ? mine.length : 0,
      billedNodeSeconds: virtual ? EXACT_ZERO : billed,
      billedPodSeconds: virtual ? billed : EXACT_ZERO,
      usage: currencies.length === 1 ? usage : undefined,
    };
  });
}

/** The shares of rows added up per currency (sorted by code); usage only when every part in that currency has it. */
export function combineShares(parts: readonly (readonly CurrencyShare[])[]): CurrencyShare[] {
  const byCurrency = new Map<Currency, CurrencyShare[]>();
  for (const share of parts.flat()) byCurrency.set(share.currency, [...(byCurrency.get(share.currency) ?? []), share]);
  return [...byCurrency.keys()].sort().map((currency) => {
    const shares = byCurrency.get(currency)!;
    const usages = shares.map((s) => s.usage);
    return {
      currency,
      nodeCount: shares.reduce((n, s) => n + s.nodeCount, 0),
      podCount: shares.reduce((n, s) => n + s.podCount, 0),
      billedNodeSeconds: exactSum(shares.map((s) => s.billedNodeSeconds)),
      billedPodSeconds: exactSum(shares.map((s) => s.billedPodSeconds)),
      usage: usages.every((u) => u !== undefined) ? sumUsage(usages as UsageIntegrals[]) : undefined,
    };
  });
}
