/**
 * A small valid scenario with priced node pools (a reserved m5.xlarge base, an autoscaled on-demand
 * m5.large group, an ECI virtual pool), a currency rate, and Deployment `web`. Tests edit one file at
 * a time; lineOf() finds the lines problems must point at.
 */
import type { InputProblem } from '../../../src/errors/user-input-error.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { BASE_DEPLOYMENT } from './base-scenario.js';
import { folderProblems, lines, loadFolder, type FolderFiles } from './scenario-folder.js';

export const CLOUD_SCENARIO = lines(
  'apiVersion: scalesim.dev/v1alpha1',
  'kind: Scenario',
  'spec:',
  '  duration: 1h',
  '  nodePools:',
  '    - name: reserved-base',
  '      instanceType: m5.xlarge',
  '      count: 2',
  '      billing: {kind: reserved}',
  '    - name: burst',
  '      instanceType: m5.large',
  '      count: 0',
  '      maxSize: 10',
  '      expanderPriority: 10',
  '      billing: {kind: onDemand}',
  '    - name: eci',
  '      virtual: {provider: eci}',
  '      labels: {type: virtual-kubelet}',
  '      taints: [{key: virtual-kubelet.io/provider, value: alibabacloud, effect: NoSchedule}]',
  '  currency: {report: USD, rates: [{from: CNY, to: USD, rate: 0.14}]}',
);

/** An ElasticWorkload on Deployment web: source min 2, max 4, total 6, one unit to the virtual node. */
export const ELASTIC_WORKLOAD = lines(
  'apiVersion: autoscaling.alibabacloud.com/v1beta1',
  'kind: ElasticWorkload',
  'metadata:',
  '  name: web-ew',
  'spec:',
  '  sourceTarget:',
  '    name: web',
  '    kind: Deployment',
  '    apiVersion: apps/v1',
  '    min: 2',
  '    max: 4',
  '  replicas: 6',
  '  elasticUnit:',
  '    - name: virtual-kubelet',
  '      labels: {alibabacloud.com/eci: "true"}',
  '      annotations: {note: burst}',
  '      nodeSelector: {type: virtual-kubelet}',
  '      tolerations: [{key: virtual-kubelet.io/provider, operator: Exists}]',
);

/** An autoscaling/v2 HPA named `name` on `kind`/`target`; `spec` lines go after scaleTargetRef. */
export function hpaOn(name: string, kind: string, target: string, apiVersion: string, ...spec: string[]): string {
  return lines(
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  scaleTargetRef: {apiVersion: ${apiVersion}, kind: ${kind}, name: ${target}}`,
    '  maxReplicas: 10',
    ...spec,
  );
}

export function cloudFiles(): FolderFiles {
  return { 'scenario.yaml': CLOUD_SCENARIO, 'manifests/web.yaml': BASE_DEPLOYMENT };
}

/** Loads the cloud scenario with `files` replacing its files. */
export async function loadCloud(files: FolderFiles = {}): Promise<Scenario> {
  return loadFolder({ ...cloudFiles(), ...files });
}

/** The problems loadScenario reports for the cloud scenario with `files` replacing its files (file names relative). */
export async function cloudProblems(files: FolderFiles): Promise<InputProblem[]> {
  return folderProblems({ ...cloudFiles(), ...files });
}
