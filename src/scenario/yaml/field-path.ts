/**
 * Field paths inside a YAML document (`spec.metrics[0].resource.target`), as zod issues and the
 * Kubernetes API validation messages write them.
 */

export type FieldPath = readonly (string | number)[];

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/** ['spec', 'metrics', 0, 'type'] → "spec.metrics[0].type"; keys with dots or spaces are quoted. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
