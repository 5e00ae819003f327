/**
 * Reads YAML text into documents that remember where each node is (yaml's LineCounter), and turns
 * syntax errors into InputProblems with file, line and column. Multi-document streams (`---`) are
 * split as `kubectl apply -f` does; empty documents (nothing, null, only comments) are dropped.
 */
import { isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { InputProblem } from '../../errors/user-input-error.js';
import { applyPatches, type DocumentPatch } from './document-patch.js';

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

/**
 * Parses every document of `text`; documents with syntax errors are reported and left out.
 * `patches` (compare variants) are applied to the documents they target before conversion; the ones
 * applied are added to `applied`.
 */
export function parseYamlDocuments(text: string, file: string, patches: readonly DocumentPatch[] = [], applied?: Set<DocumentPatch>): YamlParseResult {
  const lineCounter = new LineCounter();
  // merge: the YAML 1.1 merge key (`<<: *anchor`), which kubectl's parser (sigs.k8s.io/yaml on go-yaml) resolves.
  // logLevel error: the library's warnings (a mapping used as a key, as in an unrendered Helm
  // template) would go to the process's stderr; what matters is reported as problems instead.
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: true, merge: true, logLevel: 'error' });
  const documents: YamlDocument[] = [];
  const problems: InputProblem[] = [];
  for (const [index, doc] of Array.from(parsed).entries()) {
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
