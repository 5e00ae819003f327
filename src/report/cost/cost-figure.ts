/**
 * A money figure of the cost report: its exact amounts per currency, and their sum in the report
 * currency when the user gave a rate for every currency in it (otherwise no converted value).
 */
import type { Currency } from '../../cloud/types.js';
import type { ExactAmount } from '../../units/exact-amount.js';
import { convertTotal, scaleMoney, sumMoney, type ExchangeRate, type Money } from './money.js';

export interface CostFigure {
  /** One exact amount per currency, sorted by code; amounts in different currencies are never added. */
  byCurrency: Money[];
  /** Σ byCurrency converted to the report currency; undefined without a report currency or a rate. */
  inReportCurrency: Money | undefined;
}

/** How figures are converted: the report currency (if any) and the user's rates. */
export interface ConversionSettings {
  reportCurrency: Currency | undefined;
  rates: readonly ExchangeRate[];
}

/** A figure from amounts in any currencies (summed per currency, then converted when possible). */
export function makeCostFigure(amounts: Iterable<Money>, conversion: ConversionSettings): CostFigure {
  const byCurrency = sumMoney(amounts);
  const inReportCurrency =
    conversion.reportCurrency === undefined ? undefined : convertTotal(byCurrency, conversion.reportCurrency, conversion.rates);
  return { byCurrency, inReportCurrency };
}

/** Every amount of the figure times an exact factor; conversion is linear, so it commutes. */
export function scaleCostFigure(figure: CostFigure, factor: ExactAmount): CostFigure {
  const [converted] = figure.inReportCurrency === undefined ? [] : scaleMoney([figure.inReportCurrency], factor);
  return { byCurrency: scaleMoney(figure.byCurrency, factor), inReportCurrency: converted };
}
