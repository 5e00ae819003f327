/**
 * Unknown fields in a manifest (known-fields.ts lists the known ones). The API server refuses them
 * (strict field validation, kubectl apply's default), and scalesim's schemas would otherwise pass
 * them by unread, so a typo silently ran another configuration: `behaviour:` dropped the behavior,
 * `minReplica: 2` left the minimum at 1. A field within a typo's distance of a known one is an error
 * that names the field meant; any other unknown field is a warning (it may be newer than the field
 * lists here), naming the fields known at its place.
 */
import type { ProblemSink } from '../problem-sink.js';
import { closestMatch } from '../did-you-mean.js';
import type { FieldPath } from '../yaml/field-path.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldTree } from './known-fields.js';

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function check(value: unknown, tree: FieldTree, path: FieldPath, ref: DocRef, sink: ProblemSink): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => check(item, tree, [...path, i], ref, sink));
    return;
  }
  if (!isMap(value)) return;
  const known = Object.keys(tree);
  for (const [field, inner] of Object.entries(value)) {
    const sub = tree[field];
    if (sub === undefined) {
      report(field, [...path, field], known, ref, sink);
      continue;
    }
    if (sub !== null) check(inner, sub, [...path, field], ref, sink);
  }
}

function report(field: string, path: FieldPath, known: readonly string[], ref: DocRef, sink: ProblemSink): void {
  const meant = closestMatch(field, known);
  const refused = 'the API server refuses unknown fields (kubectl apply --validate=strict, the default)';
  if (meant !== undefined) {
    sink.error(ref.problem(path, `unknown field "${field}": did you mean "${meant}"?`, `${refused}; as written the field would be ignored`, { key: true }));
    return;
  }
  sink.warn(ref.warning(path, `unknown field "${field}", ignored (known here: ${known.join(', ')})`, refused, { key: true }));
}

/** Reports every field of the object at `ref` that `tree` does not know. */
export function checkUnknownFields(ref: DocRef, tree: FieldTree, sink: ProblemSink): void {
  check(ref.valueAt(), tree, [], ref, sink);
}
