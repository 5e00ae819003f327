import { describe, expect, it } from 'vitest';
import { compileFormula, computeCompositeMetric, type CompiledFormula } from '../../../src/autoscalers/keda/scaling-modifiers.js';

const NAMES = ['a', 'b', 'c'];

function compiled(text: string): CompiledFormula {
  const result = compileFormula(text, NAMES);
  if (!result.ok) throw new Error(result.message);
  return result;
}

const evaluate = (text: string, values: Record<string, number | null>) => compiled(text).evaluate(values);

describe('compileFormula: evaluation', () => {
  it.each([
    ['* binds tighter than +', 'a + b * 2', { a: 1, b: 2 }, 5],
    ['parentheses', '(a + b) * 2', { a: 1, b: 2 }, 6],
    ['left-associative -', 'a - b - c', { a: 10, b: 3, c: 2 }, 5],
    ['division is float', 'a / b', { a: 7, b: 2 }, 3.5],
    ['remainder by an int (math.Mod)', 'a % 3', { a: 7 }, 1],
    ['int % int', '7 % 3', {}, 1],
    ['count with a closure (the KEDA docs example)', 'count([a, b, c], {#>1}) > 1 ? 5 : 0', { a: 2, b: 3, c: 0 }, 5],
    ['count below the bar', 'count([a, b, c], {# > 1}) > 1 ? 5 : 0', { a: 2, b: 1, c: 0 }, 0],
    ['all, any, none and one', '(all([a, b], {# > 0}) ? 1 : 0) + (any([a, b], {# > 5}) ? 10 : 0) + (none([a, b], {# > 5}) ? 100 : 0) + (one([a, b], {# == 2}) ? 1000 : 0)', { a: 1, b: 2 }, 1101],
    ['sum, map and filter', 'sum(map(filter([a, b, c], {# > 1}), {# * 2}))', { a: 2, b: 3, c: 1 }, 10],
    ['len of an array', 'len([a, b, c]) * a', { a: 2, b: 0, c: 0 }, 6],
    ['a formula the user already wrapped in float(…)', 'float(a) * 2', { a: 3 }, 6],
    ['unary minus', '-a + b', { a: 2, b: 5 }, 3],
    ['ternary on a comparison', 'a > 2 ? 10 : 20', { a: 3 }, 10],
    ['ternary false branch', 'a > 2 ? 10 : 20', { a: 2 }, 20],
    ['&& and || with comparisons', 'a > 1 && b > 1 || c > 1 ? 1 : 0', { a: 0, b: 5, c: 5 }, 1],
    ['! negates a boolean', '!(a > 1) ? 1 : 0', { a: 0 }, 1],
    ['?? replaces nil', 'a ?? 5', { a: null }, 5],
    ['?? keeps a value', 'a ?? 5', { a: 0 }, 0],
    ['?? chains', 'a ?? b ?? 3', { a: null, b: null }, 3],
    ['?? binds tighter than * (expr-lang precedence 500)', '2 * a ?? 4', { a: null }, 8],
    ['unary minus applies after ?? (expr-lang: -(a ?? 5))', '-a ?? 5', { a: null }, -5],
    ['nil == nil', 'a == nil ? 1 : 2', { a: null }, 1],
    ['min', 'min(a, b, 7)', { a: 4, b: 9 }, 4],
    ['max', 'max(a, b)', { a: 4, b: 9 }, 9],
    ['abs', 'abs(a)', { a: -3 }, 3],
    ['ceil and floor', 'ceil(a) + floor(b)', { a: 1.2, b: 1.8 }, 3],
    ['round half away from zero (Go math.Round)', 'round(a) + round(b)', { a: 2.5, b: -2.5 }, 0],
    ['round -2.5 is -3', 'round(a)', { a: -2.5 }, -3],
    ['x / 0 is +Inf', 'a / 0', { a: 1 }, Number.POSITIVE_INFINITY],
  ])('%s: %s', (_name, text, values, expected) => {
    expect(evaluate(text, values)).toBe(expected);
  });

  it.each([
    ['nil in arithmetic', 'a + b', { a: null, b: 1 }],
    ['nil in a function argument', 'max(a, 1)', { a: null }],
    ['nil in a comparison', 'a > 1 ? 1 : 0', { a: null }],
    ['a missing trigger value counts as nil', 'a + c', { a: 1 }],
    ['a bare nil', 'nil', {}],
    ['a nil element in a closure', 'count([a, b], {# > 1})', { a: null, b: 2 }],
  ])('%s → null', (_name, text, values) => {
    expect(evaluate(text, values)).toBeNull();
  });
});

