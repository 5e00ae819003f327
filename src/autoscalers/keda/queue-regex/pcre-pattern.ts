/**
 * The regex of a rabbitmq trigger with useRegex, as RabbitMQ evaluates it: KEDA sends queueName as
 * the management API's `name` filter with `use_regex=true`, and the plugin keeps a queue when
 * Erlang's `re:run(Name, Regex, [caseless])` matches (rabbit_mgmt_util.erl match_value): PCRE,
 * case-insensitive whatever the pattern says, unanchored. This turns such a pattern into a
 * JavaScript RegExp with the same matches over queue names, or says which PCRE construct it cannot
 * carry over (the caller reports it at queueName). Pure.
 * - Always flag `i`; a leading run of option settings `(?i)`, `(?m)`, `(?s)` sets flags (`(?i)`
 *   anywhere is a no-op, as caseless is on); `(?-i)` and other settings inside the pattern cannot
 *   be expressed and are refused.
 * - PCRE-only syntax rewritten: `\A`, `\z`, `\Z` and a `$` outside multiline mode (end, or before a
 *   final newline), `\Q…\E` literals, `\h \H \v \V \R \N \e \a \x{hh} \o{ooo}`, `(?P<n>` and `(?'n'` groups,
 *   `(?P=n)` back-references, `(?#…)` comments, POSIX classes `[:alpha:]` and the rest inside
 *   brackets, and a `]` first in a class (literal in PCRE, an empty class in JavaScript).
 * - Refused: possessive quantifiers, atomic groups, recursion and subroutine calls, conditionals,
 *   branch reset, callouts, backtracking verbs `(*…)`, `\G \K \X \C \g \p \P`, negated POSIX
 *   classes, and `(?x)`.
 * Not modelled: the plugin runs PCRE without its unicode option, so over a name's UTF-8 bytes with
 * Latin-1 case folding; JavaScript reads UTF-16 code units. The same for ASCII names.
 */

export type PcreTranslation = { ok: true; regex: RegExp } | { ok: false; reason: string };

/** POSIX bracket classes as JavaScript class ranges (re2-pattern.ts reads them too). */
export const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: '\\t\\n\\v\\f\\r ',
  blank: '\\t ',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
  punct: '!-\\/:-@\\[-`{-~',
  cntrl: '\\x00-\\x1F\\x7F',
  graph: '!-~',
  print: ' -~',
  ascii: '\\x00-\\x7F',
};

/** PCRE escapes JavaScript reads otherwise, outside a class and inside one (without brackets). */
const ESCAPES: Readonly<Record<string, [outside: string, inside: string]>> = {
  h: ['[\\t \\xA0]', '\\t \\xA0'],
  H: ['[^\\t \\xA0]', ''],
  v: ['[\\n\\x0B\\f\\r\\x85]', '\\n\\x0B\\f\\r\\x85'],
  V: ['[^\\n\\x0B\\f\\r\\x85]', ''],
  R: ['(?:\\r\\n|[\\n\\x0B\\f\\r\\x85])', ''],
  N: ['[^\\n]', ''],
  e: ['\\x1B', '\\x1B'],
  a: ['\\x07', '\\x07'],
  A: ['(?<![\\s\\S])', ''],
  z: ['(?![\\s\\S])', ''],
  Z: ['(?=\\n?(?![\\s\\S]))', ''],
};

const REFUSED_ESCAPES = new Set(['G', 'K', 'X', 'C', 'g', 'p', 'P']);

class Refused extends Error {}

const escapeLiteral = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * `pattern` as a JavaScript RegExp, caseless as RabbitMQ runs it; `caseless: false` for a caller
 * whose engine honours the pattern's case (re2-pattern.ts), where `(?i)` is honoured only at the start.
 */
export function pcreToRegExp(pattern: string, options: { caseless: boolean } = { caseless: true }): PcreTranslation {
  try {
    const { flags, start } = leadingOptions(pattern, options.caseless);
    const source = translate(pattern, start, flags.includes('m'), flags.includes('i'));
    return { ok: true, regex: new RegExp(source, flags) };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}

/** The flags of a leading run of `(?i)`, `(?m)`, `(?s)` (combined, as `(?im)`), and where the rest starts. */
function leadingOptions(pattern: string, caseless: boolean): { flags: string; start: number } {
  const flags = new Set(caseless ? ['i'] : []);
  let at = 0;
  for (let m = /^\(\?([ims]+)\)/.exec(pattern); m !== null; m = /^\(\?([ims]+)\)/.exec(pattern.slice(at))) {
    for (const f of m[1]!) flags.add(f);
    at += m[0].length;
  }
  return { flags: [...flags].sort().join(''), start: at };
}

function translate(pattern: string, start: number, multiline: boolean, caseless: boolean): string {
  let out = '';
  let i = start;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      const [text, next] = escape(pattern, i, false);
      out += text;
      i = next;
    } else if (c === '[') {
      const [text, next] = characterClass(pattern, i);
      out += text;
      i = next;
    } else if (c === '(') {
      const [text, next] = group(pattern, i, caseless);
      out += text;
      i = next;
    } else if (c === '$' && !multiline) {
      out += '(?=\\n?(?![\\s\\S]))';
      i++;
    } else {
      out += c;
      i++;
      if (isQuantifierEnd(pattern, i - 1) && pattern[i] === '+') throw new Refused(`a possessive quantifier ("${c}+" at ${i}) has no JavaScript form`);
    }
  }
  return out;
}

