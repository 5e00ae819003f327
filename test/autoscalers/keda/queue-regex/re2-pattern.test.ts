/**
 * Go regexp (RE2) patterns as azure-servicebus's useRegex keeps entities: the whole name must match
 * (FindString with Longest() equal to the name), case-sensitively unless (?i); constructs RE2 lacks
 * are invalid, as Go's regexp.Compile refuses them.
 */
import { describe, expect, it } from 'vitest';
import { re2ToRegExp } from '../../../../src/autoscalers/keda/queue-regex/re2-pattern.js';

const matches = (pattern: string, name: string): boolean => {
  const t = re2ToRegExp(pattern);
  if (!t.ok) throw new Error(t.reason);
  return t.regex.test(name);
};

describe('re2ToRegExp', () => {
  it.each([
    ['orders-.*', 'orders-eu', true],
    ['orders-.*', 'x-orders-eu', false],
    ['orders', 'orders-eu', false],
    ['orders|invoices', 'invoices', true],
    ['Orders', 'orders', false],
    ['(?i)Orders', 'orders', true],
    ['orders-[[:digit:]]+', 'orders-12', true],
    ['orders-\\d{2}', 'orders-123', false],
    ['(?P<region>eu|us)-orders', 'us-orders', true],
    ['\\Qorders.v1\\E', 'orders.v1', true],
    ['\\Qorders.v1\\E', 'ordersXv1', false],
    ['a|ab', 'ab', true],
  ])('/%s/ on %s: %s', (pattern, name, expected) => {
    expect(matches(pattern, name)).toBe(expected);
  });

  it.each([
    ['*', undefined],
    ['orders(', undefined],
    ['orders(?=-eu)', 'a look-around is not RE2 syntax'],
    ['orders(?!-eu)', 'a look-around is not RE2 syntax'],
    ['(a)\\1', '"\\1" is not RE2 syntax'],
    ['a*+', 'a possessive quantifier is not RE2 syntax'],
    ['(?>a)', 'an atomic group is not RE2 syntax'],
    ['orders\\Z', '"\\Z" is not RE2 syntax'],
  ])('refuses /%s/ as Go does', (pattern, reason) => {
    const t = re2ToRegExp(pattern);
    expect(t.ok).toBe(false);
    if (!t.ok) {
      expect(t.invalid).toBe(true);
      if (reason !== undefined) expect(t.reason).toBe(reason);
    }
  });

  it('keeps a look-around written inside \\Q…\\E as literal text', () => {
    expect(matches('\\Q(?=x)\\E', '(?=x)')).toBe(true);
  });
});
