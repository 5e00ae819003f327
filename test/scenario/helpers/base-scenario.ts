/**
 * A small valid scenario (one Deployment with an HPA, one trace) that the bad-input table edits one
 * file at a time. Line numbers in the comments are what the table's expectations refer to.
 */
import { lines, type FolderFiles } from './scenario-folder.js';

export const BASE_SCENARIO = lines(
  'apiVersion: scalesim.dev/v1alpha1', //  1
  'kind: Scenario', //                     2
  'spec:', //                              3
  '  traces:', //                          4
  '    web:', //                           5
  '      file: traces/web.csv', //         6
  '      valueKind: countPerBucket', //    7
  '  nodePools:', //                       8
  '    - name: default', //                9
  '      count: 2', //                    10
  '      cpu: "4"', //                    11
  '      memory: 16Gi', //                12
  '  workloads:', //                      13
  '    web:', //                          14
  '      trace: web', //                  15
  '      cpuMillicoreSecondsPerRequest: 20', // 16
);

export const BASE_DEPLOYMENT = lines(
  'apiVersion: apps/v1', //                1
  'kind: Deployment', //                   2
  'metadata:', //                          3
  '  name: web', //                        4
  'spec:', //                              5
  '  selector:', //                        6
  '    matchLabels: {app: web}', //        7
  '  template:', //                        8
  '    metadata:', //                      9
  '      labels: {app: web}', //          10
  '    spec:', //                         11
  '      containers:', //                 12
  '        - name: web', //               13
  '          resources:', //              14
  '            requests: {cpu: 100m, memory: 64Mi}', // 15
);

/**
 * An apps/v1 Deployment `name` of `replicas` pods labelled app=<name>: `podSpec` lines go under the
 * template's spec (indented by the caller: six spaces), e.g. a containers line.
 */
export function deploymentYaml(name: string, replicas: number, ...podSpec: string[]): string {
  return lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: {name: ${name}}`,
    'spec:',
    `  replicas: ${replicas}`,
    `  selector: {matchLabels: {app: ${name}}}`,
    '  template:',
    `    metadata: {labels: {app: ${name}}}`,
    '    spec:',
    ...podSpec,
  );
}

/** An apps/v1 StatefulSet `name` of one 100m / 64Mi container labelled app=<name>; `spec` lines go under its spec (indented by the caller: two spaces). */
export function statefulSetYaml(name: string, ...spec: string[]): string {
  return lines(
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    `metadata: {name: ${name}}`,
    'spec:',
    ...spec,
    `  selector: {matchLabels: {app: ${name}}}`,
    '  template:',
    `    metadata: {labels: {app: ${name}}}`,
    '    spec:',
    `      containers: [{name: ${name}, resources: {requests: {cpu: 100m, memory: 64Mi}}}]`,
  );
}

/** An autoscaling/v2 HPA on Deployment web; `spec` lines are appended after line 6. */
export function hpaV2(name: string, ...spec: string[]): string {
  return lines(
    'apiVersion: autoscaling/v2', //       1
    'kind: HorizontalPodAutoscaler', //    2
    'metadata:', //                        3
    `  name: ${name}`, //                  4
    'spec:', //                            5
    '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}', // 6
    ...spec,
  );
}

export const BASE_TRACE = lines(
  'timestamp,value', //                    1
  '2024-01-01T00:00:00Z,60', //            2
  '2024-01-01T00:01:00Z,120', //           3
  '2024-01-01T00:02:00Z,90', //            4
);

export function baseFiles(): FolderFiles {
  return {
    'scenario.yaml': BASE_SCENARIO,
    'manifests/web.yaml': `${BASE_DEPLOYMENT}---\n${hpaV2('web', '  maxReplicas: 10')}`,
    'traces/web.csv': BASE_TRACE,
  };
}
