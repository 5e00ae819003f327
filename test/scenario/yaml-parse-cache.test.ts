/**
 * The parse cache of sweeps and comparisons (enableYamlParseCache): a file's documents parsed once
 * while its text is the same, a patched document cloned so the kept parse stays as read, positions
 * in messages unchanged, and nothing kept unless asked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentPatch } from '../../src/scenario/yaml/document-patch.js';
import { disableYamlParseCache, enableYamlParseCache, parseYamlDocuments } from '../../src/scenario/yaml/yaml-file.js';

const TEXT = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  maxReplicas: 10
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
`;

const patch = (value: number): DocumentPatch => ({ target: 'HorizontalPodAutoscaler/web', path: ['spec', 'maxReplicas'], value, text: `hpa.maxReplicas=${value}` });
const maxReplicas = (text: string, patches: DocumentPatch[] = []) => (parseYamlDocuments(text, 'web.yaml', patches).documents[0]!.value as { spec: { maxReplicas: number } }).spec.maxReplicas;

afterEach(() => disableYamlParseCache());

describe('the YAML parse cache', () => {
  it('is off by default: every call parses anew', () => {
    const a = parseYamlDocuments(TEXT, 'web.yaml');
    const b = parseYamlDocuments(TEXT, 'web.yaml');
    expect(a.documents[1]!.doc).not.toBe(b.documents[1]!.doc);
  });

  it('keeps the parse of the same text, and parses again when the text changes', () => {
    enableYamlParseCache();
    const a = parseYamlDocuments(TEXT, 'web.yaml');
    const b = parseYamlDocuments(TEXT, 'web.yaml');
    expect(b.documents[1]!.doc).toBe(a.documents[1]!.doc);
    // Each call converts anew: a caller may change its values without touching the next caller's.
    expect(b.documents[1]!.value).not.toBe(a.documents[1]!.value);
    expect(b.documents[1]!.value).toEqual(a.documents[1]!.value);
    expect(maxReplicas(TEXT.replace('maxReplicas: 10', 'maxReplicas: 12'))).toBe(12);
    expect(maxReplicas(TEXT)).toBe(10);
  });

  it('patches a clone: the kept parse, and every later load without the patch, stay as read', () => {
    enableYamlParseCache();
    expect(maxReplicas(TEXT)).toBe(10);
    expect(maxReplicas(TEXT, [patch(20)])).toBe(20);
    expect(maxReplicas(TEXT, [patch(30)])).toBe(30);
    expect(maxReplicas(TEXT)).toBe(10);
    // The document no patch targets is the kept one; the patched one is not.
    const kept = parseYamlDocuments(TEXT, 'web.yaml');
    const patched = parseYamlDocuments(TEXT, 'web.yaml', [patch(20)]);
    expect(patched.documents[1]!.doc).toBe(kept.documents[1]!.doc);
    expect(patched.documents[0]!.doc).not.toBe(kept.documents[0]!.doc);
    // Positions in the patched clone are those of the file.
    expect(patched.documents[0]!.doc.range).toEqual(kept.documents[0]!.doc.range);
    expect(patched.documents[0]!.lineCounter.linePos(patched.documents[0]!.doc.range[0])).toEqual({ line: 1, col: 1 });
  });

  it('gives the same documents, values and problems as parsing without it', () => {
    const broken = `${TEXT}---\nkind: [unclosed\n`;
    const plain = [parseYamlDocuments(TEXT, 'web.yaml', [patch(20)]), parseYamlDocuments(broken, 'web.yaml')];
    enableYamlParseCache();
    const cached = [parseYamlDocuments(TEXT, 'web.yaml', [patch(20)]), parseYamlDocuments(broken, 'web.yaml'), parseYamlDocuments(broken, 'web.yaml')];
    for (const [i, r] of cached.entries()) {
      const p = plain[Math.min(i, 1)]!;
      expect(r.problems).toEqual(p.problems);
      expect(r.documents.map((d) => [d.index, d.value, d.patches])).toEqual(p.documents.map((d) => [d.index, d.value, d.patches]));
    }
    expect(cached[1]!.problems[0]).toMatchObject({ file: 'web.yaml', line: 16 });
  });
});
