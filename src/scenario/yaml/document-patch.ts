/**
 * Patches applied to the parsed YAML documents of a scenario before validation: how `compare`
 * variants (and later sweeps) change one field of scenario.yaml or of one manifest object without
 * copying the scenario. A patch targets `scenario` or `<Kind>/<name>` and sets one field path.
 */
import { isSeq, type Document } from 'yaml';
import { formatFieldPath } from './field-path.js';

export interface DocumentPatch {
  /** `scenario`, or a manifest object as `<Kind>/<metadata.name>` (e.g. HorizontalPodAutoscaler/web). */
  target: string;
  /** Field path, e.g. ['spec', 'metrics', 0, 'resource', 'target', 'averageUtilization']. */
  path: (string | number)[];
  value: unknown;
  /** The patch as the user wrote it, for messages. */
  text: string;
  /** Where it was given (`--variant fast`, `--grid hpa.targetCPU`), for messages; default "(override)". */
  source?: string;
}

/** The patch that set the value at `path` (or a value holding it), if one did. */
export function patchCovering(patches: readonly DocumentPatch[] | undefined, path: readonly (string | number)[]): DocumentPatch | undefined {
  return patches?.find((p) => p.path.length <= path.length && p.path.every((segment, i) => segment === path[i]));
}

/** Whether a manifest value is a list of objects (`kind: List`, `DeploymentList`…), as kubectl expands one. */
export function isObjectList(value: unknown): value is { kind: string; items: unknown[] } {
  if (value === null || typeof value !== 'object') return false;
  const { kind, items } = value as { kind?: unknown; items?: unknown };
  return typeof kind === 'string' && kind.endsWith('List') && Array.isArray(items);
}

/** The target an object answers to: `scenario` for the scenario document, else `<Kind>/<name>`. */
export function objectTarget(value: unknown): string {
  const { kind, metadata } = (value ?? {}) as { kind?: unknown; metadata?: { name?: unknown } };
  if (kind === 'Scenario') return 'scenario';
  return `${String(kind)}/${String(metadata?.name)}`;
}

/** The objects a document holds with their paths in it: itself, or a List's items (nested Lists too). */
export function documentObjects(value: unknown, at: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] {
  if (!isObjectList(value)) return [{ path: at, value }];
  return value.items.flatMap((item, i) => documentObjects(item, [...at, 'items', i]));
}

/**
 * Applies the patches that target `doc`, or an object in it when it is a List (`kubectl get -o
 * yaml` of several objects). `applied` holds the patches as given; `located` the same with their
 * paths from the document's root (inside a List: under `items[i]`), for messages about the values
 * they set.
 */
export function applyPatches(doc: Document.Parsed, patches: readonly DocumentPatch[]): { applied: DocumentPatch[]; located: DocumentPatch[]; refused: PatchRefusal[] } {
  if (patches.length === 0) return { applied: [], located: [], refused: [] };
  const kind = doc.getIn(['kind']);
  // Only a List is converted to plain data to find its items; any other document is its own target.
  const objects = documentObjects(typeof kind === 'string' && kind.endsWith('List') ? doc.toJS() : { kind, metadata: { name: doc.getIn(['metadata', 'name']) } });
  const applied: DocumentPatch[] = [];
  const located: DocumentPatch[] = [];
  const refused: PatchRefusal[] = [];
  for (const object of objects) {
    const target = objectTarget(object.value);
    for (const p of patches) {
      if (p.target !== target) continue;
      const path = [...object.path, ...p.path];
      applied.push(p);
      const gap = indexPastEnd(doc, path, object.path.length);
      if (gap !== undefined) {
        refused.push({ patch: p, message: gap });
        continue;
      }
      doc.setIn(path, doc.createNode(p.value));
      located.push(object.path.length === 0 ? p : { ...p, path });
    }
  }
  return { applied, located, refused };
}

/** A patch that cannot be applied as written, and why. */
export interface PatchRefusal {
  patch: DocumentPatch;
  message: string;
}

/**
 * Why `path` indexes a list past its end (which would leave empty items before the new one, each
 * then reported as a missing field of the user's file), or undefined: an index may name an item or
 * the next one, which appends.
 */
function indexPastEnd(doc: Document.Parsed, path: readonly (string | number)[], from: number): string | undefined {
  for (let i = from; i < path.length; i++) {
    const segment = path[i];
    if (typeof segment !== 'number') continue;
    const list = doc.getIn(path.slice(0, i), true);
    const length = isSeq(list) ? list.items.length : 0;
    if (segment > length) {
      const where = formatFieldPath(path.slice(from, i));
      return `expected an index of ${where} from 0 to ${length} (${length === 0 ? 'it has no items; 0 adds the first' : `its ${length} item${length === 1 ? '' : 's'}, or ${length} to add one`}), got ${segment}`;
    }
  }
  return undefined;
}
