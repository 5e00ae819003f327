/**
 * v1 LimitRange and the LimitRanger admission plugin (plugin/pkg/admission/limitranger): a
 * namespace's defaults fill the requests and limits its pods do not set, after the API's own
 * defaulting (SetDefaults_LimitRangeItem: default ← max, defaultRequest ← default, else min; a
 * limited container is requested at its limit); constraints forbid pods with upstream's messages;
 * the LimitRange itself is validated as ValidateLimitRange does. Cases adapted from
 * admission_test.go (TestDefaultContainerResourceRequirements, TestMergePodResourceRequirements,
 * TestPodLimitFunc) and validation_test.go (TestValidateLimitRange).
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { MemoryTableSink } from '../../src/report/table-sink.js';
import { BASE_DEPLOYMENT, baseFiles, hpaV2 } from './helpers/base-scenario.js';
import { folderProblems, lines, loadFolder } from './helpers/scenario-folder.js';

/** BASE_DEPLOYMENT with its container's resources replaced by `resources` lines (or none). */
function deployment(...resources: string[]): string {
  const text = BASE_DEPLOYMENT.replace('          resources:\n            requests: {cpu: 100m, memory: 64Mi}\n', '');
  return resources.length === 0 ? text : `${text}          resources:\n${resources.map((r) => `            ${r}`).join('\n')}\n`;
}

function limitRange(name: string, namespace: string | undefined, ...items: string[]): string {
  return lines('apiVersion: v1', 'kind: LimitRange', 'metadata:', `  name: ${name}`, ...(namespace ? [`  namespace: ${namespace}`] : []), 'spec:', '  limits:', ...items.map((i) => `    - ${i}`));
}

async function container(web: string, ...ranges: string[]) {
  // No HPA here: the loader refuses a cpu Utilization HPA over a container without a cpu request.
  const scenario = await loadFolder({ ...baseFiles(), 'manifests/web.yaml': web, 'manifests/limits.yaml': ranges.join('---\n') });
  const c = scenario.workloads[0]!.template.containers[0]!;
  return { cpuRequest: c.cpuRequestMillicores, cpuLimit: c.cpuLimitMillicores, memoryRequest: c.memoryRequestBytes, memoryLimit: c.memoryLimitBytes };
}

const MI = 2 ** 20;

