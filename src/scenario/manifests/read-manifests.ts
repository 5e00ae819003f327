/**
 * Reads the manifests a scenario lists (files, or folders of *.yaml/*.yml/*.json) as `kubectl apply -f`
 * would: every document of every file, `kind: List` items expanded, each object dispatched to its
 * handler in ./registry.ts. Unknown kinds and duplicate objects are reported. Handlers read the objects
 * with their null-valued fields dropped (null-fields.ts); the unknown-field check reads them as written.
 */
import { suggestionHint } from '../did-you-mean.js';
import { MANIFEST_FILES_TEXT, manifestFilesAt, readTextFile, resolveInScenario } from '../files.js';
import type { ProblemSink } from '../problem-sink.js';
import { DocRef } from '../yaml/doc-ref.js';
import { isObjectList, type DocumentPatch } from '../yaml/document-patch.js';
import { parseYamlDocuments } from '../yaml/yaml-file.js';
import { emptyManifestSet, objectKey, type ManifestSet } from './manifest-set.js';
import { withNullFieldsDropped } from './null-fields.js';
import { findManifestKind, knownKindNames, modelledKindsText, splitApiVersion } from './registry.js';
import { checkUnknownFields } from './unknown-fields.js';

/**
 * Loads the manifests named by `spec.manifests` (`scenarioRef` locates that list for messages).
 * Everything wrong is reported to `sink`; what could be read is returned.
 */
export async function readManifests(
  dir: string,
  entries: readonly string[],
  scenarioRef: DocRef,
  sink: ProblemSink,
  patches: readonly DocumentPatch[] = [],
  applied?: Set<DocumentPatch>,
): Promise<ManifestSet> {
  const out = emptyManifestSet();
  const defaulted = scenarioRef.valueAt(['spec', 'manifests']) === undefined;
  const files: string[] = [];
  for (const [i, entry] of entries.entries()) {
    const found = await manifestFilesAt(resolveInScenario(dir, entry));
    if (!found.ok) {
      const hint = defaulted ? `spec.manifests defaults to ["${entry}"]: create that folder, or list your manifest files and folders` : found.hint;
      sink.error(scenarioRef.problem(['spec', 'manifests', i], found.message, hint));
      out.incomplete = true;
    }
    else if (found.value.length === 0) sink.warn(scenarioRef.warning(['spec', 'manifests', i], `no ${MANIFEST_FILES_TEXT} file in ${resolveInScenario(dir, entry)}`));
    else for (const f of found.value) if (!files.includes(f)) files.push(f);
  }
  const texts = await Promise.all(files.map((f) => readTextFile(f)));
  for (const [i, file] of files.entries()) {
    const text = texts[i];
    if (!text?.ok) {
      sink.error({ file, message: text?.message ?? 'cannot read file', ...(text?.hint ? { hint: text.hint } : {}) });
      out.incomplete = true;
      continue;
    }
    const template = templateLine(text.value);
    if (template !== undefined) {
      sink.error({ file, line: template, message: 'expected a Kubernetes manifest, got a template: `{{ … }}` is Helm (Go template) syntax, which only `helm template` renders', hint: 'render the chart first, e.g. `helm template web ./chart > manifests/web.yaml`, and list the rendered file' });
      out.incomplete = true;
      continue;
    }
    const { documents, problems } = parseYamlDocuments(text.value, file, patches, applied);
    sink.errors(problems);
    if (problems.length > 0) out.incomplete = true;
    for (const doc of documents) {
      const written = new DocRef(doc);
      dispatch(withNullFieldsDropped(written), written, out, sink);
    }
  }
  reportDuplicates(out, sink);
  return out;
}

/**
 * The 1-based line of the first Go template action where YAML structure goes (`name: {{ .Values.x }}`
 * unquoted, `- {{ … }}`, or `{{- if … }}` at the start of a line), if any. Actions inside quoted
 * strings or indented block text (a PrometheusRule's `{{ $labels.instance }}`) are data, not this.
 */