/** Whether pattern[at] ends a quantifier (`*`, `+`, `?` or a `{n,m}`), so a `+` after it makes it possessive. */
function isQuantifierEnd(pattern: string, at: number): boolean {
  const c = pattern[at];
  if (c === '*' || c === '+' || c === '?') return at > 0 && pattern[at - 1] !== '(';
  if (c !== '}') return false;
  const brace = /\{\d+(,\d*)?\}$/.exec(pattern.slice(0, at + 1));
  // A "{" escaped (\{) opens no quantifier.
  return brace !== null && pattern[brace.index - 1] !== '\\';
}

/** A backslash escape at `at`: its JavaScript text and where the pattern goes on. */
function escape(pattern: string, at: number, inClass: boolean): [string, number] {
  const letter = pattern[at + 1];
  if (letter === undefined) throw new Refused('the pattern ends with a lone backslash');
  if (letter === 'Q') {
    const end = pattern.indexOf('\\E', at + 2);
    const literal = pattern.slice(at + 2, end < 0 ? pattern.length : end);
    return [escapeLiteral(literal), end < 0 ? pattern.length : end + 2];
  }
  if (letter === 'E') return ['', at + 2];
  if (letter === 'o' && pattern[at + 2] === '{') {
    const close = pattern.indexOf('}', at + 3);
    const code = close < 0 || !/^[0-7]+$/.test(pattern.slice(at + 3, close)) ? NaN : parseInt(pattern.slice(at + 3, close), 8);
    if (!(code >= 0 && code <= 0xff)) throw new Refused(`"${pattern.slice(at, close + 1)}" is not an octal escape of a one-byte character`);
    return [`\\x${code.toString(16).padStart(2, '0')}`, close + 1];
  }
  if (letter === 'x' && pattern[at + 2] === '{') {
    const close = pattern.indexOf('}', at + 3);
    const code = close < 0 ? NaN : parseInt(pattern.slice(at + 3, close), 16);
    if (!(code >= 0 && code <= 0xff)) throw new Refused(`"${pattern.slice(at, close + 1)}" is past the one-byte characters PCRE reads without its unicode option`);
    return [`\\x${code.toString(16).padStart(2, '0')}`, close + 1];
  }
  const mapped = ESCAPES[letter];
  if (mapped !== undefined) {
    const text = inClass ? mapped[1] : mapped[0];
    if (text === '') throw new Refused(`"\\${letter}" inside a character class has no JavaScript form`);
    return [text, at + 2];
  }
  if (REFUSED_ESCAPES.has(letter)) throw new Refused(`PCRE's "\\${letter}" has no JavaScript form`);
  return [`\\${letter}`, at + 2];
}

/** A `[...]` class at `at`: POSIX classes expanded, a leading `]` literal, PCRE escapes rewritten. */
function characterClass(pattern: string, at: number): [string, number] {
  let out = '[';
  let i = at + 1;
  if (pattern[i] === '^') {
    out += '^';
    i++;
  }
  if (pattern[i] === ']') {
    out += '\\]';
    i++;
  }
  while (i < pattern.length && pattern[i] !== ']') {
    if (pattern[i] === '\\') {
      const [text, next] = escape(pattern, i, true);
      out += text;
      i = next;
      continue;
    }
    const posix = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(i));
    if (posix !== null) {
      const expansion = POSIX_CLASSES[posix[2]!];
      if (expansion === undefined) throw new Refused(`"${posix[0]}" is not a POSIX class PCRE knows`);
      if (posix[1] === '^') throw new Refused(`a negated POSIX class ("${posix[0]}") has no JavaScript form`);
      out += expansion;
      i += posix[0].length;
      continue;
    }
    out += pattern[i] === '[' ? '\\[' : pattern[i];
    i++;
  }
  if (i >= pattern.length) throw new Refused('a character class is not closed ("]" missing)');
  return [`${out}]`, i + 1];
}

/** A `(` at `at`: groups JavaScript has kept, PCRE's spellings of them rewritten, comments dropped, the rest refused. */
function group(pattern: string, at: number, caseless: boolean): [string, number] {
  const rest = pattern.slice(at);
  if (rest.startsWith('(*')) throw new Refused(`a backtracking verb or start option ("${rest.slice(0, rest.indexOf(')') + 1)}") has no JavaScript form`);
  if (!rest.startsWith('(?')) return ['(', at + 1];
  const named = /^\(\?(?:P<|')([A-Za-z_]\w*)[>']/.exec(rest);
  if (named !== null) return [`(?<${named[1]}>`, at + named[0].length];
  const backReference = /^\(\?P=([A-Za-z_]\w*)\)/.exec(rest);
  if (backReference !== null) return [`\\k<${backReference[1]}>`, at + backReference[0].length];
  if (rest.startsWith('(?#')) {
    const close = pattern.indexOf(')', at);
    if (close < 0) throw new Refused('a comment "(?#" is not closed');
    return ['', close + 1];
  }
  if (/^\(\?(?::|=|!|<=|<!|<[A-Za-z_])/.test(rest)) return ['(?', at + 2];
  const options = /^\(\?([imsxnJUX]*)(?:-([imsxnJUX]*))?(\)|:)/.exec(rest);
  if (options !== null) {
    const on = options[1]!;
    const off = options[2] ?? '';
    // Caseless is on for the whole pattern: turning it on again changes nothing.
    if (caseless && on.replace(/i/g, '') === '' && off === '') return [options[3] === ')' ? '' : '(?:', at + options[0].length];
    throw new Refused(`the option setting "${options[0]}" inside the pattern has no JavaScript form (only (?i), (?m) and (?s) at its start do)`);
  }
  throw new Refused(`the group "${rest.slice(0, 3)}" (atomic, recursion, conditional, branch reset or callout) has no JavaScript form`);
}