describe('LimitRanger defaults', () => {
  const cases: [string, string, string[], object][] = [
    ['default and defaultRequest fill a container without resources', deployment(), ['{type: Container, default: {cpu: 500m, memory: 256Mi}, defaultRequest: {cpu: 250m, memory: 128Mi}}'], { cpuRequest: 250, cpuLimit: 500, memoryRequest: 128 * MI, memoryLimit: 256 * MI }],
    ['a default limit alone is also the default request (SetDefaults_LimitRangeItem)', deployment(), ['{type: Container, default: {cpu: "1"}}'], { cpuRequest: 1000, cpuLimit: 1000, memoryRequest: undefined, memoryLimit: undefined }],
    ['a max alone becomes the default limit and request', deployment(), ['{type: Container, max: {memory: 1Gi}}'], { cpuRequest: undefined, cpuLimit: undefined, memoryRequest: 1024 * MI, memoryLimit: 1024 * MI }],
    ['a min alone becomes the default request, with no limit', deployment(), ['{type: Container, min: {cpu: 100m}}'], { cpuRequest: 100, cpuLimit: undefined }],
    ['a container with a limit only was requested at it before admission: defaultRequest does not apply', deployment('limits: {cpu: 400m}'), ['{type: Container, defaultRequest: {cpu: 100m}, default: {cpu: 800m}}'], { cpuRequest: 400, cpuLimit: 400 }],
    ['a set request keeps; the missing limit takes the default', deployment('requests: {cpu: 200m}'), ['{type: Container, default: {cpu: 600m}, defaultRequest: {cpu: 100m}}'], { cpuRequest: 200, cpuLimit: 600 }],
    ['a Pod item sets no defaults', deployment('requests: {cpu: 100m}'), ['{type: Pod, min: {cpu: 50m}}'], { cpuRequest: 100, cpuLimit: undefined }],
  ];
  it.each(cases)('%s', async (_name, web, items, expected) => {
    expect(await container(web, limitRange('limits', undefined, ...items))).toMatchObject(expected);
  });

  it('only the pod namespace’s LimitRanges apply', async () => {
    expect(await container(deployment(), limitRange('other', 'batch', '{type: Container, default: {cpu: 500m}}'))).toMatchObject({ cpuRequest: undefined, cpuLimit: undefined });
  });

  it('several LimitRanges: each fills only what is still missing, in name order', async () => {
    const a = limitRange('a-defaults', undefined, '{type: Container, default: {cpu: 300m}}');
    const b = limitRange('b-defaults', undefined, '{type: Container, default: {cpu: 900m, memory: 1Gi}}');
    expect(await container(deployment(), b, a)).toMatchObject({ cpuRequest: 300, cpuLimit: 300, memoryRequest: 1024 * MI, memoryLimit: 1024 * MI });
  });

  it('init containers and sidecars get the defaults too', async () => {
    const web = deployment().replace('      containers:\n', '      initContainers:\n        - name: migrate\n        - name: proxy\n          restartPolicy: Always\n      containers:\n');
    const scenario = await loadFolder({ ...baseFiles(), 'manifests/web.yaml': web, 'manifests/limits.yaml': limitRange('limits', undefined, '{type: Container, default: {cpu: 200m}}') });
    const t = scenario.workloads[0]!.template;
    expect(t.initContainers.map((c) => c.cpuRequestMillicores)).toEqual([200, 200]);
    expect(t.sidecars.map((c) => c.cpuLimitMillicores)).toEqual([200]);
  });
});

describe('LimitRanger constraints: a forbidden pod is refused at load, with upstream’s message', () => {
  const cases: [string, string, string, string][] = [
    ['max cpu against the limit', deployment('limits: {cpu: "2"}'), '{type: Container, max: {cpu: "1"}}', 'maximum cpu usage per Container is 1, but limit is 2'],
    ['a Pod max needs a limit (a Container max would have become the default limit)', deployment('requests: {memory: 64Mi}'), '{type: Pod, max: {memory: 512Mi}}', 'maximum memory usage per Pod is 512Mi.  No limit is specified'],
    ['min cpu against the request', deployment('requests: {cpu: 50m}'), '{type: Container, min: {cpu: 100m}}', 'minimum cpu usage per Container is 100m, but request is 50m'],
    ['the limit-to-request ratio', deployment('requests: {cpu: 100m}', 'limits: {cpu: "1"}'), '{type: Container, maxLimitRequestRatio: {cpu: 4}}', 'cpu max limit to request ratio per Container is 4, but provided ratio is 10.000000'],
    ['a Pod item on the pod’s sum', deployment('limits: {memory: 3Gi}'), '{type: Pod, max: {memory: 2Gi}}', 'maximum memory usage per Pod is 2Gi, but limit is 3Gi'],
  ];
  it.each(cases)('%s', async (_name, web, item, message) => {
    const problems = await folderProblems({ ...baseFiles(), 'manifests/web.yaml': web, 'manifests/limits.yaml': limitRange('limits', undefined, item) });
    expect(problems).toContainEqual(expect.objectContaining({ file: 'manifests/web.yaml', message: expect.stringContaining(`pods of Deployment web would be forbidden by LimitRange limits (`) }));
    expect(problems.map((p) => p.message).join('\n')).toContain(message);
  });

  it('a default limit below the request the container sets makes the pod invalid', async () => {
    const problems = await folderProblems({ ...baseFiles(), 'manifests/web.yaml': deployment('requests: {cpu: "2"}'), 'manifests/limits.yaml': limitRange('limits', undefined, '{type: Container, default: {cpu: "1"}}') });
    expect(problems).toContainEqual(expect.objectContaining({ field: 'spec.template.spec.containers[0].resources.requests.cpu', message: expect.stringContaining('2 must be less than or equal to cpu limit of 1') }));
  });
});

