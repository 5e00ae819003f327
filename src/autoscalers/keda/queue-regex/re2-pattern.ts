/**
 * The regex of an azure-servicebus trigger with useRegex, as KEDA evaluates it
 * (azure_servicebus_scaler.go Validate and getAzureServiceBusLength): Go's regexp (RE2 syntax,
 * regexp/syntax with the Perl flags), compiled with Longest(), an entity kept when
 * FindString(name) == name, i.e. when the whole name matches; case-sensitive unless `(?i)`. Pure.
 * One pass over the pattern, as regexp/syntax's parser reads it, writes a JavaScript RegExp with
 * the `u` flag (code points, and Unicode simple case folding under `i`, as Go folds):
 * - refused as Go refuses them (`invalid: true`, KEDA's "not a valid regular expression"): an escape
 *   Go lacks (a letter other than `A b B z Q d D s S w W p P x a f n r t v`, a lone `\E`, `\1`–`\7`
 *   without a second octal digit: a back-reference), a group other than `(?:`, `(?P<n>`, `(?<n>`
 *   and flag groups of `imsU` (look-arounds, atomic, comments, …), a repetition of nothing or of a
 *   repetition (`a**`, `a*??`, `a{2}+`), a count above 1000, nested counts whose product does
 *   (repeatIsValid: `(a{100}){11}`), a backwards count or range, a class range to a class
 *   (`[a-\d]`), a `[:name:]` Go does not know (`[[:Alpha:]]`), unbalanced brackets;
 * - written as Go reads it: `.` without `s` is `[^\n]`, `^`/`$` are the text's ends (a line's under
 *   `m`), `\s` is `[\t\n\f\r ]`, octal and `\x{…}` escapes, `\Q…\E`, POSIX classes, a `-` anywhere
 *   in a bracket (Perl mode: `[\w-.]`), a count with a leading zero (`a{01}`) as text, `U`'s
 *   swapped greediness, flags scoped to their group, a repetition after a flag group or an empty
 *   `\Q\E` applied to what came before (`a*(?s)*` is `(?:a*)*`);
 * - not carried over (`invalid: false`: the scenario is refused, saying so): Unicode classes `\p`
 *   `\P`, a negated POSIX class or `\D \S \W` inside a bracket with other items, and `(?i)` turned on
 *   or off anywhere but the pattern's start (Node 20's RegExp has no scoped flags).
 */

import { POSIX_CLASSES } from './pcre-pattern.js';

export type Re2Translation = { ok: true; regex: RegExp } | { ok: false; invalid: boolean; reason: string };

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

/** One open group: its flags, where its text starts, and the largest repeat budget inside (repeatIsValid). */
interface Frame {
  flags: Flags;
  outStart: number;
  need: number;
}

class Re2Error extends Error {
  constructor(
    message: string,
    readonly invalid: boolean,
  ) {
    super(message);
  }
}

const invalid = (message: string): Re2Error => new Re2Error(message, true);
const unsupported = (message: string): Re2Error => new Re2Error(message, false);

/** POSIX classes (pcre-pattern.ts's), `word` spelt out: under the `u` and `i` flags \w also takes ſ and K (U+212A), Go's does not. */
const POSIX: Readonly<Record<string, string>> = { ...POSIX_CLASSES, word: '0-9A-Za-z_' };
/** Perl classes as Go defines them (ASCII), for inside a bracket; the negated ones stand alone outside. */
const PERL: Readonly<Record<string, string>> = { d: '0-9', s: '\\t\\n\\f\\r ', w: '0-9A-Za-z_' };
const CONTROL: Readonly<Record<string, number>> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
/** regexp/syntax's maximum repeat count, also for nested counts (repeatIsValid). */
const MAX_REPEAT = 1000;
/** A count Go reads as a repeat: whole numbers without leading zeros (parseInt), `{n}`, `{n,}`, `{n,m}`. */
const COUNT = /^\{(0|[1-9]\d*)(?:(,)(0|[1-9]\d*)?)?\}/;
/** Characters a `u` RegExp needs escaped outside a bracket. */
const JS_SYNTAX = /^[\^$\\.*+?()[\]{}|/]$/;

