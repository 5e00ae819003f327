/**
 * v1 ResourceQuota at load time: the quota read (pod resources kept, others warned), validated as
 * ValidateResourceQuota does (quantities, scopes against resources, conflicting scopes, scope
 * selector operators), and the quota admission's refusals that would hold for every pod of a
 * template (Constraints' "must specify", a pod alone above the hard limit), which refuse the
 * scenario. Cases adapted from validation_test.go TestValidateResourceQuota and
 * resource_quota_controller / admission_test.go (TestAdmitBelowBestEffortQuotaLimit,
 * TestAdmitRequireQuotaLimit…).
 */
import { describe, expect, it } from 'vitest';
import { BASE_DEPLOYMENT, baseFiles } from './helpers/base-scenario.js';
import { folderProblems, lines, loadFolder } from './helpers/scenario-folder.js';

function quota(name: string, ...spec: string[]): string {
  return lines('apiVersion: v1', 'kind: ResourceQuota', 'metadata:', `  name: ${name}`, 'spec:', ...spec.map((s) => `  ${s}`));
}

/** BASE_DEPLOYMENT with its container's resources replaced by `resources` lines (or none). */
function deployment(...resources: string[]): string {
  const text = BASE_DEPLOYMENT.replace('          resources:\n            requests: {cpu: 100m, memory: 64Mi}\n', '');
  return resources.length === 0 ? text : `${text}          resources:\n${resources.map((r) => `            ${r}`).join('\n')}\n`;
}

describe('ResourceQuota is read', () => {
  it('pod resources in their units, scopes and selector as one list; other resources warned', async () => {
    const scenario = await loadFolder({
      ...baseFiles(),
      'manifests/quota.yaml': [
        quota('compute', 'hard: {pods: "10", requests.cpu: "2", limits.memory: 4Gi}', 'scopes: [NotTerminating]', 'scopeSelector: {matchExpressions: [{scopeName: PriorityClass, operator: In, values: [high]}]}'),
        quota('objects', 'hard: {services: "3", count/deployments.apps: "5"}'),
      ].join('---\n'),
    });
    expect(scenario.resourceQuotas).toEqual([
      {
        name: 'compute',
        namespace: 'default',
        hard: { pods: 10, 'requests.cpu': 2000, 'limits.memory': 4 * 2 ** 30 },
        scopes: [
          { scopeName: 'NotTerminating', operator: 'Exists', values: [] },
          { scopeName: 'PriorityClass', operator: 'In', values: ['high'] },
        ],
      },
      // Nothing of it is modelled: it counts no pod.
      { name: 'objects', namespace: 'default', hard: {}, scopes: [] },
    ]);
    expect(scenario.warnings.map((w) => w.field)).toEqual(expect.arrayContaining(['spec.hard.services', 'spec.hard["count/deployments.apps"]']));
  });

  it('quotas are ordered by namespace, then name', async () => {
    const scenario = await loadFolder({
      ...baseFiles(),
      'manifests/quota.yaml': [quota('b', 'hard: {pods: "5"}'), quota('a', 'hard: {pods: "5"}'), lines('apiVersion: v1', 'kind: ResourceQuota', 'metadata: {name: a, namespace: batch}', 'spec: {hard: {pods: "1"}}')].join('---\n'),
    });
    expect(scenario.resourceQuotas.map((q) => `${q.namespace}/${q.name}`)).toEqual(['batch/a', 'default/a', 'default/b']);
  });
});

describe('ResourceQuota validation', () => {
  const cases: [string, string[], string, string][] = [
    ['a negative quantity', ['hard: {requests.cpu: "-1"}'], 'spec.hard["requests.cpu"]', 'must be greater than or equal to 0'],
    ['pods not whole', ['hard: {pods: "1.5"}'], 'spec.hard.pods', 'must be an integer'],
    ['an unknown scope', ['hard: {pods: "1"}', 'scopes: [Sometimes]'], 'spec.scopes[0]', 'unsupported scope "Sometimes"'],
    ['BestEffort counts only pods', ['hard: {pods: "4", requests.cpu: "1"}', 'scopes: [BestEffort]'], 'spec.scopes[0]', 'unsupported scope applied to resource: BestEffort cannot count requests.cpu'],
    ['a scope on a resource it cannot count', ['hard: {requests.storage: 10Gi}', 'scopes: [NotBestEffort]'], 'spec.scopes[0]', 'NotBestEffort cannot count requests.storage'],
    ['conflicting scopes', ['hard: {pods: "1"}', 'scopes: [Terminating, NotTerminating]'], 'spec.scopes', 'conflicting scopes: Terminating and NotTerminating'],
    ['conflicting scopes in the selector', ['hard: {pods: "1"}', 'scopeSelector: {matchExpressions: [{scopeName: BestEffort, operator: Exists}, {scopeName: NotBestEffort, operator: Exists}]}'], 'spec.scopeSelector.matchExpressions', 'conflicting scopes: BestEffort and NotBestEffort'],
    ['a scope on hugepages (a standard name by prefix)', ['hard: {hugepages-2Mi: 1Gi}', 'scopes: [NotTerminating]'], 'spec.scopes[0]', 'NotTerminating cannot count hugepages-2Mi'],
    ['a misspelt resource name (a quota that would limit nothing)', ['hard: {request.cpu: "2"}'], 'spec.hard["request.cpu"]', 'request.cpu: must be a standard resource for quota'],
    ['an object count that is not whole', ['hard: {count/deployments.apps: "1.5"}'], 'spec.hard["count/deployments.apps"]', 'must be an integer'],
    ['In needs values', ['hard: {pods: "1"}', 'scopeSelector: {matchExpressions: [{scopeName: PriorityClass, operator: In}]}'], 'spec.scopeSelector.matchExpressions[0].values', "must be at least one value when operator is 'In'"],
    ['Exists takes none', ['hard: {pods: "1"}', 'scopeSelector: {matchExpressions: [{scopeName: PriorityClass, operator: Exists, values: [x]}]}'], 'spec.scopeSelector.matchExpressions[0].values', "must be no value when operator is 'Exists'"],
    ['only PriorityClass takes In', ['hard: {pods: "1"}', 'scopeSelector: {matchExpressions: [{scopeName: BestEffort, operator: In, values: [x]}]}'], 'spec.scopeSelector.matchExpressions[0].operator', "must be 'Exists' when scope is BestEffort"],
  ];
  it.each(cases)('%s', async (_name, spec, field, message) => {
    const problems = await folderProblems({ ...baseFiles(), 'manifests/quota.yaml': quota('q', ...spec) });
    expect(problems).toContainEqual(expect.objectContaining({ file: 'manifests/quota.yaml', field, message: expect.stringContaining(message) }));
  });
});

