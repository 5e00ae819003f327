/**
 * Null-valued manifest fields (src/scenario/manifests/null-fields.ts): `nodeSelector:`,
 * `tolerations:`, `resources:` and nested nulls such as `resources: {requests: null}` load as if
 * the field were not written, in every kind, as kubectl and the API server take them; later
 * problems in the same object still name the right line and field, and unknown fields written
 * with no value are still reported.
 */
import { describe, expect, it } from 'vitest';
import { withoutNullFields } from '../../src/scenario/manifests/null-fields.js';
import type { Scenario } from '../../src/scenario/types.js';
import { BASE_SCENARIO, BASE_TRACE } from './helpers/base-scenario.js';
import { folderProblems, lines, loadFolder } from './helpers/scenario-folder.js';

const WEB = 'manifests/web.yaml';

/** A Deployment with two containers and an autoscaling/v2 HPA; `nulls` adds the null-valued fields. */
function manifests(nulls: boolean): string {
  const opt = (...rows: string[]) => (nulls ? rows : []);
  return lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    ...opt('  labels:', '  annotations:'),
    'spec:',
    ...opt('  replicas:', '  strategy:'),
    '  selector:',
    '    matchLabels: {app: web}',
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
    ...opt('      annotations:'),
    '    spec:',
    ...opt('      nodeSelector:', '      tolerations:', '      affinity:', '      resources:', '      topologySpreadConstraints:', '      volumes:', '      initContainers:'),
    '      containers:',
    '        - name: web',
    ...opt('          env:', '          livenessProbe:'),
    '          resources:',
    '            requests: {cpu: 100m, memory: 64Mi}',
    ...opt('            limits:'),
    '        - name: log-shipper',
    nulls ? '          resources: {requests: null, limits: {cpu: 50m, memory: null}}' : '          resources: {limits: {cpu: 50m}}',
    ...opt('        - name: no-resources', '          resources:'),
    ...(nulls ? [] : ['        - name: no-resources']),
    '---',
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata:',
    '  name: web',
    'spec:',
    '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}',
    ...opt('  minReplicas:', '  behavior:'),
    '  maxReplicas: 10',
    '  metrics:',
    '    - type: Resource',
    '      resource: {name: memory, target: {type: AverageValue, averageValue: 100Mi}}',
  );
}

const files = (nulls: boolean) => ({ 'scenario.yaml': BASE_SCENARIO, [WEB]: manifests(nulls), 'traces/web.csv': BASE_TRACE });

/** The resolved objects without their `source` (it names the temporary folder). */
function resolved(scenario: Scenario): unknown {
  const bare = <T extends { source: unknown }>({ source: _source, ...rest }: T) => rest;
  return { workloads: scenario.workloads.map(bare), hpas: scenario.hpas.map(bare), warnings: scenario.warnings.map((w) => w.message) };
}

