/**
 * A rabbitmq useRegex queueName as RabbitMQ's management plugin evaluates it
 * (src/autoscalers/keda/queue-regex/pcre-pattern.ts): Erlang's re:run(Name, Regex, [caseless]), PCRE,
 * case-insensitive, unanchored. Each row: a pattern, the queue names it keeps of NAMES worked out
 * from PCRE's rules by hand, or the construct it refuses.
 */
import { describe, expect, it } from 'vitest';
import { pcreToRegExp } from '../../../../src/autoscalers/keda/queue-regex/pcre-pattern.js';

const NAMES = ['orders-eu', 'ORDERS-us', 'orders', 'audit', 'orders.eu', 'x]y', 'job 7', 'line\n', 'a1', 'A-b', 'Ab'];

const keeps = (pattern: string): string[] => {
  const t = pcreToRegExp(pattern);
  if (!t.ok) throw new Error(t.reason);
  return NAMES.filter((n) => t.regex.test(n));
};

describe('pcreToRegExp: the queues a PCRE pattern keeps', () => {
  it.each<[string, string, string[]]>([
    ['unanchored, caseless (re:run with [caseless])', 'orders-', ['orders-eu', 'ORDERS-us']],
    ['anchored at the start', '^a', ['audit', 'a1', 'A-b', 'Ab']],
    ['$ matches before a final newline too (no multiline)', '^line$', ['line\n']],
    ['\\z only at the very end', 'line\\z', []],
    ['\\Z at the end or before a final newline', 'line\\Z', ['line\n']],
    ['\\A the very start', '\\Aorders$', ['orders']],
    ['\\Q…\\E is literal', '\\Q.eu\\E', ['orders.eu']],
    ['\\Q without \\E runs to the end', 'orders\\Q.', ['orders.eu']],
    ['a leading ] in a class is literal', '[]x]y', ['x]y']],
    ['a POSIX class', '^[[:alpha:]][[:digit:]]$', ['a1']],
    ['POSIX classes beside other members, caseless too', '^[[:upper:]-]+$', ['orders-eu', 'ORDERS-us', 'orders', 'audit', 'line\n', 'A-b', 'Ab']],
    ['(?i) changes nothing: caseless already', '(?i)^ab$', ['Ab']],
    ['(?-i) is refused below; (?i: …) a plain group', '^(?i:a)b$', ['Ab']],
    ['a comment is dropped', '^au(?#the audit queue)dit', ['audit']],
    ['(?P<name>…) and (?P=name)', '^(?P<c>[a-z])(?P=c)', []],
    ["(?'name'…) groups", "^(?'q'job) 7", ['job 7']],
    ['\\h is horizontal white space', 'job\\h7', ['job 7']],
    ['\\x{hh} one byte', 'job\\x{20}7', ['job 7']],
    ['\\N any but a newline', '^line\\N', []],
    ['(?s) at the start: . takes a newline', '(?s)^line.$', ['line\n']],
    ['(?m) at the start: $ before each newline', '(?m)line$', ['line\n']],
    ['a lazy quantifier is not possessive', '^o.*?s$', ['ORDERS-us', 'orders']],
    ['an escaped "{" opens no quantifier, so a "+" after its "}" is a plain one', 'x\\{2}+', []],
    ['\\a is BEL and \\o{…} an octal byte', '^job\\o{40}7$', ['job 7']],
  ])('%s: /%s/', (_name, pattern, expected) => {
    expect(keeps(pattern)).toEqual(expected);
  });
});

describe('pcreToRegExp: constructs with no JavaScript form are refused with what they are', () => {
  it.each<[string, string]>([
    ['orders++', 'possessive quantifier'],
    ['o{1,2}+', 'possessive quantifier'],
    ['(?>orders)', 'atomic'],
    ['(?R)', 'recursion'],
    ['(?(1)a|b)', 'conditional'],
    ['(*UTF8)orders', 'backtracking verb or start option'],
    ['a(?-i)b', 'option setting "(?-i)" inside the pattern'],
    ['a(?s)b', 'option setting "(?s)" inside the pattern'],
    ['(?x) orders', 'option setting "(?x)"'],
    ['\\Gorders', 'PCRE\'s "\\G"'],
    ['\\p{L}', 'PCRE\'s "\\p"'],
    ['[[:^alpha:]]', 'negated POSIX class'],
    ['[[:letters:]]', 'not a POSIX class PCRE knows'],
    ['\\x{100}', 'past the one-byte characters'],
    ['[a-z', 'not closed'],
    ['orders\\', 'lone backslash'],
    ['orders-(', 'Unterminated group'],
  ])('/%s/: %s', (pattern, reason) => {
    const t = pcreToRegExp(pattern);
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.reason).toContain(reason);
  });
});
