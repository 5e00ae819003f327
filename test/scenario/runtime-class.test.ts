/**
 * node.k8s.io/v1 RuntimeClass and the RuntimeClass admission plugin (plugin/pkg/admission/runtimeclass):
 * a pod naming a class gets its overhead (counted in the requests the scheduler, the
 * cluster-autoscaler and quotas see, not in the HPA's) and its scheduling (nodeSelector merged,
 * tolerations added); a missing class, an overhead that differs from the class's or one without a
 * class, and a nodeSelector conflict forbid every pod and refuse the scenario with upstream's
 * message. Cases adapted from admission_test.go (TestSetOverhead, TestSetScheduling, TestValidate).
 */
import { describe, expect, it } from 'vitest';
import { hpaRequestMilli, podRequests } from '../../src/cluster/pod-requests.js';
import { podQuotaUsage } from '../../src/cluster/quota-usage.js';
import { BASE_DEPLOYMENT, baseFiles } from './helpers/base-scenario.js';
import { folderProblems, lines, loadFolder } from './helpers/scenario-folder.js';

const GVISOR = lines(
  'apiVersion: node.k8s.io/v1',
  'kind: RuntimeClass',
  'metadata: {name: gvisor}',
  'handler: runsc',
  'overhead: {podFixed: {cpu: 250m, memory: 64Mi}}',
  'scheduling:',
  '  nodeSelector: {sandbox: gvisor}',
  '  tolerations: [{key: sandbox, operator: Equal, value: gvisor, effect: NoSchedule}]',
);

/** BASE_DEPLOYMENT (one container requesting 100m and 64Mi) with pod spec lines added. */
function web(...spec: string[]): string {
  return BASE_DEPLOYMENT.replace('    spec:\n      containers:\n', `    spec:\n${spec.map((s) => `      ${s}\n`).join('')}      containers:\n`);
}

function files(deployment: string, ...classes: string[]): Record<string, string> {
  const base = baseFiles();
  const scenario = base['scenario.yaml']!.replace('      memory: 16Gi\n', '      memory: 16Gi\n      labels: {sandbox: gvisor}\n');
  return { ...base, 'scenario.yaml': scenario, 'manifests/web.yaml': deployment, 'manifests/classes.yaml': classes.join('---\n') };
}

const MI = 2 ** 20;

describe('RuntimeClass admission', () => {
  it('sets the overhead, merges the class’s nodeSelector and adds its tolerations', async () => {
    const template = (await loadFolder(files(web('runtimeClassName: gvisor', 'nodeSelector: {disk: ssd}'), GVISOR))).workloads[0]!.template;
    expect(template).toMatchObject({ runtimeClassName: 'gvisor', overheadCpuMillicores: 250, overheadMemoryBytes: 64 * MI, nodeSelector: { disk: 'ssd', sandbox: 'gvisor' } });
    expect(template.tolerations).toEqual([{ key: 'sandbox', operator: 'Equal', value: 'gvisor', effect: 'NoSchedule' }]);
    // The scheduler's and quota's requests carry it; the HPA's utilization does not (calculatePodRequests).
    expect(podRequests(template)).toMatchObject({ cpuMillicores: 350, memoryBytes: 128 * MI, nonZero: { cpuMillicores: 350, memoryBytes: 128 * MI } });
    expect(hpaRequestMilli(template, 'cpu')).toBe(100);
    expect(podQuotaUsage(template)).toMatchObject({ 'requests.cpu': 350, 'requests.memory': 128 * MI });
  });

  it('a template that writes the class’s own overhead is admitted as it is', async () => {
    const template = (await loadFolder(files(web('runtimeClassName: gvisor', 'overhead: {cpu: 250m, memory: 64Mi}'), GVISOR))).workloads[0]!.template;
    expect(podRequests(template).cpuMillicores).toBe(350);
  });

  it('a class without overhead or scheduling changes nothing', async () => {
    const runc = lines('apiVersion: node.k8s.io/v1', 'kind: RuntimeClass', 'metadata: {name: runc}', 'handler: runc');
    const template = (await loadFolder(files(web('runtimeClassName: runc'), runc))).workloads[0]!.template;
    expect(podRequests(template).cpuMillicores).toBe(100);
    expect(template.overheadCpuMillicores).toBeUndefined();
  });

  const refusals: [string, string, string, string][] = [
    ['a class that does not exist', web('runtimeClassName: gvisr'), 'spec.template.spec.runtimeClassName', 'pods of Deployment web would be forbidden: pod rejected: RuntimeClass "gvisr" not found'],
    ['an overhead other than the class’s', web('runtimeClassName: gvisor', 'overhead: {cpu: 100m}'), 'spec.template.spec.overhead', "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead"],
    ['an overhead with a resource the class does not list', web('runtimeClassName: gvisor', 'overhead: {cpu: 250m, memory: 64Mi, ephemeral-storage: 1Gi}'), 'spec.template.spec.overhead', "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead"],
    ['an overhead without a class', web('overhead: {cpu: 100m}'), 'spec.template.spec.overhead', 'pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead'],
    ['a nodeSelector that conflicts with the class’s', web('runtimeClassName: gvisor', 'nodeSelector: {sandbox: kata}'), 'spec.template.spec.nodeSelector.sandbox', 'conflict: runtimeClass.scheduling.nodeSelector[sandbox] = gvisor; pod.spec.nodeSelector[sandbox] = kata'],
  ];
  it.each(refusals)('refuses %s', async (_name, deployment, field, message) => {
    const problems = await folderProblems(files(deployment, GVISOR));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'manifests/web.yaml', field, message: expect.stringContaining(message) }));
  });

  it('a written overhead that is not a quantity is named as such', async () => {
    const problems = await folderProblems(files(web('runtimeClassName: gvisor', 'overhead: {cpu: lots}'), GVISOR));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'spec.template.spec.overhead', message: expect.stringContaining('"lots" is not a Kubernetes quantity') }));
  });

  it('suggests the class meant', async () => {
    const problems = await folderProblems(files(web('runtimeClassName: gvisr'), GVISOR));
    expect(problems.find((p) => p.field === 'spec.template.spec.runtimeClassName')?.hint).toBe('did you mean "gvisor"?');
  });

  it('validates the class: a handler that is a DNS label; other overhead resources warned', async () => {
    const bad = GVISOR.replace('handler: runsc', 'handler: Run_SC');
    expect(await folderProblems(files(web(), bad))).toContainEqual(expect.objectContaining({ file: 'manifests/classes.yaml', field: 'handler', message: expect.stringContaining('expected a DNS label') }));
    const gpu = GVISOR.replace('podFixed: {cpu: 250m, memory: 64Mi}', 'podFixed: {cpu: 250m, nvidia.com/gpu: "1"}');
    const scenario = await loadFolder(files(web(), gpu));
    expect(scenario.warnings.map((w) => w.message)).toContain('nvidia.com/gpu is not modelled (only cpu and memory); ignored');
  });
});
