/**
 * The queue name aws_sqs_queue_scaler.go takes from `queueURL` (parseAwsSqsQueueMetadata): Go's
 * url.ParseRequestURI; when that fails the whole queueURL is the name (KEDA accepts a bare name);
 * when it succeeds the path must split on "/" into exactly three parts, the third non-empty
 * (`/<account>/<name>`), else the trigger fails ("cannot get queueName from queueURL"). Pure.
 * ParseRequestURI is followed where it decides: a control byte or an empty text fails; "*" is a
 * path; a scheme is letters then letters, digits, "+", "-" or "." up to ":" (a ":" first fails); the
 * query is cut at "?"; without a scheme the rest must start with "/"; with one, a rest not starting
 * with "/" is opaque (no path); "//" opens an authority whose port must be digits; the path is
 * percent-decoded and a bad escape fails. Host syntax beyond the port is not checked.
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
    const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
    const port = /:([^\]:]*)$/.exec(hostPort.startsWith('[') ? hostPort.slice(hostPort.indexOf(']') + 1) : hostPort);
    if (port !== null && !/^\d*$/.test(port[1]!)) return undefined;
  }
  return percentDecode(rest);
}

/** unescape(s, encodePath): "%XX" with two hex digits, else the URL fails. */
function percentDecode(text: string): string | undefined {
  if (!text.includes('%')) return text;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...encoder.encode(text[i]!));
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