function templateLine(text: string): number | undefined {
  if (!text.includes('{{')) return undefined;
  const at = text.split('\n').findIndex((l) => /^\{\{|^\s*(?:- +)?[\w./-]+: +\{\{|^\s*- +\{\{/.test(l));
  return at < 0 ? undefined : at + 1;
}

/** `ref` is the object with its null-valued fields dropped, `written` the same part as written. */
function dispatch(ref: DocRef, written: DocRef, out: ManifestSet, sink: ProblemSink): void {
  const value = ref.valueAt();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    sink.error(ref.problem([], 'expected a Kubernetes object (a mapping with apiVersion and kind)'));
    return;
  }
  const { apiVersion, kind } = value as { apiVersion?: unknown; kind?: unknown };
  if (typeof apiVersion !== 'string' || apiVersion === '') sink.error(ref.problem(['apiVersion'], 'required field is missing; expected e.g. apps/v1'));
  if (typeof kind !== 'string' || kind === '') sink.error(ref.problem(['kind'], 'required field is missing; expected e.g. Deployment'));
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !apiVersion || !kind) return;
  if (isObjectList(value)) {
    value.items.forEach((_, i) => dispatch(ref.child(['items', i]), written.child(['items', i]), out, sink));
    return;
  }
  const handler = findManifestKind(apiVersion, kind);
  if (!handler) {
    const close = suggestionHint(kind, knownKindNames(), 'kinds');
    const hint = `supported kinds: ${modelledKindsText()}${close?.startsWith('did you mean') ? `; ${close}` : ''}`;
    sink.error(ref.problem(['kind'], `unknown kind ${apiVersion}/${kind}`, hint));
    return;
  }
  const version = splitApiVersion(apiVersion)[1];
  if (handler.versions && !handler.versions.includes(version)) {
    const supported = handler.versions.map((v) => `${handler.group ? `${handler.group}/` : ''}${v}`).join(', ');
    sink.error(ref.problem(['apiVersion'], `apiVersion ${apiVersion} is not supported for ${kind}`, `use ${supported}`));
    return;
  }
  const fields = handler.fields?.(version);
  if (fields !== undefined) checkUnknownFields(written, fields, sink);
  handler.load(ref, apiVersion, out, sink);
}

function reportDuplicates(out: ManifestSet, sink: ProblemSink): void {
  const seen = new Map<string, DocRef>();
  const objects = [
    ...out.workloads.map((w) => ({ key: objectKey(w.spec.kind, w.spec.namespace, w.spec.name), ref: w.ref })),
    ...out.hpas.map((h) => ({ key: objectKey('HorizontalPodAutoscaler', h.spec.namespace, h.spec.name), ref: h.ref })),
    ...out.scaledObjects.map((o) => ({ key: objectKey('ScaledObject', o.spec.namespace, o.spec.name), ref: o.ref })),
    ...out.scaledJobs.map((j) => ({ key: objectKey('ScaledJob', j.spec.namespace, j.spec.name), ref: j.ref })),
    ...out.triggerAuthentications.map((a) => ({ key: objectKey(a.kind, a.namespace || '(cluster)', a.name), ref: a.ref })),
    ...out.elasticWorkloads.map((e) => ({ key: objectKey('ElasticWorkload', e.spec.namespace, e.spec.name), ref: e.ref })),
    ...out.podDisruptionBudgets.map((p) => ({ key: objectKey('PodDisruptionBudget', p.spec.namespace, p.spec.name), ref: p.ref })),
    ...out.priorityClasses.map((c) => ({ key: objectKey('PriorityClass', '(cluster)', c.spec.name), ref: c.ref })),
    ...out.namespaces.map((n) => ({ key: objectKey('Namespace', '(cluster)', n.name), ref: n.ref })),
  ];
  for (const { key, ref } of objects) {
    const first = seen.get(key);
    if (!first) {
      seen.set(key, ref);
      continue;
    }
    const at = first.position();
    sink.error(ref.problem(['metadata', 'name'], `duplicate object ${key.replace(/\//g, ' ')}: already defined at ${at.file}:${at.line}`));
  }
}