describe('quota admission refusals that hold for every pod refuse the scenario', () => {
  const refusals: [string, string, string, string, string, string][] = [
    [
      'a quota on cpu needs every container to request it (Constraints), with upstream’s message',
      deployment('limits: {memory: 128Mi}').replace('      containers:\n', '      initContainers:\n        - name: migrate\n          resources: {requests: {cpu: 50m}}\n      containers:\n'),
      quota('compute', 'hard: {requests.cpu: "4", limits.cpu: "8"}'),
      'manifests/web.yaml',
      'spec.template.spec.containers[0].resources',
      'pods of Deployment web would be forbidden: failed quota: compute: must specify limits.cpu for: migrate,web; requests.cpu for: web',
    ],
    [
      'a pod that alone needs more than the quota allows is refused at the quota’s field',
      deployment('requests: {cpu: "3"}'),
      quota('compute', 'hard: {requests.cpu: "2"}'),
      'manifests/quota.yaml',
      'spec.hard["requests.cpu"]',
      'no pod of Deployment web can be created: exceeded quota: compute, requested: requests.cpu=3, used: requests.cpu=0, limited: requests.cpu=2',
    ],
  ];
  it.each(refusals)('%s', async (_name, web, q, file, field, message) => {
    const problems = await folderProblems({ ...baseFiles(), 'manifests/web.yaml': web, 'manifests/quota.yaml': q });
    expect(problems).toContainEqual(expect.objectContaining({ file, field, message }));
  });

  it('a LimitRange default request satisfies it (LimitRanger runs first)', async () => {
    const limits = lines('apiVersion: v1', 'kind: LimitRange', 'metadata: {name: defaults}', 'spec:', '  limits: [{type: Container, defaultRequest: {cpu: 100m}}]');
    const scenario = await loadFolder({ ...baseFiles(), 'manifests/web.yaml': deployment(), 'manifests/limits.yaml': limits, 'manifests/quota.yaml': quota('compute', 'hard: {requests.cpu: "4"}') });
    expect(scenario.workloads[0]!.template.containers[0]!.cpuRequestMillicores).toBe(100);
  });

  it('a quota whose scopes do not pick the pod asks nothing of it', async () => {
    const scenario = await loadFolder({ ...baseFiles(), 'manifests/web.yaml': deployment(), 'manifests/quota.yaml': quota('high', 'hard: {requests.cpu: "4"}', 'scopeSelector: {matchExpressions: [{scopeName: PriorityClass, operator: In, values: [high]}]}') });
    expect(scenario.resourceQuotas).toHaveLength(1);
  });

  it('a pod with pod-level resources is exempt from Constraints', async () => {
    const web = deployment().replace('      containers:\n', '      resources: {requests: {cpu: 200m}}\n      containers:\n');
    const scenario = await loadFolder({ ...baseFiles(), 'manifests/web.yaml': web, 'manifests/quota.yaml': quota('compute', 'hard: {requests.cpu: "4", limits.cpu: "8"}') });
    expect(scenario.workloads[0]!.template.podCpuRequestMillicores).toBe(200);
  });

  it('the globalDefault PriorityClass’s name is what a PriorityClass scope sees (the Priority plugin runs first)', async () => {
    const classes = lines('apiVersion: scheduling.k8s.io/v1', 'kind: PriorityClass', 'metadata: {name: standard}', 'value: 100', 'globalDefault: true');
    const problems = await folderProblems({
      ...baseFiles(),
      'manifests/web.yaml': deployment('requests: {cpu: 100m}'),
      'manifests/classes.yaml': classes,
      'manifests/quota.yaml': quota('standard-pods', 'hard: {pods: "0"}', 'scopeSelector: {matchExpressions: [{scopeName: PriorityClass, operator: In, values: [standard]}]}'),
    });
    expect(problems.map((p) => p.message)).toContain('no pod of Deployment web can be created: exceeded quota: standard-pods, requested: pods=1, used: pods=0, limited: pods=0');
  });
});
