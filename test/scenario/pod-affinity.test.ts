/**
 * spec.affinity.podAffinity and podAntiAffinity as the loader resolves them (pod-affinity.ts): the
 * terms on the template with the API server's defaults, no "not modelled" warning for them (only
 * nodeAffinity keeps one), and the warnings for a term that selects no pod, a selector on a
 * controller-added label and a namespaceSelector on a label no namespace carries; a namespaceSelector
 * resolved against the Namespace manifests' labels.
 */
import { describe, expect, it } from 'vitest';
import { BASE_DEPLOYMENT, BASE_SCENARIO, BASE_TRACE } from './helpers/base-scenario.js';
import { loadFolder } from './helpers/scenario-folder.js';

async function load(...affinity: string[]) {
  const deployment = BASE_DEPLOYMENT.replace('    spec:\n      containers:', ['    spec:', '      affinity:', ...affinity.map((l) => `        ${l}`), '      containers:'].join('\n'));
  return loadFolder({ 'scenario.yaml': BASE_SCENARIO, 'manifests/web.yaml': deployment, 'traces/web.csv': BASE_TRACE });
}

describe('pod affinity in the manifests', () => {
  it('resolves required and preferred terms, namespaces left to the pod (undefined) when neither namespaces nor namespaceSelector is given', async () => {
    const scenario = await load(
      'podAntiAffinity:',
      '  requiredDuringSchedulingIgnoredDuringExecution:',
      '    - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [pod-template-hash]}',
      'podAffinity:',
      '  preferredDuringSchedulingIgnoredDuringExecution:',
      '    - weight: 30',
      '      podAffinityTerm: {topologyKey: topology.kubernetes.io/zone, labelSelector: {matchLabels: {app: db}}, namespaces: [data]}',
    );
    const template = scenario.workloads[0]!.template;
    expect(template.podAffinity).toEqual({
      antiAffinity: {
        required: [
          {
            topologyKey: 'kubernetes.io/hostname',
            labelSelector: { matchLabels: { app: 'web' }, matchExpressions: [] },
            namespaces: undefined,
            namespaceSelector: undefined,
            matchLabelKeys: ['pod-template-hash'],
            mismatchLabelKeys: [],
          },
        ],
        preferred: [],
      },
      affinity: {
        required: [],
        preferred: [
          {
            weight: 30,
            term: {
              topologyKey: 'topology.kubernetes.io/zone',
              labelSelector: { matchLabels: { app: 'db' }, matchExpressions: [] },
              namespaces: ['data'],
              namespaceSelector: undefined,
              matchLabelKeys: [],
              mismatchLabelKeys: [],
            },
          },
        ],
      },
    });
    expect(scenario.warnings.filter((w) => w.field?.includes('affinity'))).toEqual([]);
  });

  it('keeps no podAffinity for an affinity without terms; the nodeAffinity beside it is read, not warned about', async () => {
    const scenario = await load('podAntiAffinity: {}', 'nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: a, operator: Exists}]}]}}');
    expect(scenario.workloads[0]!.template.podAffinity).toBeUndefined();
    expect(scenario.workloads[0]!.template.nodeAffinity?.required?.map((t) => t.matchExpressions.map((e) => e.key))).toEqual([['a']]);
    expect(scenario.warnings.map((w) => w.field)).not.toContain('spec.template.spec.affinity.nodeAffinity');
    expect(scenario.warnings.map((w) => w.field)).not.toContain('spec.template.spec.affinity');
  });

  it('warns of a term without labelSelector, a controller label in the selector and a namespaceSelector on other namespace labels', async () => {
    const scenario = await load(
      'podAntiAffinity:',
      '  requiredDuringSchedulingIgnoredDuringExecution:',
      '    - {topologyKey: kubernetes.io/hostname}',
      '    - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {pod-template-hash: abc}}}',
      '    - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: web}}, namespaceSelector: {matchLabels: {team: a}}}',
    );
    const at = `spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution`;
    const warnings = scenario.warnings.filter((w) => w.field?.startsWith('spec.template.spec.affinity'));
    expect(warnings.map((w) => [w.field, w.line])).toEqual([
      [`${at}[0]`, 15],
      [`${at}[1].labelSelector`, 16],
      ['spec.template.spec.affinity', 13],
    ]);
    expect(warnings[0]!.message).toContain('selects no pod');
    expect(warnings[1]!.message).toContain('"pod-template-hash" is added to pods by their controller');
    expect(warnings[2]!.message).toContain('namespace label "team" (a pod affinity term\'s namespaceSelector) is on no namespace: no Namespace manifest carries it');
    expect(scenario.workloads[0]!.template.podAffinity!.antiAffinity.required[2]!.selectedNamespaces).toEqual([]);
  });

  it('resolves a namespaceSelector against the Namespace manifests\' labels (and the name label every namespace has)', async () => {
    const namespaces = [
      'apiVersion: v1',
      'kind: Namespace',
      'metadata: {name: default, labels: {team: payments}}',
      '---',
      'apiVersion: v1',
      'kind: Namespace',
      'metadata: {name: other, labels: {team: search}}',
    ].join('\n');
    const deployment = BASE_DEPLOYMENT.replace(
      '    spec:\n      containers:',
      [
        '    spec:',
        '      affinity:',
        '        podAntiAffinity:',
        '          requiredDuringSchedulingIgnoredDuringExecution:',
        '            - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: web}}, namespaceSelector: {matchLabels: {team: payments}}}',
        '            - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: web}}, namespaceSelector: {matchLabels: {team: search}}}',
        '            - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: web}}, namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: default}}}',
        '      containers:',
      ].join('\n'),
    );
    const scenario = await loadFolder({ 'scenario.yaml': BASE_SCENARIO, 'manifests/web.yaml': deployment, 'manifests/namespaces.yaml': `${namespaces}\n`, 'traces/web.csv': BASE_TRACE });
    // The pods live in default only: "search" selects no namespace a pod is in.
    expect(scenario.workloads[0]!.template.podAffinity!.antiAffinity.required.map((t) => t.selectedNamespaces)).toEqual([['default'], [], ['default']]);
    expect(scenario.warnings.map((w) => w.message).join('\n')).not.toMatch(/Namespace is not modelled|namespace label/);
  });
});