const hex = (code: number): string => (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`);
const isPunct = (c: string): boolean => c.length === 1 && c.charCodeAt(0) < 0x80 && !/[0-9A-Za-z]/.test(c);

/** A whole-name matcher for `pattern`, or why not (`invalid`: Go's regexp.Compile refuses it too). */
export function re2ToRegExp(pattern: string): Re2Translation {
  try {
    const { source, caseless } = new Translator(pattern).run();
    return { ok: true, regex: new RegExp(`^(?:${source})$`, caseless ? 'iu' : 'u') };
  } catch (e) {
    if (e instanceof Re2Error) return { ok: false, invalid: e.invalid, reason: e.message };
    return { ok: false, invalid: false, reason: (e as Error).message };
  }
}

class Translator {
  private at = 0;
  private out = '';
  /** The open groups, the whole pattern first. */
  private readonly frames: Frame[] = [{ flags: { i: false, m: false, s: false, U: false }, outStart: 0, need: 0 }];
  /** Whether the pattern turned `i` on at its very start (the RegExp's own flag). */
  private caseless = false;
  /**
   * What the last item was: nothing to repeat, an atom, a repetition, or a repetition a flag group
   * or an empty `\Q\E` came after (Go lets that be repeated again).
   */
  private last: 'none' | 'atom' | 'repeat' | 'repeated' = 'none';
  /** Where the last atom's text starts in `out`, and its repeat budget. */
  private lastStart = 0;
  private lastNeed = 0;

  constructor(private readonly pattern: string) {}

  private get frame(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  run(): { source: string; caseless: boolean } {
    const p = this.pattern;
    while (this.at < p.length) {
      const c = String.fromCodePoint(p.codePointAt(this.at)!);
      const count = c === '{' ? COUNT.exec(p.slice(this.at)) : null;
      if (c === '(') this.openGroup();
      else if (c === ')') this.closeGroup();
      else if (c === '|') {
        this.out += '|';
        this.last = 'none';
        this.at++;
      } else if (c === '[') this.atom(this.bracket(), 0);
      else if (c === '*' || c === '+' || c === '?') this.repeat(c, undefined);
      else if (count !== null) this.repeat(count[0], count);
      else if (c === '\\') this.escape();
      else if (c === '.') this.atom(this.frame.flags.s ? '[\\s\\S]' : '[^\\n]', 1);
      else if (c === '^') this.atom(this.frame.flags.m ? '(?:(?<![^\\n]))' : '(?:(?<![\\s\\S]))', 1);
      else if (c === '$') this.atom(this.frame.flags.m ? '(?:(?![^\\n]))' : '(?:(?![\\s\\S]))', 1);
      else this.atom(JS_SYNTAX.test(c) ? `\\${c}` : c, c.length);
    }
    if (this.frames.length > 1) throw invalid('missing closing ): a group is not closed');
    return { source: this.out, caseless: this.caseless };
  }

  private atom(text: string, advance: number, need = 0): void {
    this.lastStart = this.out.length;
    this.out += text;
    this.last = 'atom';
    this.lastNeed = need;
    this.frame.need = Math.max(this.frame.need, need);
    this.at += advance;
  }

  /** A token that changes nothing to repeat (a flag group, an empty `\Q\E`): Go lets a repetition before it be repeated again. */
  private noOp(): void {
    if (this.last === 'repeat') this.last = 'repeated';
  }

  /** `*`, `+`, `?` or a count, with Go's checks, then a lazy `?` (greediness swapped under U). */
  private repeat(op: string, count: RegExpExecArray | undefined | null): void {
    if (this.last === 'none') throw invalid(`missing argument to repetition operator: "${op}"`);
    if (this.last === 'repeat') throw invalid(`invalid nested repetition operator: "${op}"`);
    let need = this.lastNeed;
    if (count) {
      const min = Number(count[1]);
      const max = count[2] === undefined ? min : count[3] === undefined ? undefined : Number(count[3]);
      if (min > MAX_REPEAT || (max !== undefined && (max > MAX_REPEAT || max < min))) throw invalid(`invalid repeat count: "${op}"`);
      // repeatIsValid: a count m leaves 1000 / m for the counts inside it.
      const m = max ?? min;
      need = m === 0 ? 0 : m * Math.max(1, this.lastNeed);
      if (need > MAX_REPEAT) throw invalid(`invalid repeat count: "${op}" (nested counts above ${MAX_REPEAT})`);
    }
    if (this.last === 'repeated') this.out = `${this.out.slice(0, this.lastStart)}(?:${this.out.slice(this.lastStart)})`;
    this.at += op.length;
    const lazy = this.pattern[this.at] === '?';
    if (lazy) this.at++;
    this.out += op + (lazy !== this.frame.flags.U ? '?' : '');
    this.last = 'repeat';
    this.lastNeed = need;
    this.frame.need = Math.max(this.frame.need, need);
  }

  private openGroup(): void {
    const rest = this.pattern.slice(this.at);
    const named = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(rest);
    const flagGroup = /^\(\?([imsU]*)(?:-([imsU]*))?([:)])/.exec(rest);
    if (!rest.startsWith('(?')) {
      this.push({ ...this.frame.flags }, '(', 1);
    } else if (named !== null) {
      this.push({ ...this.frame.flags }, `(?<${named[1]}>`, named[0].length);
    } else if (flagGroup !== null && flagGroup[2] !== '') {
      // `(?)` is a no-op; a `-` with no flag after it is refused ("missing flag after -").
      const flags = { ...this.frame.flags };
      for (const f of flagGroup[1]!) flags[f as keyof Flags] = true;
      for (const f of flagGroup[2] ?? '') flags[f as keyof Flags] = false;
      if (flags.i !== this.frame.flags.i) this.setCaseless(flags.i, flagGroup[3] === ')');
      if (flagGroup[3] === ':') this.push(flags, '(?:', flagGroup[0].length);
      else {
        // (?flags): for the rest of the enclosing group.
        this.frame.flags = flags;
        this.at += flagGroup[0].length;
        this.noOp();
      }
    } else {
      throw invalid(`invalid or unsupported Perl syntax: "${rest.slice(0, 3)}"`);
    }
  }

  /** `i` is the RegExp's flag for the whole pattern: only `(?i)` before anything else turns it on. */
  private setCaseless(on: boolean, wholeRest: boolean): void {
    if (on && wholeRest && this.out === '' && this.frames.length === 1) {
      this.caseless = true;
      return;
    }
    throw unsupported('(?i) turned on or off for part of the pattern has no JavaScript form here (Node 20 has no scoped flags)');
  }

  private push(flags: Flags, text: string, advance: number): void {
    this.frames.push({ flags, outStart: this.out.length, need: 0 });
    this.out += text;
    this.last = 'none';
    this.at += advance;
  }

  private closeGroup(): void {
    if (this.frames.length === 1) throw invalid('unexpected ): no group to close');
    const closed = this.frames.pop()!;
    this.out += ')';
    this.last = 'atom';
    this.lastStart = closed.outStart;
    this.lastNeed = closed.need;
    this.frame.need = Math.max(this.frame.need, closed.need);
    this.at++;
  }

  /** A backslash outside a bracket. */
  private escape(): void {
    const letter = this.pattern[this.at + 1];
    if (letter === undefined) throw invalid('trailing backslash at end of expression');
    if (letter === 'Q') {
      const end = this.pattern.indexOf('\\E', this.at + 2);
      const literal = this.pattern.slice(this.at + 2, end < 0 ? this.pattern.length : end);
      this.at = end < 0 ? this.pattern.length : end + 2;
      if (literal === '') this.noOp();
      for (const ch of literal) this.atom(JS_SYNTAX.test(ch) ? `\\${ch}` : ch, 0);
      return;
    }
    const anchors: Readonly<Record<string, string>> = { A: '(?:(?<![\\s\\S]))', z: '(?:(?![\\s\\S]))', b: '(?:\\b)', B: '(?:\\B)' };
    const perl = this.perlClass(letter, false);
    if (anchors[letter] !== undefined) this.atom(anchors[letter], 2);
    else if (perl !== undefined) this.atom(perl, 2);
    else {
      const [code, length] = this.escapedChar(this.at);
      this.atom(hex(code), length);
    }
  }

  /** `\d \s \w` (and the negated ones), as Go defines them; `\p`/`\P` are not carried over. */
  private perlClass(letter: string, inBracket: boolean): string | undefined {
    if (letter === 'p' || letter === 'P') throw unsupported(`Unicode classes ("\\${letter}") are not carried over`);
    const set = PERL[letter.toLowerCase()];
    if (set === undefined) return undefined;
    if (letter === letter.toLowerCase()) return inBracket ? set : `[${set}]`;
    if (inBracket) return undefined;
    return `[^${set}]`;
  }

  /** A character escape at `at` (a backslash): its code point and the pattern length it takes. */
  private escapedChar(at: number): [number, number] {
    const p = this.pattern;
    const c = p[at + 1] ?? '';
    if (isPunct(c)) return [c.charCodeAt(0), 2];
    if (CONTROL[c] !== undefined) return [CONTROL[c], 2];
    const octal = /^[0-7]{1,3}/.exec(p.slice(at + 1))?.[0] ?? '';
    if (c === '0' || (/[1-7]/.test(c) && octal.length >= 2)) return [parseInt(octal, 8), 1 + octal.length];
    if (c === 'x') {
      const braced = /^\{([0-9A-Fa-f]+)\}/.exec(p.slice(at + 2));
      if (braced !== null) {
        const code = parseInt(braced[1]!, 16);
        if (code > 0x10ffff) throw invalid(`invalid escape sequence: "\\x{${braced[1]}}"`);
        return [code, 2 + braced[0].length];
      }
      const two = /^[0-9A-Fa-f]{2}/.exec(p.slice(at + 2));
      if (two !== null) return [parseInt(two[0], 16), 4];
    }
    throw invalid(`invalid escape sequence: "\\${c}"`);
  }

  /** A `[...]` bracket: Go's items (a leading `]` literal, ranges, POSIX and Perl classes, escapes) as a JavaScript class. */
  private bracket(): string {
    const p = this.pattern;
    let i = this.at + 1;
    let out = '[';
    if (p[i] === '^') {
      out += '^';
      i++;
    }
    let first = true;
    let items = 0;
    let negatedAlone: string | undefined;
    while (i < p.length && (p[i] !== ']' || first)) {
      first = false;
      // parseNamedClass: `[:` up to the next `:]`, which must name a class Go knows.
      const close = p.startsWith('[:', i) ? p.indexOf(':]', i + 2) : -1;
      if (close >= 0) {
        const name = p.slice(i + 2, close);
        const set = POSIX[name.replace(/^\^/, '')];
        if (set === undefined) throw invalid(`invalid character class range: "${p.slice(i, close + 2)}"`);
        if (name.startsWith('^')) negatedAlone = set;
        else out += set;
        items++;
        i = close + 2;
        continue;
      }
      if (p[i] === '\\' && /[dswDSWpP]/.test(p[i + 1] ?? '')) {
        const letter = p[i + 1]!;
        const set = this.perlClass(letter, true);
        if (set === undefined) negatedAlone = PERL[letter.toLowerCase()];
        else out += set;
        items++;
        i += 2;
        continue;
      }
      const [lo, next] = this.classChar(i);
      i = next;
      let hi = lo;
      if (p[i] === '-' && p[i + 1] !== ']' && i + 1 < p.length) {
        if (p[i + 1] === '\\' && /[dswDSWpP]/.test(p[i + 2] ?? '')) throw invalid(`invalid character class range: "${p.slice(i - 1, i + 3)}"`);
        [hi, i] = this.classChar(i + 1);
        if (hi < lo) throw invalid('invalid character class range: a range that runs backwards');
      }
      out += hi === lo ? hex(lo) : `${hex(lo)}-${hex(hi)}`;
      items++;
    }
    if (i >= p.length) throw invalid('missing closing ]: a character class is not closed');
    this.at = i + 1;
    if (negatedAlone !== undefined) {
      if (items > 1 || out.startsWith('[^')) throw unsupported('a negated class (\\D, \\S, \\W or [:^name:]) inside a bracket with other items is not carried over');
      return `[^${negatedAlone}]`;
    }
    return `${out}]`;
  }

  /** One character inside a bracket at `i`: its code point and where the bracket goes on. */
  private classChar(i: number): [number, number] {
    const p = this.pattern;
    if (p[i] !== '\\') {
      const code = p.codePointAt(i)!;
      return [code, i + (code > 0xffff ? 2 : 1)];
    }
    const [code, length] = this.escapedChar(i);
    return [code, i + length];
  }
}
