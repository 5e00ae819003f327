import { describe, expect, it } from 'vitest';
import { exactFraction, exactFromNumber } from '../../../src/units/exact-amount.js';
import {
  convert,
  convertTotal,
  findRate,
  formatCents,
  sumMoney,
  toMicroUnits,
  type ExchangeRate,
} from '../../../src/report/cost/money.js';

const x = exactFromNumber;
const RATES: ExchangeRate[] = [
  { from: 'USD', to: 'CNY', rate: 7.1 },
  { from: 'EUR', to: 'USD', rate: 1.08 },
];

describe('convert uses only the rates given', () => {
  it.each([
    ['same currency needs no rate', 'JPY', 'JPY', [], x(10)],
    ['direct rate', 'USD', 'CNY', RATES, x(71)],
    ['reciprocal of a rate given the other way', 'CNY', 'USD', RATES, exactFraction(100n, 71n)],
    ['no rate → not converted', 'CNY', 'EUR', [], undefined],
    ['no triangulation through USD (EUR→USD→CNY)', 'EUR', 'CNY', RATES, undefined],
    ['a zero rate counts as absent', 'USD', 'GBP', [{ from: 'USD', to: 'GBP', rate: 0 }], undefined],
    ['a negative rate counts as absent', 'GBP', 'USD', [{ from: 'USD', to: 'GBP', rate: -1 }], undefined],
  ] as const)('%s', (_name, from, to, rates, expected) => {
    expect(convert(x(10), from, to, rates)).toEqual(expected);
  });

  it('a direct rate wins over the reciprocal of the reverse one', () => {
    const rates: ExchangeRate[] = [
      { from: 'CNY', to: 'USD', rate: 0.14 },
      { from: 'USD', to: 'CNY', rate: 7.1 },
    ];
    expect(findRate('CNY', 'USD', rates)).toEqual(x(0.14));
  });

  it('convertTotal converts every currency or nothing', () => {
    const totals = sumMoney([
      { currency: 'USD', amount: x(1) },
      { currency: 'CNY', amount: x(7.1) },
    ]);
    expect(convertTotal(totals, 'USD', RATES)).toEqual({ currency: 'USD', amount: x(2) });
    expect(convertTotal(totals, 'EUR', RATES)).toBeUndefined();
    expect(convertTotal([], 'EUR', [])).toEqual({ currency: 'EUR', amount: x(0) });
  });
});

describe('sums stay per currency', () => {
  it('groups, adds exactly and sorts by currency code', () => {
    const sums = sumMoney([
      { currency: 'USD', amount: x(0.1) },
      { currency: 'CNY', amount: x(1) },
      { currency: 'USD', amount: x(0.2) },
    ]);
    expect(sums).toEqual([
      { currency: 'CNY', amount: x(1) },
      { currency: 'USD', amount: x(0.3) },
    ]);
  });
});

describe('presentation', () => {
  it.each([
    [x(12.345), '12.35'],
    [x(0.004999), '0.00'],
    [x(-2.675), '-2.68'],
    [exactFraction(1n, 3n), '0.33'],
  ])('formatCents(%o) = %s', (amount, text) => {
    expect(formatCents(amount)).toBe(text);
  });

  it('micro-units round halves away from zero', () => {
    expect(toMicroUnits(x(0.0000015))).toBe(2n);
    expect(toMicroUnits(x(0.00012252))).toBe(123n);
    expect(toMicroUnits(x(-0.0000005))).toBe(-1n);
  });
});
