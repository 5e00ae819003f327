/**
 * The quota admission's arithmetic for one pod (quota-usage.ts), table by table: PodUsageFunc
 * (pods.go podComputeUsageHelper over the sidecar-aware sums), podMatchesScopeFunc for every
 * scope, Constraints' "must specify", and CheckRequest's "exceeded quota" with upstream's format
 * (resources sorted, `name=quantity` joined by commas). Cases adapted from pods_test.go
 * TestPodEvaluatorUsage, TestPodEvaluatorMatchingScopes and admission_test.go.
 */
import { describe, expect, it } from 'vitest';
import { admitByQuotas, missingQuotaResources, podQuotaUsage, quotaCountsPod } from '../../src/cluster/quota-usage.js';
import type { ContainerSpec, QuotaScopeRequirement, ResourceQuotaSpec } from '../../src/scenario/types.js';
import { makeTemplate } from '../helpers/builders.js';

const MI = 2 ** 20;
const c = (name: string, over: Partial<ContainerSpec> = {}): ContainerSpec => ({ name, sidecar: false, ...over });

function quota(hard: ResourceQuotaSpec['hard'], scopes: QuotaScopeRequirement[] = []): ResourceQuotaSpec {
  return { name: 'q', namespace: 'default', hard, scopes };
}

describe('podQuotaUsage (PodUsageFunc)', () => {
  const cases: [string, Parameters<typeof makeTemplate>[0], object][] = [
    ['requests count as cpu and requests.cpu, limits as limits.*', { containers: [c('a', { cpuRequestMillicores: 250, cpuLimitMillicores: 500, memoryRequestBytes: 64 * MI, memoryLimitBytes: 128 * MI })] }, { pods: 1, cpu: 250, 'requests.cpu': 250, 'limits.cpu': 500, memory: 64 * MI, 'requests.memory': 64 * MI, 'limits.memory': 128 * MI }],
    ['a value no container sets is absent', { containers: [c('a', { cpuRequestMillicores: 100 }), c('b')] }, { pods: 1, cpu: 100, 'requests.cpu': 100 }],
    ['the larger of the containers and the heaviest init container', { containers: [c('a', { cpuRequestMillicores: 100 })], initContainers: [c('init', { cpuRequestMillicores: 300 })] }, { pods: 1, cpu: 300, 'requests.cpu': 300 }],
    ['sidecars add to the containers', { containers: [c('a', { cpuLimitMillicores: 200 })], initContainers: [c('proxy', { sidecar: true, cpuLimitMillicores: 50 })] }, { pods: 1, 'limits.cpu': 250 }],
    ['pod-level resources win', { podCpuRequestMillicores: 700, podCpuLimitMillicores: 900, containers: [c('a', { cpuRequestMillicores: 100 })] }, { pods: 1, cpu: 700, 'requests.cpu': 700, 'limits.cpu': 900 }],
  ];
  it.each(cases)('%s', (_name, over, expected) => {
    expect(podQuotaUsage(makeTemplate(over))).toEqual(expected);
  });
});

describe('quotaCountsPod (podMatchesScopeFunc; every requirement must match)', () => {
  const exists = (scopeName: QuotaScopeRequirement['scopeName']): QuotaScopeRequirement => ({ scopeName, operator: 'Exists', values: [] });
  const priority = (operator: QuotaScopeRequirement['operator'], ...values: string[]): QuotaScopeRequirement => ({ scopeName: 'PriorityClass', operator, values });
  const bestEffort = makeTemplate({ containers: [c('a')] });
  const burstable = makeTemplate();
  const high = makeTemplate({ priorityClassName: 'high' });
  const deadline = makeTemplate({ activeDeadlineSeconds: 600 });
  const crossNamespace = makeTemplate({
    podAffinity: {
      affinity: { required: [], preferred: [] },
      antiAffinity: { required: [], preferred: [{ weight: 10, term: { labelSelector: undefined, namespaces: ['other'], namespaceSelector: undefined, topologyKey: 'zone', matchLabelKeys: [], mismatchLabelKeys: [] } }] },
    },
  });
  const cases: [string, QuotaScopeRequirement[], Parameters<typeof makeTemplate>[0] extends never ? never : ReturnType<typeof makeTemplate>, boolean][] = [
    ['no scopes: every pod', [], burstable, true],
    ['BestEffort: no requests or limits at all', [exists('BestEffort')], bestEffort, true],
    ['BestEffort: not a pod with a request', [exists('BestEffort')], burstable, false],
    ['BestEffort: zero requests and limits do not count (GetPodQOS)', [exists('BestEffort')], makeTemplate({ containers: [c('a', { cpuRequestMillicores: 0, memoryLimitBytes: 0 })] }), true],
    ['NotBestEffort', [exists('NotBestEffort')], burstable, true],
    ['Terminating: activeDeadlineSeconds set', [exists('Terminating')], deadline, true],
    ['NotTerminating', [exists('NotTerminating')], deadline, false],
    ['PriorityClass In', [priority('In', 'high', 'critical')], high, true],
    ['PriorityClass In: a pod without a class', [priority('In', 'high')], burstable, false],
    ['PriorityClass NotIn: a pod without a class matches', [priority('NotIn', 'high')], burstable, true],
    ['PriorityClass Exists', [priority('Exists')], high, true],
    ['PriorityClass DoesNotExist', [priority('DoesNotExist')], high, false],
    ['CrossNamespacePodAffinity: a preferred anti-affinity term naming a namespace', [exists('CrossNamespacePodAffinity')], crossNamespace, true],
    ['CrossNamespacePodAffinity: none', [exists('CrossNamespacePodAffinity')], burstable, false],
    ['all requirements must hold', [exists('NotBestEffort'), priority('In', 'high')], burstable, false],
  ];
  it.each(cases)('%s', (_name, scopes, template, expected) => {
    expect(quotaCountsPod(quota({ pods: 10 }, scopes), template)).toBe(expected);
  });

  it('a quota that lists no pod resource counts no pod', () => {
    expect(quotaCountsPod(quota({}), burstable)).toBe(false);
  });
});

