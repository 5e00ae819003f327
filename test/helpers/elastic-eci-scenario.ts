/**
 * The files of a scenario with one ElasticWorkload `web` split between a 4-CPU ECS node (its source
 * Deployment, up to `sourceMax` replicas) and a tainted ECI pool (its unit), with no CPU limit, so
 * that its pods get different CPU caps by where they run; optionally an HPA on the ElasticWorkload.
 */
import { lines } from '../scenario/helpers/scenario-folder.js';

export interface ElasticEciScenario {
  /** `spec.duration`, e.g. `10m`. */
  duration: string;
  /** The trace's rows after its header (`timestamp,value`). */
  traceRows: string[];
  /** The load model's flow mapping (the trace is `load`), without braces: `trace: load, …`. */
  loadModel: string;
  /** The container's requests, e.g. `{cpu: "1", memory: 2Gi}`. */
  requests: string;
  replicas: number;
  sourceMax: number;
  /** Lines of an autoscaling/v2 HPA spec after scaleTargetRef (min, max, metrics), when one scales it. */
  hpa?: string[];
}

export function elasticEciFiles(c: ElasticEciScenario): Record<string, string> {
  const hpa = c.hpa === undefined
    ? []
    : ['---', 'apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata: {name: web}', 'spec:',
       '  scaleTargetRef: {apiVersion: autoscaling.alibabacloud.com/v1beta1, kind: ElasticWorkload, name: web}', ...c.hpa];
  return {
    'scenario.yaml': lines(
      'apiVersion: scalesim.dev/v1alpha1',
      'kind: Scenario',
      'spec:',
      `  duration: ${c.duration}`,
      '  outputInterval: 1m',
      '  traces: {load: {file: traces/load.csv, valueKind: ratePerSecond}}',
      '  nodePools:',
      '    - {name: ecs, count: 1, cpu: "4", memory: 16Gi}',
      '    - name: eci',
      '      labels: {type: virtual-kubelet}',
      '      taints: [{key: virtual-kubelet.io/provider, value: alibabacloud, effect: NoSchedule}]',
      '      virtual: {provider: eci, pricing: general, imageCache: true}',
      `  workloads: {web: {${c.loadModel}}}`,
    ),
    'traces/load.csv': lines('timestamp,value', ...c.traceRows),
    'manifests/web.yaml': lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  replicas: 2',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec:',
      `      containers: [{name: web, image: web:1, resources: {requests: ${c.requests}}}]`,
      '---',
      'apiVersion: autoscaling.alibabacloud.com/v1beta1',
      'kind: ElasticWorkload',
      'metadata: {name: web}',
      'spec:',
      `  sourceTarget: {name: web, kind: Deployment, apiVersion: apps/v1, min: 1, max: ${c.sourceMax}}`,
      `  replicas: ${c.replicas}`,
      '  elasticUnit:',
      '    - name: virtual-kubelet',
      '      nodeSelector: {type: virtual-kubelet}',
      '      tolerations: [{key: virtual-kubelet.io/provider, operator: Exists}]',
      ...hpa,
    ),
  };
}
