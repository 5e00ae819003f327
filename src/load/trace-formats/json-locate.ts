/**
 * Where values are in a JSON text: the offset, line and column of the value at each of a few JSON
 * paths, found in one pass over the text (no second parse into a tree: a 28 MB export re-read by a
 * YAML parser took minutes and 4 GB). Only the objects and lists on the way to a wanted path are
 * entered; everything else is skipped by matching brackets outside strings. The text must be valid
 * JSON (JSON.parse accepted it); a duplicated key counts its last value, as JSON.parse does.
 */
import type { FieldPath } from '../../scenario/yaml/field-path.js';

/** The wanted paths as a tree: a node per path segment, with the offset of its value once seen. */
interface PathNode {
  offset?: number;
  children?: Map<string | number, PathNode>;
}

const QUOTE = 34; // "
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** Raised when the text is not the valid JSON this reader assumes; the offsets found so far stand. */
class NotJson extends Error {}

/**
 * The 0-based offset of the value at each path (of its first character: the quote of a string, the
 * bracket of a list). A path that is not in the text gets its nearest ancestor's offset, the root's
 * when none is (a missing field is reported at the object that lacks it).
 */
export function locateJsonPaths(text: string, paths: readonly FieldPath[]): number[] {
  const root: PathNode = {};
  for (const path of paths) {
    let node = root;
    for (const segment of path) {
      node.children ??= new Map();
      let child = node.children.get(segment);
      if (child === undefined) node.children.set(segment, (child = {}));
      node = child;
    }
  }
  try {
    readValue(text, skipSpace(text, 0), root);
  } catch (error) {
    if (!(error instanceof NotJson)) throw error;
  }
  const rootOffset = root.offset ?? skipSpace(text, 0);
  return paths.map((path) => {
    let offset = rootOffset;
    let node: PathNode | undefined = root;
    for (const segment of path) {
      node = node.children?.get(segment);
      if (node?.offset === undefined) break;
      offset = node.offset;
    }
    return offset;
  });
}

/** 1-based line and column of each 0-based offset in `text` (lines end at \n), in one pass. */
export function lineColumns(text: string, offsets: readonly number[]): { line: number; column: number }[] {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  const out: { line: number; column: number }[] = new Array(offsets.length);
  let line = 1;
  let lineStart = 0;
  for (const i of order) {
    const offset = Math.max(0, Math.min(offsets[i]!, text.length));
    for (let nl = text.indexOf('\n', lineStart); nl >= 0 && nl < offset; nl = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = nl + 1;
    }
    out[i] = { line, column: offset - lineStart + 1 };
  }
  return out;
}

/** Reads the value at `pos` (no leading space) for `node`; returns the offset just past it. */
function readValue(text: string, pos: number, node: PathNode): number {
  if (node.offset !== undefined) forget(node); // a duplicated key: its last value counts
  node.offset = pos;
  const children = node.children;
  if (children === undefined) return skipValue(text, pos);
  const first = text.charCodeAt(pos);
  if (first === OPEN_BRACE) {
    pos = skipSpace(text, pos + 1);
    if (text.charCodeAt(pos) === CLOSE_BRACE) return pos + 1;
    for (;;) {
      if (text.charCodeAt(pos) !== QUOTE) throw new NotJson();
      const keyEnd = skipString(text, pos);
      const key = keyOf(text, pos, keyEnd);
      pos = skipSpace(text, keyEnd);
      if (text.charCodeAt(pos) !== COLON) throw new NotJson();
      pos = skipSpace(text, pos + 1);
      const child = children.get(key);
      pos = skipSpace(text, child === undefined ? skipValue(text, pos) : readValue(text, pos, child));
      const next = text.charCodeAt(pos);
      if (next === CLOSE_BRACE) return pos + 1;
      if (next !== COMMA) throw new NotJson();
      pos = skipSpace(text, pos + 1);
    }
  }
  if (first === OPEN_BRACKET) {
    pos = skipSpace(text, pos + 1);
    if (text.charCodeAt(pos) === CLOSE_BRACKET) return pos + 1;
    for (let index = 0; ; index++) {
      const child = children.get(index);
      pos = skipSpace(text, child === undefined ? skipValue(text, pos) : readValue(text, pos, child));
      const next = text.charCodeAt(pos);
      if (next === CLOSE_BRACKET) return pos + 1;
      if (next !== COMMA) throw new NotJson();
      pos = skipSpace(text, pos + 1);
    }
  }
  return skipValue(text, pos);
}

/** Drops the offsets found under `node` (an earlier value of a duplicated key). */
function forget(node: PathNode): void {
  node.offset = undefined;
  for (const child of node.children?.values() ?? []) forget(child);
}

/** An object key as JSON.parse reads it (escapes decoded only when there are any). */
function keyOf(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

/** The offset just past the value at `pos`: a string, a number or literal, or a whole object or list. */
function skipValue(text: string, pos: number): number {
  const first = text.charCodeAt(pos);
  if (first === QUOTE) return skipString(text, pos);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    for (let i = pos; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) i = skipString(text, i) - 1;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i + 1;
    }
    throw new NotJson();
  }
  let i = pos;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c <= 32) break;
  }
  if (i === pos) throw new NotJson();
  return i;
}

/** The offset just past the string whose opening quote is at `pos`. */
function skipString(text: string, pos: number): number {
  let quote = text.indexOf('"', pos + 1);
  for (;;) {
    if (quote < 0) throw new NotJson();
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
}

/** The first offset from `pos` that is not JSON whitespace. */
function skipSpace(text: string, pos: number): number {
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return pos;
    pos++;
  }
}
