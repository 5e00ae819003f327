/**
 * DocRef: a YAML document (or a part of one, such as an item of a `kind: List`) that can say where
 * a field path is: the 1-based line and column of its node, or of the nearest existing parent when
 * the field is missing. Every problem and SourceRef about a document is built through it.
 */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { InputProblem } from '../../errors/user-input-error.js';
import type { SourceRef, Warning } from '../types.js';
import { formatFieldPath, type FieldPath } from './field-path.js';
import type { YamlDocument } from './yaml-file.js';
import { patchCovering } from './document-patch.js';

export interface Position {
  file: string;
  line: number;
  column: number;
}

export class DocRef {
  constructor(
    readonly yaml: YamlDocument,
    /** Path of this part inside the document, e.g. ['items', 2]. Field paths are relative to it. */
    readonly basePath: FieldPath = [],
  ) {}

  get file(): string {
    return this.yaml.file;
  }

  /** The plain value at `path` (relative), or undefined. */
  valueAt(path: FieldPath = []): unknown {
    let v: unknown = this.yaml.value;
    for (const segment of [...this.basePath, ...path]) {
      if (v === null || typeof v !== 'object') return undefined;
      v = (v as Record<string | number, unknown>)[segment];
    }
    return v;
  }

  /** A part of this document, e.g. one item of a List. */
  child(path: FieldPath): DocRef {
    return new DocRef(this.yaml, [...this.basePath, ...path]);
  }

  /** Where `path` is; with `key`, the position of the map key itself rather than its value. */
  position(path: FieldPath = [], options: { key?: boolean } = {}): Position {
    const node = findNode(this.yaml.doc.contents, [...this.basePath, ...path], options.key ?? false);
    const offset = node?.range?.[0] ?? this.yaml.doc.range[0];
    const { line, col } = this.yaml.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }

  /**
   * Where character `index` (0-based) of the string at `path` is, for a plain or quoted scalar on
   * one line (escapes aside); for other scalars, where the value starts.
   */
  positionInScalar(path: FieldPath, index: number): Position {
    const node = findNode(this.yaml.doc.contents, [...this.basePath, ...path], false);
    const start = this.position(path);
    if (!isScalar(node) || !node.range) return start;
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    if (!quoted && node.type !== 'PLAIN') return start;
    const offset = node.range[0] + (quoted ? 1 : 0) + index;
    const end = this.yaml.lineCounter.linePos(node.range[1]);
    if (end.line !== start.line || offset > node.range[1]) return start;
    const { line, col } = this.yaml.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }

  /**
   * An InputProblem located at `path` (relative to this part). A value set by an override (compare's
   * --variant, a sweep's --grid) is not in the file: the problem names the override instead of a
   * line that shows another value.
   */
  problem(path: FieldPath, message: string, hint?: string, options: { key?: boolean } = {}): InputProblem {
    const field = formatFieldPath(path);
    const patch = patchCovering(this.yaml.patches, [...this.basePath, ...path]);
    if (patch !== undefined) {
      const set = `the value set by ${patch.source ?? 'an override'}: "${patch.text}" (in ${this.file})`;
      return { file: patch.source === undefined ? '(override)' : '(command line)', ...(field ? { field } : {}), message, hint: hint ? `${hint}; ${set}` : set };
    }
    return { ...this.position(path, options), ...(field ? { field } : {}), message, ...(hint ? { hint } : {}) };
  }

  warning(path: FieldPath, message: string, hint?: string, options: { key?: boolean } = {}): Warning {
    return this.problem(path, message, hint, options);
  }

  /** Where this document (part) starts, for specs that carry their origin. */
  sourceRef(): SourceRef {
    const { file, line, column } = this.position();
    const path = formatFieldPath(this.basePath);
    return { file, line, column, ...(path ? { path } : {}) };
  }
}

/**
 * Walks maps and sequences along `path`. When a field is missing, stops at the key of the deepest
 * map that exists (so a missing `spec.traces.web.valueKind` points at `web:`).
 */
function findNode(root: unknown, path: FieldPath, wantKey: boolean): Node | undefined {
  let node = root as Node | null | undefined;
  let lastKey: Node | undefined;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return lastKey ?? node;
      const key = pair.key as Node;
      lastKey = key;
      if (last && wantKey) return key;
      const value = pair.value as Node | null;
      if (!value || !value.range) return key;
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return node;
      node = item;
      lastKey = undefined;
    } else {
      return node ?? undefined;
    }
  }
  return node ?? undefined;
}
