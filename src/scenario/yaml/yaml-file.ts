/**
 * Reads YAML text into documents that remember where each node is (yaml's LineCounter), and turns
 * syntax errors into InputProblems with file, line and column. Multi-document streams (`---`) are
 * split as `kubectl apply -f` does; empty documents (nothing, null, only comments) are dropped.
 */
import { isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { InputProblem } from '../../errors/user-input-error.js';
import { applyPatches, objectTarget, type DocumentPatch } from './document-patch.js';

/** One non-empty document of a YAML file. */
export interface YamlDocument {
  /** Path to show in messages (as given: relative to the working directory, or absolute). */
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** 0-based position of the document in its file, counting empty ones. */
  index: number;
  /** The document as plain data (maps → objects, sequences → arrays). */
  value: unknown;
  /** The overrides (compare variants, sweep settings) applied to this document, if any. */
  patches?: readonly DocumentPatch[];
}

export interface YamlParseResult {
  documents: YamlDocument[];
  problems: InputProblem[];
}

interface ParsedFile {
  text: string;
  parsed: Document.Parsed[];
  lineCounter: LineCounter;
}

/** With enableYamlParseCache(): each file's last parse, reused while its text is the same. */
let parseCache: Map<string, ParsedFile> | undefined;

/**
 * Keeps each file's parsed documents for the next load of the same text in this thread: a sweep
 * loads its scenario once per setting, and yaml's parser takes 1.7 s on bench-large's 1.2 MB of
 * manifests (its documents then hold 38 MiB). A document a patch targets is cloned before the patch
 * is applied, so the kept parse stays as read. Off by default: a single run parses once and would
 * only hold the memory.
 */
export function enableYamlParseCache(): void {
  parseCache ??= new Map();
}

/** Drops the kept parses and stops keeping them (after the loads that share them, before long runs). */
export function disableYamlParseCache(): void {
  parseCache = undefined;
}

function parseFile(text: string, file: string): ParsedFile {
  const kept = parseCache?.get(file);
  if (kept !== undefined && kept.text === text) return kept;
  const lineCounter = new LineCounter();
  // merge: the YAML 1.1 merge key (`<<: *anchor`), which kubectl's parser (sigs.k8s.io/yaml on go-yaml) resolves.
  // logLevel error: the library's warnings (a mapping used as a key, as in an unrendered Helm
  // template) would go to the process's stderr; what matters is reported as problems instead.
  const parsed = Array.from(parseAllDocuments(text, { lineCounter, prettyErrors: true, merge: true, logLevel: 'error' }));
  const entry = { text, parsed, lineCounter };
  parseCache?.set(file, entry);
  return entry;
}

/** Whether a patch may target `doc` (a List may hold any object): a kept parse is cloned before such a document is patched. */
function mayBePatched(doc: Document.Parsed, patches: readonly DocumentPatch[]): boolean {
  if (patches.length === 0) return false;
  const kind = doc.getIn(['kind']);
  if (typeof kind === 'string' && kind.endsWith('List')) return true;
  const target = objectTarget({ kind, metadata: { name: doc.getIn(['metadata', 'name']) } });
  return patches.some((p) => p.target === target);
}

/**
 * Parses every document of `text`; documents with syntax errors are reported and left out.
 * `patches` (compare variants) are applied to the documents they target before conversion; the ones
 * applied are added to `applied`.
 */
export function parseYamlDocuments(text: string, file: string, patches: readonly DocumentPatch[] = [], applied?: Set<DocumentPatch>): YamlParseResult {
  const { parsed, lineCounter } = parseFile(text, file);
  const documents: YamlDocument[] = [];
  const problems: InputProblem[] = [];
  for (const [index, kept] of parsed.entries()) {
    // clone() keeps every node's range (and the directives), so positions in messages are the same.
    const doc = parseCache !== undefined && mayBePatched(kept, patches) ? (kept.clone() as Document.Parsed) : kept;
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
        problems.push({ file, line: pos.line, column: pos.col, message: `YAML syntax error: ${firstLine(e.message)}` });
      }
      continue;
    }
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) continue;
    const { applied: patchedBy, located: patched, refused } = applyPatches(doc, patches);
    for (const p of patchedBy) applied?.add(p);
    for (const r of refused) problems.push({ file: r.patch.source === undefined ? '(override)' : '(command line)', field: r.patch.source ?? r.patch.target, message: `${r.message}, in "${r.patch.text}"` });
    try {
      documents.push({ file, doc, lineCounter, index, value: doc.toJS({ maxAliasCount: 1000 }) as unknown, ...(patched.length > 0 ? { patches: patched } : {}) });
    } catch (e) {
      const pos = lineCounter.linePos(doc.range[0]);
      problems.push({ file, line: pos.line, column: pos.col, message: `YAML error: ${(e as Error).message}` });
    }
  }
  return { documents, problems };
}

/** yaml's messages end with " at line L, column C:" and a code excerpt; keep the sentence. */
function firstLine(message: string): string {
  const line = message.split('\n', 1)[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
