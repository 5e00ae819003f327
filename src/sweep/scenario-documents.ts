/**
 * The scenario's YAML documents as data, for what a sweep needs before it runs anything: resolving
 * grid aliases (which HPA, which metric index) and checking override targets and fields, and the
 * list of input files whose contents make up the sweep's fingerprint. Called after loadScenario has
 * accepted the scenario, so reading problems are not reported again here.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { manifestFilesAt, resolveInScenario } from '../scenario/files.js';
import { SCENARIO_FILE_NAME } from '../scenario/load-scenario.js';
import { SCENARIO_DEFAULTS } from '../scenario/schema/scenario-defaults.js';
import { documentObjects, objectTarget } from '../scenario/yaml/document-patch.js';
import { parseYamlDocuments } from '../scenario/yaml/yaml-file.js';

export interface ScenarioDocument {
  /** The file as loadScenario names it in messages. */
  file: string;
  /** `scenario`, or `<Kind>/<metadata.name>`: what an override's target must say. */
  target: string;
  kind: string;
  apiVersion: string;
  name: string;
  value: Record<string, unknown>;
}

export interface InputFile {
  /** Relative to the scenario folder (with ../ for traces beside it), so the same inputs give the same fingerprint wherever the folder is. */
  relative: string;
  content: Buffer;
}

export interface ScenarioDocuments {
  documents: ScenarioDocument[];
  /** scenario.yaml and every manifest file, in the order they are read. */
  files: InputFile[];
}

/** The manifest files of scenario.yaml's `spec.manifests` entries (a folder's files, or the file itself), each once, resolved in `dir`; entries that cannot be read are left out. */
export async function manifestFiles(dir: string, entries: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const entry of entries) {
    const found = await manifestFilesAt(resolveInScenario(dir, entry));
    if (found.ok) for (const f of found.value) if (!files.includes(f)) files.push(f);
  }
  return files;
}

function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Reads scenario.yaml and the manifests it lists (as loadScenario does), keeping each document's plain value. */
export async function readScenarioDocuments(dir: string): Promise<ScenarioDocuments> {
  const scenarioFile = path.join(dir, SCENARIO_FILE_NAME);
  const documents: ScenarioDocument[] = [];
  const files: InputFile[] = [];
  const read = async (file: string): Promise<void> => {
    const content = await readFile(file);
    files.push({ relative: path.relative(dir, file).split(path.sep).join('/'), content });
    // A List's items are objects of their own, as loadScenario reads them.
    for (const object of parseYamlDocuments(content.toString('utf8'), file).documents.flatMap((d) => documentObjects(d.value))) {
      const value = asRecord(object.value);
      documents.push({
        file,
        target: objectTarget(value),
        kind: String(value.kind ?? ''),
        apiVersion: String(value.apiVersion ?? ''),
        name: String(asRecord(value.metadata).name ?? ''),
        value,
      });
    }
  };
  await read(scenarioFile);
  const scenario = documents.find((d) => d.target === 'scenario');
  const listed = asRecord(scenario?.value.spec).manifests;
  const entries = Array.isArray(listed) ? listed.map(String) : [...SCENARIO_DEFAULTS.manifests];
  for (const file of await manifestFiles(dir, entries)) await read(file);
  return { documents, files };
}

/** The plain value at `fieldPath` inside `value`, or undefined when a segment is missing. */
export function valueAt(value: unknown, fieldPath: readonly (string | number)[]): unknown {
  let v: unknown = value;
  for (const segment of fieldPath) {
    if (v === null || typeof v !== 'object') return undefined;
    if (Array.isArray(v) !== (typeof segment === 'number')) return undefined;
    v = (v as Record<string | number, unknown>)[segment];
  }
  return v;
}
