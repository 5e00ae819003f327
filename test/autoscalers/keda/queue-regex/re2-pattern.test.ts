/**
 * Go regexp (RE2) patterns as azure-servicebus's useRegex keeps entities: the whole name must match
 * (FindString with Longest() equal to the name), case-sensitively unless (?i); what Go's
 * regexp.Compile refuses is invalid, what it takes is matched as Go matches it (the rules of
 * regexp/syntax's parser; a review ran the contested patterns, such as `orders-[*+]`, `\101`,
 * `\y`, `a{1001}` and `[a-\d]`, through Go's regexp), and the few constructs a RegExp cannot carry
 * are said to be so.
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
    ['a|ab', 'ab', true],
    ['Orders', 'orders', false],
    ['(?i)Orders', 'orders', true],
    ['(?i)Orders|EU', 'eu', true],
    ['orders-[[:digit:]]+', 'orders-12', true],
    ['orders-[[:^alpha:]]+', 'orders-12', true],
    ['orders-[[:^alpha:]]+', 'orders-ab', false],
    ['orders-\\d{2}', 'orders-123', false],
    ['orders-\\d{2,}', 'orders-123', true],
    ['(?P<region>eu|us)-orders', 'us-orders', true],
    ['(?<region>eu|us)-orders', 'eu-orders', true],
    ['\\Qorders.v1\\E', 'orders.v1', true],
    ['\\Qorders.v1\\E', 'ordersXv1', false],
    ['\\Q(?=x)\\E', '(?=x)', true],
    ['orders-[*+]', 'orders-+', true],
    ['q[?+]x', 'q?x', true],
    ['a}+', 'a}}', true],
    ['[(?=]+', '(?=', true],
    ['\\101', 'A', true],
    ['\\x{263a}', '\u263a', true],
    ['\\x41b', 'Ab', true],
    ['(?U)a+', 'aaa', true],
    ['(?s).', '\n', true],
    ['.', '\n', false],
    ['a{2}b{1,2}', 'aabb', true],
    ['x{', 'x{', true],
    ['[]a]+', ']a', true],
    ['[a-]+', 'a-', true],
    ['\\w+\\.\\w+', 'orders.eu', true],
    ['(?)orders', 'orders', true],
    // A second review's comparison against Go's regexp (about 3,900 patterns):
    ['\\x{2e}x', '.x', true],
    ['\\x{2e}x', '.', false],
    ['\\x{61}{0,}', 'aaa', true],
    ['[\\x{61}-\\x{7A}]+', 'orders', true],
    ['[\\x00-\\x{7f}]+', 'orders', true],
    ['a{01}', 'a{01}', true],
    ['a{01}', 'a', false],
    ['a{,2}', 'a{,2}', true],
    ['[\\d-z]+', '1-z', true],
    ['orders-[\\w-.]+', 'orders-eu.west-1', true],
    ['[😀]', '😀', true],
    ['[😀]', '0', false],
    ['^..$', '😀', false],
    ['^.$', '😀', true],
    ['(?i)s', 'ſ', true],
    ['(?i)[^k]', '\u212a', false],
    ['a*(?s)*', 'aaa', true],
    ['a*\\Q\\E*', 'aa', true],
    ['(a{100}){10}', 'a'.repeat(1000), true],
  ])('/%s/ on %j: %s', (pattern, name, expected) => {
    expect(matches(pattern, name)).toBe(expected);
  });

  it.each([
    ['*', 'missing argument to repetition operator: "*"'],
    ['orders(', 'missing closing ): a group is not closed'],
    ['orders)', 'unexpected ): no group to close'],
    ['orders(?=-eu)', 'invalid or unsupported Perl syntax: "(?="'],
    ['orders(?!-eu)', 'invalid or unsupported Perl syntax: "(?!"'],
    ['(?>a)', 'invalid or unsupported Perl syntax: "(?>"'],
    ["(?'n'a)", 'invalid or unsupported Perl syntax: "(?\'"'],
    ['(a)\\1', 'invalid escape sequence: "\\1"'],
    ['a**', 'invalid nested repetition operator: "*"'],
    ['a*??', 'invalid nested repetition operator: "?"'],
    ['a{2}+', 'invalid nested repetition operator: "+"'],
    ['a{1001}', 'invalid repeat count: "{1001}"'],
    ['a{3,2}', 'invalid repeat count: "{3,2}"'],
    ['orders\\Z', 'invalid escape sequence: "\\Z"'],
    ['\\y', 'invalid escape sequence: "\\y"'],
    ['\\E', 'invalid escape sequence: "\\E"'],
    ['\\o{101}', 'invalid escape sequence: "\\o"'],
    ['\\cA', 'invalid escape sequence: "\\c"'],
    ['\\u0041', 'invalid escape sequence: "\\u"'],
    ['a\\\\Q(?=x)', 'invalid or unsupported Perl syntax: "(?="'],
    ['[a-\\d]', 'invalid character class range: "a-\\d"'],
    ['[z-a]', 'invalid character class range: a range that runs backwards'],
    ['[[:foo:]]', 'invalid character class range: "[:foo:]"'],
    ['[abc', 'missing closing ]: a character class is not closed'],
    ['(?i-)a', 'invalid or unsupported Perl syntax: "(?i"'],
    ['orders\\', 'trailing backslash at end of expression'],
    ['[[:Alpha:]]', 'invalid character class range: "[:Alpha:]"'],
    ['[[::]]', 'invalid character class range: "[::]"'],
    ['[[:a]b:]', 'invalid character class range: "[:a]b:]"'],
    ['(a{100}){11}', 'invalid repeat count: "{11}" (nested counts above 1000)'],
    ['(a{2}){501}', 'invalid repeat count: "{501}" (nested counts above 1000)'],
    ['((a{600})*){2}', 'invalid repeat count: "{2}" (nested counts above 1000)'],
  ])('refuses /%s/ as Go does', (pattern, reason) => {
    expect(re2ToRegExp(pattern)).toEqual({ ok: false, invalid: true, reason });
  });

  it.each([
    ['\\pL+', 'Unicode classes ("\\p") are not carried over'],
    ['\\p{Greek}', 'Unicode classes ("\\p") are not carried over'],
    ['(?i:orders)-.*', '(?i) turned on or off for part of the pattern has no JavaScript form here (Node 20 has no scoped flags)'],
    ['a(?i)b', '(?i) turned on or off for part of the pattern has no JavaScript form here (Node 20 has no scoped flags)'],
    ['[a\\D]', 'a negated class (\\D, \\S, \\W or [:^name:]) inside a bracket with other items is not carried over'],
  ])('says /%s/ is valid Go it cannot carry over', (pattern, reason) => {
    expect(re2ToRegExp(pattern)).toEqual({ ok: false, invalid: false, reason });
  });
});
