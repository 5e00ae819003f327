/**
 * A small valid KEDA scenario: Deployment `web` is a queue worker (queue `orders`) scaled by
 * ScaledObject `web-so` with a kafka trigger (read from the queue by its topic) and a prometheus
 * trigger (read from series `rows`). Tests edit one file at a time.
 */
import type { InputProblem } from '../../../src/errors/user-input-error.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { BASE_DEPLOYMENT, BASE_TRACE } from './base-scenario.js';
import { folderProblems, lines, loadFolder, type FolderFiles } from './scenario-folder.js';

export const KEDA_SCENARIO = lines(
  'apiVersion: scalesim.dev/v1alpha1',
  'kind: Scenario',
  'spec:',
  '  traces:',
  '    web:',
  '      file: traces/web.csv',
  '      valueKind: countPerBucket',
  '  nodePools:',
  '    - {name: default, count: 2, cpu: "4", memory: 16Gi}',
  '  workloads:',
  '    web:',
  '      trace: web',
  '      cpuMillicoreSecondsPerRequest: 20',
  '      queue: {name: orders, messagesPerSecondPerPod: 20, partitions: 3}',
  '  series:',
  '    rows: {trace: web}',
  '  triggers:',
  '    web-so/1: {series: rows}',
);

/** A keda.sh ScaledObject named `name` on Deployment web; `spec` lines go under `spec:`, `triggers` under `triggers:`. */
export function scaledObject(name: string, spec: string[], triggers: string[], metadata: string[] = []): string {
  return lines('apiVersion: keda.sh/v1alpha1', 'kind: ScaledObject', 'metadata:', `  name: ${name}`, ...metadata, 'spec:', '  scaleTargetRef: {name: web}', ...spec, '  triggers:', ...triggers);
}

export const KAFKA_TRIGGER = ['    - type: kafka', '      name: lag', '      metadata: {bootstrapServers: "kafka:9092", consumerGroup: workers, topic: orders, lagThreshold: "50"}'];
export const PROMETHEUS_TRIGGER = ['    - type: prometheus', '      name: rows', '      metadata: {serverAddress: "http://prometheus:9090", query: "sum(rows)", threshold: "100"}'];

export const BASE_SCALED_OBJECT = scaledObject('web-so', ['  maxReplicaCount: 10'], [...KAFKA_TRIGGER, ...PROMETHEUS_TRIGGER]);

export function kedaFiles(): FolderFiles {
  return {
    'scenario.yaml': KEDA_SCENARIO,
    'manifests/web.yaml': BASE_DEPLOYMENT,
    'manifests/keda.yaml': BASE_SCALED_OBJECT,
    'traces/web.csv': BASE_TRACE,
  };
}

/** The 1-based line of the first line of `text` containing `fragment` (after `after` lines). */
export function lineOf(text: string, fragment: string, after = 0): number {
  const index = text.split('\n').findIndex((line, i) => i >= after && line.includes(fragment));
  if (index < 0) throw new Error(`no line contains ${fragment}`);
  return index + 1;
}

/** Loads the KEDA scenario with `files` replacing its files. */
export async function loadKeda(files: FolderFiles): Promise<Scenario> {
  return loadFolder({ ...kedaFiles(), ...files });
}

/** The problems loadScenario reports for the KEDA scenario with `files` replacing its files (file names relative). */
export async function kedaProblems(files: FolderFiles): Promise<InputProblem[]> {
  return folderProblems({ ...kedaFiles(), ...files });
}
