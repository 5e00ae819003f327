/** strconv.ParseInt and ParseFloat syntax (strconv/atoi.go, atof.go readFloat, special, underscoreOK). */
import { describe, expect, it } from 'vitest';
import { parseGoFloat, parseGoInt } from '../../src/units/go-numbers.js';

describe('parseGoFloat', () => {
  it.each([
    ['0.5', 0.5],
    ['.5', 0.5],
    ['5.', 5],
    ['+1e3', 1000],
    ['-2.5E-1', -0.25],
    ['1_000.5', 1000.5],
    ['0x1p-1', 0.5],
    ['0X1.8P1', 3],
    ['-0x10p0', -16],
    ['0x_1p4', 16],
    ['Inf', Number.POSITIVE_INFINITY],
    ['-infinity', Number.NEGATIVE_INFINITY],
  ] as const)('%s → %d', (text, value) => {
    expect(parseGoFloat(text)).toBe(value);
  });

  it('NaN in any case', () => {
    expect(parseGoFloat('nAn')).toBeNaN();
  });

  it.each([' 0.5', '0.5 ', '', '1__0', '_1', '1_', '1_.5', '0x1', '0x1.8', '0xp1', 'abc', '1e', '--1', '0.5.5'])('refuses %j', (text) => {
    expect(parseGoFloat(text)).toBeUndefined();
  });
});

describe('parseGoInt', () => {
  it.each([
    ['3', 32, 3],
    ['+3', 32, 3],
    ['-2147483648', 32, -2147483648],
    ['007', 64, 7],
  ] as const)('%s (int%d) → %d', (text, bits, value) => {
    expect(parseGoInt(text, bits)).toBe(value);
  });

  it.each([[' 3', 32], ['3 ', 32], ['', 64], ['1.0', 64], ['1e3', 64], ['0x10', 64], ['2147483648', 32]] as const)('refuses %j (int%d)', (text, bits) => {
    expect(parseGoInt(text, bits)).toBeUndefined();
  });
});
