/**
 * Bad inputs of spec.affinity.podAffinity and podAntiAffinity for the table of bad-inputs.test.ts:
 * each rejected as the API server's validatePodAffinityTerm / validateWeightedPodAffinityTerms
 * would, with file, line and field. BASE_DEPLOYMENT's pod spec gets `affinity:` on line 12, the rules
 * on 13, the list on 14, and the term's first line on 15.
 */
import { BASE_DEPLOYMENT } from './base-scenario.js';
import type { FolderFiles } from './scenario-folder.js';

const WEB_YAML = 'manifests/web.yaml';

/** BASE_DEPLOYMENT with one term under spec.affinity.<rules>.<list>. */
function withTerm(rules: 'podAffinity' | 'podAntiAffinity', list: string, ...term: string[]): FolderFiles {
  const body = ['    spec:', '      affinity:', `        ${rules}:`, `          ${list}:`, ...term.map((l, i) => `${i === 0 ? '            - ' : '              '}${l}`), '      containers:'];
  return { [WEB_YAML]: BASE_DEPLOYMENT.replace('    spec:\n      containers:', body.join('\n')) };
}

const REQUIRED = 'requiredDuringSchedulingIgnoredDuringExecution';
const PREFERRED = 'preferredDuringSchedulingIgnoredDuringExecution';
const ANTI = `spec.template.spec.affinity.podAntiAffinity.${REQUIRED}[0]`;
const PREF = `spec.template.spec.affinity.podAffinity.${PREFERRED}[0]`;
const web = 'labelSelector: {matchLabels: {app: web}}';

export const POD_AFFINITY_CASES = [
  {
    name: 'pod anti-affinity term without topologyKey',
    files: withTerm('podAntiAffinity', REQUIRED, web),
    expected: { file: WEB_YAML, field: `${ANTI}.topologyKey`, message: 'a node label key' },
  },
  {
    name: 'pod anti-affinity topologyKey not a qualified name',
    files: withTerm('podAntiAffinity', REQUIRED, 'topologyKey: "kubernetes.io/host name"', web),
    expected: { file: WEB_YAML, line: 15, field: `${ANTI}.topologyKey`, message: 'is not a valid label key' },
  },
  {
    name: 'pod affinity weight out of range',
    files: withTerm('podAffinity', PREFERRED, 'weight: 101', `podAffinityTerm: {topologyKey: zone, ${web}}`),
    expected: { file: WEB_YAML, line: 15, field: `${PREF}.weight`, message: 'an integer from 1 to 100' },
  },
  {
    name: 'pod affinity matchLabelKeys without a labelSelector',
    files: withTerm('podAntiAffinity', REQUIRED, 'topologyKey: kubernetes.io/hostname', 'matchLabelKeys: [pod-template-hash]'),
    expected: { file: WEB_YAML, line: 16, field: `${ANTI}.matchLabelKeys`, message: 'matchLabelKeys must not be specified when labelSelector is not set' },
  },
  {
    name: 'pod affinity matchLabelKeys naming a labelSelector key',
    files: withTerm('podAntiAffinity', REQUIRED, 'topologyKey: kubernetes.io/hostname', web, 'matchLabelKeys: [app]'),
    expected: { file: WEB_YAML, line: 17, field: `${ANTI}.matchLabelKeys[0]`, message: '"app" exists in both matchLabelKeys and labelSelector' },
  },
  {
    name: 'pod affinity key in both matchLabelKeys and mismatchLabelKeys',
    files: withTerm('podAntiAffinity', REQUIRED, 'topologyKey: kubernetes.io/hostname', web, 'matchLabelKeys: [tier]', 'mismatchLabelKeys: [tier]'),
    expected: { file: WEB_YAML, line: 17, field: `${ANTI}.matchLabelKeys[0]`, message: 'exists in both matchLabelKeys and mismatchLabelKeys' },
  },
  {
    name: 'pod affinity namespace not a DNS label',
    files: withTerm('podAntiAffinity', REQUIRED, 'topologyKey: kubernetes.io/hostname', web, 'namespaces: [Team_A]'),
    expected: { file: WEB_YAML, line: 17, field: `${ANTI}.namespaces[0]`, message: 'is not a valid namespace name' },
  },
  {
    name: 'pod affinity namespaceSelector In without values',
    files: withTerm('podAntiAffinity', REQUIRED, 'topologyKey: kubernetes.io/hostname', web, 'namespaceSelector: {matchExpressions: [{key: team, operator: In}]}'),
    expected: { file: WEB_YAML, line: 17, field: `${ANTI}.namespaceSelector.matchExpressions[0].values`, message: 'values must be non-empty when operator is In' },
  },
  {
    name: 'pod affinity field misspelt',
    files: withTerm('podAntiAffinity', REQUIRED, 'topologyKey: kubernetes.io/hostname', web, 'namespace: [default]'),
    expected: { file: WEB_YAML, line: 17, field: `${ANTI}.namespace`, message: 'unknown field "namespace": did you mean "namespaces"?' },
  },
  {
    name: 'pod anti-affinity rules list misspelt',
    files: withTerm('podAntiAffinity', 'requiredDuringSchedulingIgnoredDuringExecutions', 'topologyKey: kubernetes.io/hostname', web),
    expected: {
      file: WEB_YAML,
      line: 14,
      field: 'spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecutions',
      message: `did you mean "${REQUIRED}"?`,
    },
  },
];
