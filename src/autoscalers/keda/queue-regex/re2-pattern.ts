/**
 * The regex of an azure-servicebus trigger with useRegex, as KEDA evaluates it
 * (azure_servicebus_scaler.go Validate and getAzureServiceBusLength): Go's regexp (RE2 syntax),
 * compiled with Longest(), an entity kept when FindString(name) == name, i.e. when the whole name
 * matches; case-sensitive unless the pattern says `(?i)`. Pure.
 * - Invalid in Go, so KEDA refuses the trigger ("queueName is not a valid regular expression"):
 *   look-arounds, back-references, possessive quantifiers, atomic groups, recursion, conditionals,
 *   comments `(?#`, `(*VERB)`, and the escapes RE2 lacks (`\Z \G \K \R \X \h \H \V \N \e \g \k` and
 *   `\1`–`\9`); whatever JavaScript also refuses (an unclosed group, nothing to repeat, …).
 * - The rest is carried over by pcre-pattern.ts, case-sensitive, then anchored at both ends. RE2's
 *   `\v` (a vertical tab) and PCRE's (any vertical space) differ, as do `$` before a final newline:
 *   neither arises in a queue name.
 */
import { pcreToRegExp } from './pcre-pattern.js';

export type Re2Translation = { ok: true; regex: RegExp } | { ok: false; invalid: boolean; reason: string };

/** Constructs RE2 does not have (Go's regexp.Compile fails on them), with what each is. */
const NOT_RE2: readonly [RegExp, string][] = [
  [/\(\?(?:=|!|<=|<!)/, 'a look-around'],
  [/\(\?>/, 'an atomic group'],
  [/\(\?(?:P=|R\)|\d|\(|\||#|&|P>)/, 'a back-reference, recursion, conditional, branch reset or comment group'],
  [/\(\*/, 'a backtracking verb'],
  [/(?:[*+?}])\+/, 'a possessive quantifier'],
];
const NOT_RE2_ESCAPES = new Set(['Z', 'G', 'K', 'R', 'X', 'h', 'H', 'V', 'N', 'e', 'g', 'k', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/** The escape letters of `pattern` outside `\Q…\E`, each with its position. */
function escapes(pattern: string): string[] {
  const letters: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '\\') continue;
    const letter = pattern[i + 1] ?? '';
    if (letter === 'Q') {
      const end = pattern.indexOf('\\E', i + 2);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    letters.push(letter);
    i++;
  }
  return letters;
}

/** `pattern` as a RegExp that matches a whole name as Go's would, or why not (`invalid`: Go refuses it too). */
export function re2ToRegExp(pattern: string): Re2Translation {
  const literalFree = pattern.replace(/\\Q[\s\S]*?(?:\\E|$)/g, '').replace(/\\[\s\S]/g, '__');
  for (const [construct, what] of NOT_RE2) {
    if (construct.test(literalFree)) return { ok: false, invalid: true, reason: `${what} is not RE2 syntax` };
  }
  const escape = escapes(pattern).find((letter) => NOT_RE2_ESCAPES.has(letter));
  if (escape !== undefined) return { ok: false, invalid: true, reason: `"\\${escape}" is not RE2 syntax` };
  const translated = pcreToRegExp(pattern, { caseless: false });
  if (!translated.ok) {
    // JavaScript's own refusals (nothing to repeat, an unclosed group, …) are Go's too.
    const invalid = /^Invalid regular expression/.test(translated.reason) || /not closed|ends with a lone backslash/.test(translated.reason);
    return { ok: false, invalid, reason: translated.reason };
  }
  const whole = new RegExp(`^(?:${translated.regex.source})$`, translated.regex.flags);
  return { ok: true, regex: whole };
}
