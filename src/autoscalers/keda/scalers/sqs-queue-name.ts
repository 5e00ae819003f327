/**
 * The queue name aws_sqs_queue_scaler.go takes from `queueURL` (parseAwsSqsQueueMetadata): Go's
 * url.ParseRequestURI; when that fails the whole queueURL is the name (KEDA accepts a bare name);
 * when it succeeds the path must split on "/" into exactly three parts, the third non-empty
 * (`/<account>/<name>`), else the trigger fails ("cannot get queueName from queueURL"). Pure.
 * ParseRequestURI is followed where it decides: a control byte or an empty text fails; "*" is a
 * path; a scheme is letters then letters, digits, "+", "-" or "." up to ":" (a ":" first fails); the
 * query is cut at "?"; without a scheme the rest must start with "/"; with one, a rest not starting
 * with "/" is opaque (no path); "//" opens an authority: userinfo up to the last "@" of allowed
 * characters with good escapes (validUserinfo), a host whose port is digits (validOptionalPort; an
 * IPv6 literal needs its "]"), without ASCII characters a host may not hold or escapes of ASCII
 * bytes other than "%25" (unescape's encodeHost); the path is percent-decoded over its UTF-8 bytes
 * and a bad escape fails.
 */

export type SqsQueueName = { ok: true; queueName: string } | { ok: false; message: string };

/** Go's url.ParseRequestURI, as far as the path: the decoded path ("" for an opaque URI), or undefined when it fails. */
export function requestUriPath(raw: string): string | undefined {
  // stringContainsCTLByte: bytes below 0x20 and 0x7f.
  if (raw === '' || /[\u0000-\u001f\u007f]/.test(raw)) return undefined;
  if (raw === '*') return '*';
  // getScheme: "missing protocol scheme".
  if (raw.startsWith(':')) return undefined;
  const scheme = /^([A-Za-z][A-Za-z0-9+\-.]*):/.exec(raw);
  let rest = scheme === null ? raw : raw.slice(scheme[0].length);
  const query = rest.indexOf('?');
  if (query >= 0) rest = rest.slice(0, query);
  if (!rest.startsWith('/')) return scheme === null ? undefined : '';
  if (scheme !== null && rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    rest = slash < 0 ? '' : rest.slice(slash);
    if (!validAuthority(authority)) return undefined;
  }
  return percentDecode(rest);
}

/** parseAuthority: the host after the last "@" (parseHost), and the userinfo before it (validUserinfo, then unescaped). */
function validAuthority(authority: string): boolean {
  const at = authority.lastIndexOf('@');
  if (!validHost(authority.slice(at + 1))) return false;
  if (at < 0) return true;
  const userinfo = authority.slice(0, at);
  return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo) && percentDecode(userinfo) !== undefined;
}

/** parseHost: an IPv6 literal needs its "]"; the port after the host (or the "]") is ":" and digits; then unescape(host, encodeHost). */
function validHost(host: string): boolean {
  let colonPort = '';
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close < 0) return false;
    colonPort = host.slice(close + 1);
  } else if (host.includes(':')) colonPort = host.slice(host.lastIndexOf(':'));
  if (colonPort !== '' && !/^:\d*$/.test(colonPort)) return false;
  for (let i = 0; i < host.length; i++) {
    const c = host.charCodeAt(i);
    if (host[i] === '%') {
      const hex = host.slice(i + 1, i + 3);
      // An escape must be two hex digits, and may not stand for an ASCII byte other than "%" itself.
      if (!/^[0-9A-Fa-f]{2}$/.test(hex) || (parseInt(hex, 16) < 0x80 && hex !== '25')) return false;
      i += 2;
    } else if (c < 0x80 && !/[A-Za-z0-9\-._~!$&'()*+,;=:[\]<>"]/.test(host[i]!)) return false;
  }
  return true;
}

/** unescape(s, encodePath): "%XX" with two hex digits over the text's UTF-8 bytes, else the URL fails. */
function percentDecode(text: string): string | undefined {
  if (!text.includes('%')) return text;
  const source = new TextEncoder().encode(text);
  const bytes: number[] = [];
  for (let i = 0; i < source.length; i++) {
    if (source[i] === 0x25) {
      const hex = String.fromCharCode(source[i + 1] ?? 0, source[i + 2] ?? 0);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(source[i]!);
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

export function sqsQueueName(queueURL: string): SqsQueueName {
  const path = requestUriPath(queueURL);
  if (path === undefined) return { ok: true, queueName: queueURL };
  const parts = path.split('/');
  if (parts.length !== 3 || parts[2] === '') return { ok: false, message: `cannot get queueName from queueURL "${queueURL}": expected https://sqs.<region>.amazonaws.com/<account>/<queue name>, or a bare queue name` };
  return { ok: true, queueName: parts[2]! };
}