describe('compileFormula: rejection', () => {
  it.each([
    ['an unknown identifier', 'a + d', /^unknown name d: the trigger names are a, b, c$/, 5],
    ['constructor', 'constructor', /^unknown name constructor/, 1],
    ['__proto__', 'a + __proto__', /^unknown name __proto__/, 5],
    ['member access', 'a.b', /member access/, undefined],
    ['computed member access', 'a["b"]', /member access/, undefined],
    ['a method call on a member', 'Math.max(a)', /only these functions can be called/, undefined],
    ['float64 % float64 (expr-lang: mismatched types)', 'a % b', /^invalid operation: % \(mismatched types float64 and float64\)$/, 3],
    ['a boolean result (KEDA wraps the formula in float(…))', 'a > 1', /^invalid argument for float \(type bool\)/, undefined],
    ['&& on numbers', 'a && b', /^invalid operation: && \(mismatched types float64 and float64\)$/, 3],
    ['float(…) written by the user around a bool', 'float(a > 1)', /^invalid argument for float \(type bool\)$/, 1],
    ['a closure predicate that is not a bool', 'count([a, b], {# + 1})', /^predicate should return boolean \(got float64\)$/, 1],
    ['# outside a closure', 'a + #', /outside one/, 5],
    ['a closure outside a collection builtin', 'max({# > 1})', /only the second argument/, undefined],
    ['a collection builtin without its closure', 'all([a, b])', /all takes 2 arguments/, 1],
    ['a string literal', 'a + "1"', /string literals/, 5],
    ['an unknown function', 'sqrt(a)', /^unknown function sqrt/, 1],
    ['a function with no arguments', 'min()', /at least 1 argument/, 1],
    ['a unary function with two arguments', 'abs(a, b)', /abs takes 1 argument, got 2/, 1],
    ['** (not whitelisted)', 'a ** 2', /operator \*\* is not supported/, 3],
    ['bitwise |', 'a | b', /operator \| is not supported/, 3],
    ['null (expr-lang writes nil)', 'null', /nil/, 1],
    ['two expressions side by side', 'a b', /one expression/, undefined],
    ['a syntax error', 'a +', /^syntax error/, 4],
    ['an empty formula', '  ', /empty/, undefined],
    ['this', 'this', /not allowed/, undefined],
  ])('%s', (_name, text, message, column) => {
    const result = compileFormula(text, NAMES);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(message);
    expect(result.column).toBe(column);
  });

  it('with no named triggers every identifier is unknown', () => {
    expect(compileFormula('x', [])).toMatchObject({ ok: false, message: 'unknown name x: no trigger has a name' });
  });
});

describe('computeCompositeMetric', () => {
  it('sends the formula value truncated to milli-units', () => {
    expect(computeCompositeMetric({ formula: compiled('a / 3'), triggerValues: { a: 1 }, target: 2 })).toMatchObject({ value: 0.333, valueMilli: 333, fromFallback: false });
  });

  it('a negative result is sent as it is (SetMilli(int64(out × 1000)), no clamp); NaN and ±Inf as 0', () => {
    expect(computeCompositeMetric({ formula: compiled('a - b'), triggerValues: { a: 1, b: 5.0005 }, target: 2 })).toMatchObject({ value: -4, valueMilli: -4000 });
    expect(computeCompositeMetric({ formula: compiled('a / b'), triggerValues: { a: 1, b: 0 }, target: 2 }).valueMilli).toBe(0);
  });

  it('a nil result with a fallback serves fallback.replicas × target', () => {
    expect(computeCompositeMetric({ formula: compiled('a + b'), triggerValues: { a: null, b: 1 }, target: 2, fallbackReplicas: 6 })).toMatchObject({ value: 12, fromFallback: true });
  });

  it('a nil result without fallback has no value', () => {
    expect(computeCompositeMetric({ formula: compiled('a + b'), triggerValues: { a: null, b: 1 }, target: 2 }).value).toBeNull();
  });
});