describe('null-valued manifest fields are taken as not written', () => {
  it('a Deployment with nodeSelector:, tolerations:, resources: and nested nulls loads as without them', async () => {
    const withNulls = await loadFolder(files(true));
    const without = await loadFolder(files(false));
    expect(resolved(withNulls)).toEqual(resolved(without));
    const template = withNulls.workloads[0]!.template;
    expect(template.nodeSelector).toEqual({});
    expect(template.tolerations).toEqual([]);
    expect(template.podCpuRequestMillicores).toBeUndefined();
    // requests: null leaves the requests to default to the limits (SetDefaults_Pod), as if unwritten.
    expect(template.containers[1]).toMatchObject({ name: 'log-shipper', cpuRequestMillicores: 50 });
    expect(template.containers[1]?.memoryRequestBytes).toBeUndefined();
    expect(template.containers[2]?.cpuRequestMillicores).toBeUndefined();
    // replicas: and minReplicas: with no value take their defaults.
    expect(withNulls.workloads[0]!.replicas).toBe(1);
    expect(withNulls.hpas[0]).toMatchObject({ minReplicas: 1, maxReplicas: 10, behavior: null });
  });

  it('reads nulls in the items of a List and in kinds without a field list (PriorityClass)', async () => {
    const list = lines(
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: scheduling.k8s.io/v1',
      '    kind: PriorityClass',
      '    metadata: {name: high}',
      '    value: 1000',
      '    description:',
      '    preemptionPolicy:',
      '  - apiVersion: apps/v1',
      '    kind: Deployment',
      '    metadata: {name: web}',
      '    spec:',
      '      selector: {matchLabels: {app: web}}',
      '      template:',
      '        metadata: {labels: {app: web}}',
      '        spec:',
      '          priorityClassName: high',
      '          nodeSelector:',
      '          tolerations:',
      '          containers: [{name: web, resources: {requests: {cpu: 100m, memory: 64Mi}, limits: null}}]',
    );
    const scenario = await loadFolder({ ...files(false), [WEB]: list });
    expect(scenario.workloads[0]?.template).toMatchObject({ nodeSelector: {}, tolerations: [], priority: 1000 });
  });
});

describe('messages still point at what was written', () => {
  it('a bad value after null fields is reported at its own line and field', async () => {
    const manifest = manifests(true).replace('requests: {cpu: 100m, memory: 64Mi}', 'requests: {cpu: lots, memory: 64Mi}');
    const line = manifest.split('\n').findIndex((l) => l.includes('cpu: lots')) + 1;
    const problems = await folderProblems({ ...files(true), [WEB]: manifest });
    expect(problems).toContainEqual(expect.objectContaining({ file: WEB, line, field: 'spec.template.spec.containers[0].resources.requests.cpu' }));
  });

  it('a misspelt field written with no value is still an error naming the field meant, at its line', async () => {
    const manifest = manifests(true).replace('      nodeSelector:', '      nodeSelecter:');
    const line = manifest.split('\n').findIndex((l) => l.includes('nodeSelecter:')) + 1;
    const problems = await folderProblems({ ...files(true), [WEB]: manifest });
    expect(problems).toContainEqual(
      expect.objectContaining({ file: WEB, line, field: 'spec.template.spec.nodeSelecter', message: 'unknown field "nodeSelecter": did you mean "nodeSelector"?' }),
    );
  });

  it('an unknown field written with no value is still a warning', async () => {
    const manifest = manifests(true).replace('  selector:', '  someVendorExtension:\n  selector:');
    const scenario = await loadFolder({ ...files(true), [WEB]: manifest });
    const line = manifest.split('\n').findIndex((l) => l.includes('someVendorExtension:')) + 1;
    expect(scenario.warnings).toContainEqual(expect.objectContaining({ line, field: 'spec.someVendorExtension', message: expect.stringMatching(/^unknown field "someVendorExtension", ignored/) }));
  });

  it('a required field written with no value is reported as missing, at its line', async () => {
    const manifest = manifests(true).replace('  maxReplicas: 10', '  maxReplicas:');
    const line = manifest.split('\n').findIndex((l) => l === '  maxReplicas:') + 1;
    const problems = await folderProblems({ ...files(true), [WEB]: manifest });
    expect(problems).toContainEqual(expect.objectContaining({ file: WEB, line, field: 'spec.maxReplicas', message: expect.stringMatching(/^required field is missing/) }));
  });
});

describe('withoutNullFields', () => {
  it('drops null-valued mapping entries at any depth, keeps list items (their indices name fields), and leaves its input alone', () => {
    const input = { a: null, b: { c: null, d: 1, e: [null, { f: null, g: 'x' }] }, h: [] as unknown[] };
    expect(withoutNullFields(input)).toEqual({ b: { d: 1, e: [null, { g: 'x' }] }, h: [] });
    expect(input).toEqual({ a: null, b: { c: null, d: 1, e: [null, { f: null, g: 'x' }] }, h: [] });
  });
});
