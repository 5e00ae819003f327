/**
 * `spec.currency` → the report currency and the exchange rates: each rate between two different
 * currencies, once; the report currency defaults to the currency most prices use (ties: the one met
 * first, in node-pool order); a warning names prices that no given rate converts to the report currency.
 */
import type { ProblemSink } from './problem-sink.js';
import type { CurrencyInput } from './schema/currency-schema.js';
import type { NodePoolSpec, Scenario } from './types.js';
import type { DocRef } from './yaml/doc-ref.js';

export function resolveCurrency(input: CurrencyInput | undefined, pools: readonly NodePoolSpec[], ref: DocRef, sink: ProblemSink): Pick<Scenario, 'currencyRates' | 'reportCurrency'> {
  const rates = input?.rates ?? [];
  const seen = new Set<string>();
  rates.forEach((r, i) => {
    if (r.from === r.to) sink.error(ref.problem(['spec', 'currency', 'rates', i, 'to'], `a rate converts between two currencies; from and to are both ${r.from}`, 'remove it'));
    const key = `${r.from}→${r.to}`;
    if (seen.has(key)) sink.error(ref.problem(['spec', 'currency', 'rates', i], `a second rate from ${r.from} to ${r.to}`, 'give each rate once'));
    seen.add(key);
  });
  const currencies = pools.flatMap((p) => [p.billing?.currency, p.virtual?.pricing.currency]).filter((c): c is string => c !== undefined);
  const reportCurrency = input?.report ?? mostCommon(currencies);
  if (reportCurrency !== undefined) warnAboutUnconvertible(currencies, reportCurrency, rates, ref, sink);
  return { currencyRates: rates.map((r) => ({ from: r.from, to: r.to, rate: r.rate })), ...(reportCurrency !== undefined ? { reportCurrency } : {}) };
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function warnAboutUnconvertible(currencies: readonly string[], report: string, rates: CurrencyInput['rates'], ref: DocRef, sink: ProblemSink): void {
  const convertible = (c: string) => c === report || rates.some((r) => (r.from === c && r.to === report) || (r.from === report && r.to === c));
  const stranded = [...new Set(currencies.filter((c) => !convertible(c)))].sort();
  if (stranded.length === 0) return;
  const at = ref.valueAt(['spec', 'currency']) === undefined ? ['spec'] : ['spec', 'currency'];
  sink.warn(
    ref.warning(at, `prices in ${stranded.join(', ')} cannot be converted to the report currency ${report}: no rate is given; the cost report shows them separately`, `add spec.currency.rates: [{from: ${stranded[0]}, to: ${report}, rate: …}]`),
  );
}
