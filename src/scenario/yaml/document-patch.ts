/**
 * Patches applied to the parsed YAML documents of a scenario before validation: how `compare`
 * variants (and later sweeps) change one field of scenario.yaml or of one manifest object without
 * copying the scenario. A patch targets `scenario` or `<Kind>/<name>` and sets one field path.
 */
import type { Document } from 'yaml';

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

/** The target a document answers to: `scenario` for the scenario document, else `<Kind>/<name>`. */
export function documentTarget(doc: Document.Parsed): string {
  const kind = doc.getIn(['kind']);
  const name = doc.getIn(['metadata', 'name']);
  if (kind === 'Scenario') return 'scenario';
  return `${String(kind)}/${String(name)}`;
}

/** Applies the patches that target `doc`; returns the ones applied. */
export function applyPatches(doc: Document.Parsed, patches: readonly DocumentPatch[]): DocumentPatch[] {
  if (patches.length === 0) return [];
  const target = documentTarget(doc);
  const applied = patches.filter((p) => p.target === target);
  for (const p of applied) doc.setIn(p.path, doc.createNode(p.value));
  return applied;
}
