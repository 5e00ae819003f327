/**
 * `$(VAR)` references in a container env value, expanded as KEDA's resolver expands them
 * (kedacore/keda pkg/scaling/resolver/scale_resolvers.go resolveEnvValue), not as the kubelet does.
 * Over the value's UTF-8 bytes, a `$` is looked at only when three more bytes follow it (so a `$`
 * among the last three bytes stays, `a$$` included); then `$$` is one `$`, `$(NAME)` is NAME's value
 * among the variables resolved so far (envFrom's, then the env entries before this one) or stays
 * as written when there is none, a `$(` with no `)` after it stays, and `$` with any other byte stays
 * as `$` and that byte (Go's `string(byte)`: the byte read as a code point, so the first byte of a
 * multi-byte character comes out as a Latin-1 character, a quirk reproduced; the bytes left of that
 * character are no character, which a Go string keeps as they are and this text, decoded, reads as
 * U+FFFD). The scan goes on after what it replaced. Pure.
 */

const DOLLAR = 0x24;
const OPEN = 0x28;
const CLOSE = 0x29;

/** A variable's value, or an expanded text: known (and whether a Secret went into it), or why it cannot be known here. */
export type EnvValue = { value: string; secret: boolean } | { unknown: string };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Expands `value`'s references; `lookup` gives a variable resolved so far, or undefined for one that
 * is not (its reference stays as written). A reference to a variable whose value cannot be known
 * here makes the whole value unknown, with that variable's reason.
 */
export function expandEnvReferences(value: string, lookup: (name: string) => EnvValue | undefined): EnvValue {
  if (!value.includes('$')) return { value, secret: false };
  const bytes = encoder.encode(value);
  const parts: Uint8Array[] = [];
  let secret = false;
  let checkpoint = 0;
  for (let cursor = 0; cursor < bytes.length; cursor++) {
    if (bytes[cursor] !== DOLLAR || cursor + 3 >= bytes.length) continue;
    parts.push(bytes.subarray(checkpoint, cursor));
    const next = bytes[cursor + 1]!;
    let content: Uint8Array;
    let length = 1;
    if (next === DOLLAR) content = Uint8Array.of(DOLLAR);
    else if (next === OPEN) {
      const close = bytes.indexOf(CLOSE, cursor + 2);
      if (close < 0) content = Uint8Array.of(DOLLAR, OPEN);
      else {
        length = close - cursor;
        const name = decoder.decode(bytes.subarray(cursor + 2, close));
        const found = lookup(name);
        if (found === undefined) content = bytes.subarray(cursor, close + 1);
        else if ('unknown' in found) return { unknown: `its $(${name}) is unknown: ${found.unknown}` };
        else {
          content = encoder.encode(found.value);
          secret ||= found.secret;
        }
      }
    } else content = encoder.encode(`$${String.fromCharCode(next)}`);
    parts.push(content);
    cursor += length;
    checkpoint = cursor + 1;
  }
  parts.push(bytes.subarray(checkpoint));
  return { value: decoder.decode(concat(parts)), secret };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
