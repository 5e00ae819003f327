/**
 * Null-valued fields in manifests. kubectl and the API server accept `null` for any optional field
 * and treat it as unset (Go's JSON decoding leaves the zero value; a CRD's pruning drops it), so
 * `nodeSelector:`, `tolerations:` or `resources: {requests: null}` written with no value load as if
 * the field were not written. This is done once for every manifest object, before its kind's handler
 * reads it, so that all kinds and all of their fields agree.
 *
 * Only mapping entries are dropped: a null item of a list stays (dropping it would shift the indices
 * that messages name), and the kind's validation reports it. An entry of a free-form map (labels,
 * a container's requests) with a null value is dropped too, as a strategic merge patch would
 * (the API server would store "" or a zero quantity; scalesim takes it as not written).
 *
 * The YAML nodes are left alone: DocRef positions come from them, so lines and field paths in later
 * messages still point at what was written, and the unknown-field check still sees the raw object.
 */
import { DocRef } from '../yaml/doc-ref.js';

/** `value` with every null-valued mapping entry removed, at any depth (a new value; `value` is not changed). */
export function withoutNullFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullFields);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === null) continue;
    out[key] = withoutNullFields(inner);
  }
  return out;
}

/** The same document part as `ref`, whose values (valueAt) have their null-valued fields dropped. */
export function withNullFieldsDropped(ref: DocRef): DocRef {
  return new DocRef({ ...ref.yaml, value: withoutNullFields(ref.yaml.value) }, ref.basePath);
}