describe('missingQuotaResources (Constraints)', () => {
  it('lists each tracked resource, sorted, with the containers that leave it out, sorted', () => {
    const template = makeTemplate({ containers: [c('web', { cpuLimitMillicores: 100 }), c('log')], initContainers: [c('migrate', { cpuRequestMillicores: 10, cpuLimitMillicores: 10 })] });
    expect(missingQuotaResources(quota({ 'requests.cpu': 4000, 'limits.cpu': 8000, pods: 5 }), template)).toEqual({
      containers: ['web', 'log'],
      message: 'must specify limits.cpu for: log; requests.cpu for: log,web',
    });
  });

  it('`cpu` and `memory` ask for requests; pods alone ask nothing', () => {
    expect(missingQuotaResources(quota({ memory: 10 * MI }), makeTemplate({ containers: [c('a', { memoryLimitBytes: MI })] }))?.message).toBe('must specify memory for: a');
    expect(missingQuotaResources(quota({ pods: 1 }), makeTemplate({ containers: [c('a')] }))).toBeUndefined();
  });
});

describe('admitByQuotas (CheckRequest)', () => {
  const usage = { pods: 1, cpu: 500, 'requests.cpu': 500, 'requests.memory': 256 * MI };

  it('admits within every quota', () => {
    expect(admitByQuotas([{ spec: quota({ 'requests.cpu': 2000 }), used: { 'requests.cpu': 1500 } }], usage)).toEqual({ admitted: true });
  });

  it('refuses with the exceeded resources only, sorted, in upstream’s format', () => {
    const spec = quota({ pods: 4, 'requests.cpu': 2000, 'requests.memory': MI * 1024 });
    const result = admitByQuotas([{ spec, used: { pods: 4, 'requests.cpu': 1600, 'requests.memory': 0 } }], usage);
    expect(result).toEqual({ admitted: false, quota: spec, exceeded: ['pods', 'requests.cpu'], message: 'exceeded quota: q, requested: pods=1,requests.cpu=500m, used: pods=4,requests.cpu=1600m, limited: pods=4,requests.cpu=2' });
  });

  it('prints memory as Quantity.String() does: a binary suffix when one divides it, else a decimal one, never a fraction', () => {
    const spec = quota({ 'requests.memory': 1500 * 1000 ** 2 });
    const result = admitByQuotas([{ spec, used: { 'requests.memory': 1000 ** 3 } }], { pods: 1, 'requests.memory': 512 * MI });
    expect(result.admitted === false && result.message).toBe('exceeded quota: q, requested: requests.memory=512Mi, used: requests.memory=1G, limited: requests.memory=1500M');
  });

  it('the first quota exceeded refuses, in order; a resource the pod does not use is not checked', () => {
    const a = { ...quota({ 'limits.cpu': 0 }), name: 'a' };
    const b = { ...quota({ cpu: 1000 }), name: 'b' };
    const result = admitByQuotas([{ spec: a, used: { 'limits.cpu': 0 } }, { spec: b, used: { cpu: 600 } }], usage);
    expect(result.admitted === false && result.message).toBe('exceeded quota: b, requested: cpu=500m, used: cpu=600m, limited: cpu=1');
  });
});