describe('LimitRange validation (ValidateLimitRange)', () => {
  const cases: [string, string, string, string][] = [
    ['min above max', '{type: Container, min: {cpu: "2"}, max: {cpu: "1"}}', 'spec.limits[0].min.cpu', 'min value 2 is greater than max value 1'],
    ['default request above the default limit', '{type: Container, default: {cpu: 200m}, defaultRequest: {cpu: 300m}}', 'spec.limits[0].defaultRequest.cpu', 'default request value 300m is greater than default limit value 200m'],
    ['default above max', '{type: Container, default: {memory: 2Gi}, max: {memory: 1Gi}}', 'spec.limits[0].default.memory', 'default value 2Gi is greater than max value 1Gi'],
    ['defaults on a Pod item', '{type: Pod, default: {cpu: 1}}', 'spec.limits[0].default', "may not be specified when `type` is 'Pod'"],
    ['a ratio below 1', '{type: Container, maxLimitRequestRatio: {cpu: 0.5}}', 'spec.limits[0].maxLimitRequestRatio.cpu', 'ratio 0.5 is less than 1'],
    ['an unknown type', '{type: Node, max: {cpu: 1}}', 'spec.limits[0].type', 'expected "Container" or "Pod" or "PersistentVolumeClaim", got "Node"'],
  ];
  it.each(cases)('%s', async (_name, item, field, message) => {
    const problems = await folderProblems({ ...baseFiles(), 'manifests/limits.yaml': limitRange('limits', undefined, item) });
    expect(problems).toContainEqual(expect.objectContaining({ file: 'manifests/limits.yaml', field, message: expect.stringContaining(message) }));
  });

  it('resources other than cpu and memory, and PersistentVolumeClaim items, are warned and ignored', async () => {
    const scenario = await loadFolder({ ...baseFiles(), 'manifests/limits.yaml': limitRange('limits', undefined, '{type: Container, default: {cpu: 300m, ephemeral-storage: 1Gi}}', '{type: PersistentVolumeClaim, max: {storage: 10Gi}}') });
    expect(scenario.warnings.map((w) => [w.field, w.message])).toEqual(
      expect.arrayContaining([
        ['spec.limits[0].default.ephemeral-storage', 'ephemeral-storage is not modelled (only cpu and memory); ignored'],
        ['spec.limits[1].type', 'PersistentVolumeClaim limits are not modelled; ignored'],
      ]),
    );
    // The web container's own request stays; its missing limit is defaulted.
    expect(scenario.workloads[0]!.template.containers[0]).toMatchObject({ cpuRequestMillicores: 100, cpuLimitMillicores: 300 });
  });
});

describe('the HPA over a namespace’s default requests', () => {
  it('a Deployment without requests under a cpu HPA: refused for want of a request without the LimitRange, a valid metric with it', async () => {
    const files = { ...baseFiles(), 'manifests/web.yaml': `${deployment()}---\n${hpaV2('web', '  maxReplicas: 10', '  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}]')}` };
    const problems = await folderProblems(files);
    expect(problems.map((p) => p.message).join('\n')).toContain('has no cpu request');
    const scenario = await loadFolder({ ...files, 'manifests/limits.yaml': limitRange('limits', undefined, '{type: Container, defaultRequest: {cpu: 100m}, default: {cpu: 500m}}') }, { durationSeconds: 120 });
    const run = runScenario(scenario);
    const sink = run.decisions.sink as MemoryTableSink;
    const at = (column: string) => sink.header.indexOf(column);
    expect(new Set(sink.rows.map((r) => r[at('scaling_active')]))).toEqual(new Set(['ValidMetricFound']));
    // Utilization is a percentage of the defaulted 100m request.
    expect(sink.rows.every((r) => /^\d+%$/.test(String(r[at('metric1_value')])))).toBe(true);
  });
});
