/**
 * Bad cloud inputs: each case edits one file of the small priced scenario (helpers/cloud-scenario.ts)
 * and expects a UserInputError naming the file, the 1-based line, the field and what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { lineOf } from './helpers/keda-scenario.js';
import { CLOUD_SCENARIO, ELASTIC_WORKLOAD, cloudProblems, hpaOn } from './helpers/cloud-scenario.js';
import { lines, type FolderFiles } from './helpers/scenario-folder.js';

interface Expected {
  file: string;
  line: number;
  field: string;
  message: string;
  hint?: string;
}

const SCENARIO = 'scenario.yaml';
const EW_YAML = 'manifests/ew.yaml';
const scenarioWith = (from: string, to: string): FolderFiles => {
  if (!CLOUD_SCENARIO.includes(from)) throw new Error(`the base scenario has no ${from}`);
  return { [SCENARIO]: CLOUD_SCENARIO.replace(from, to) };
};
const at = (fragment: string) => lineOf(CLOUD_SCENARIO, fragment);
const HPA_ON_SOURCE = `${ELASTIC_WORKLOAD}---\n${hpaOn('web', 'Deployment', 'web', 'apps/v1')}`;
const HPA_ON_EW_WRONG_GROUP = `${ELASTIC_WORKLOAD}---\n${hpaOn('web', 'ElasticWorkload', 'web-ew', 'apps/v1')}`;
const TWO_HPAS_ON_EW = `${ELASTIC_WORKLOAD}---\n${hpaOn('a', 'ElasticWorkload', 'web-ew', 'autoscaling.alibabacloud.com/v1beta1')}---\n${hpaOn('b', 'ElasticWorkload', 'web-ew', 'autoscaling.alibabacloud.com/v1beta1')}`;
const SCALED_OBJECT_ON_SOURCE = `${ELASTIC_WORKLOAD}---\n${lines('apiVersion: keda.sh/v1alpha1', 'kind: ScaledObject', 'metadata: {name: web-so}', 'spec:', '  scaleTargetRef: {name: web}', '  triggers:', '    - {type: cpu, metricType: Utilization, metadata: {value: "50"}}')}`;
const pdb = (...spec: string[]) => lines('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec:', '  selector: {matchLabels: {app: web}}', ...spec);

const CASES: [string, FolderFiles, Expected][] = [
  ['minSize above maxSize', scenarioWith('      maxSize: 10', '      minSize: 5\n      maxSize: 3'), { file: SCENARIO, line: at('maxSize: 10'), field: 'spec.nodePools[1].minSize', message: 'minSize 5 is greater than maxSize 3' }],
  ['count above maxSize', scenarioWith('      count: 0', '      count: 12'), { file: SCENARIO, line: at('count: 0'), field: 'spec.nodePools[1].count', message: 'count 12 (nodes at t = 0) is above maxSize 10', hint: 'minSize ≤ count ≤ maxSize' }],
  ['count below minSize', scenarioWith('      count: 0', '      count: 0\n      minSize: 1'), { file: SCENARIO, line: at('count: 0'), field: 'spec.nodePools[1].count', message: 'count 0 (nodes at t = 0) is below minSize 1' }],
  ['a price without its currency', scenarioWith('{kind: onDemand}', '{kind: onDemand, pricePerHour: 0.1}'), { file: SCENARIO, line: at('{kind: onDemand}'), field: 'spec.nodePools[1].billing.pricePerHour', message: 'pricePerHour 0.1 has no currency', hint: 'add currency: USD' }],
  ['a monthly price without its currency', scenarioWith('{kind: reserved}', '{kind: reserved, monthlyPrice: 90}'), { file: SCENARIO, line: at('{kind: reserved}'), field: 'spec.nodePools[0].billing.monthlyPrice', message: 'monthlyPrice 90 has no currency' }],
  ['an unknown instance type', scenarioWith('m5.large', 'm5.larg'), { file: SCENARIO, line: at('m5.large'), field: 'spec.nodePools[1].instanceType', message: 'unknown instance type "m5.larg"', hint: 'did you mean "m5.large"?' }],
  ['spot fields on reserved billing', scenarioWith('{kind: reserved}', '{kind: reserved, interruptionRatePerHour: 0.1}'), { file: SCENARIO, line: at('{kind: reserved}'), field: 'spec.nodePools[0].billing.interruptionRatePerHour', message: 'interruptionRatePerHour applies to spot billing only; this pool is billed reserved' }],
  ['an unknown spot interruption handling', scenarioWith('{kind: onDemand}', '{kind: spot, pricePerHour: 0.03, currency: USD, interruptionHandling: drian}'), { file: SCENARIO, line: at('{kind: onDemand}'), field: 'spec.nodePools[1].billing.interruptionHandling', message: 'expected "none" or "drain", got "drian"', hint: 'did you mean "drain"?' }],
  ['an interruption handling on on-demand billing', scenarioWith('{kind: onDemand}', '{kind: onDemand, interruptionHandling: drain}'), { file: SCENARIO, line: at('{kind: onDemand}'), field: 'spec.nodePools[1].billing.interruptionHandling', message: 'interruptionHandling applies to spot billing only; this pool is billed onDemand' }],
  ['spot billing without a price', scenarioWith('{kind: onDemand}', '{kind: spot}'), { file: SCENARIO, line: at('{kind: onDemand}'), field: 'spec.nodePools[1].billing.kind', message: 'the bundled table has no spot price for m5.large', hint: 'give pricePerHour and currency' }],
  ['a currency other than the bundled price', scenarioWith('{kind: onDemand}', '{kind: onDemand, currency: CNY}'), { file: SCENARIO, line: at('{kind: onDemand}'), field: 'spec.nodePools[1].billing.currency', message: 'is in USD, not CNY' }],
  ['a pool without cpu and instance type', scenarioWith('      instanceType: m5.large\n', '      memory: 8Gi\n'), { file: SCENARIO, line: at('- name: burst'), field: 'spec.nodePools[1].cpu', message: 'required field is missing; expected the allocatable cpu of one node' }],
  ['a pool without count or minSize', scenarioWith('      count: 0\n', ''), { file: SCENARIO, line: at('- name: burst'), field: 'spec.nodePools[1].count', message: 'required field is missing; expected an integer ≥ 0 (nodes at t = 0)', hint: 'minSize' }],
  ['a boot time range upside down', scenarioWith('      count: 0', '      count: 0\n      bootTime: {min: 3m, max: 1m}'), { file: SCENARIO, line: at('count: 0') + 1, field: 'spec.nodePools[1].bootTime.max', message: 'bootTime max (60 s) is below min (180 s)' }],
  ['an unknown virtual provider', scenarioWith('{provider: eci}', '{provider: ecs}'), { file: SCENARIO, line: at('{provider: eci}'), field: 'spec.nodePools[2].virtual.provider', message: 'expected "eci" or "aci" or "fargate", got "ecs"', hint: 'did you mean "eci"?' }],
  ['a virtual pool of several nodes', scenarioWith('      virtual: {provider: eci}', '      count: 3\n      virtual: {provider: eci}'), { file: SCENARIO, line: at('{provider: eci}'), field: 'spec.nodePools[2].count', message: 'a virtual pool is one node: count must be 1 or unset, got 3' }],
  ['cpu on a virtual pool', scenarioWith('      virtual: {provider: eci}', '      cpu: "64"\n      virtual: {provider: eci}'), { file: SCENARIO, line: at('{provider: eci}'), field: 'spec.nodePools[2].cpu', message: 'cpu does not apply to a virtual pool', hint: 'virtual.maxCpu' }],
  ['a stock-out that ends before it starts', scenarioWith('{provider: eci}', '{provider: eci, stockOuts: [{from: 2h, to: 1h}]}'), { file: SCENARIO, line: at('{provider: eci}'), field: 'spec.nodePools[2].virtual.stockOuts[0].to', message: 'a stock-out must end after it starts: from 7200 s, to 3600 s' }],
  ['an explicit virtual pricing without sizes', scenarioWith('{provider: eci}', '{provider: aci, pricing: {currency: USD, pricePerVcpuSecond: 0.00001, pricePerGibSecond: 0.000001}}'), { file: SCENARIO, line: at('{provider: eci}'), field: 'spec.nodePools[2].virtual.pricing.sizes', message: 'required field is missing; expected a list of the {cpu, memory} sizes' }],
  ['ACI with the default pricing', scenarioWith('{provider: eci}', '{provider: aci}'), { file: SCENARIO, line: at('{provider: eci}'), field: 'spec.nodePools[2].virtual.pricing', message: 'aci has no bundled price table', hint: 'give pricing: {currency' }],
  ['an unknown pricing variant', scenarioWith('{provider: eci}', '{provider: eci, pricing: econmy}'), { file: SCENARIO, line: at('{provider: eci}'), field: 'spec.nodePools[2].virtual.pricing', message: 'no bundled eci pricing "econmy"', hint: 'did you mean "economy"?' }],
  ['a negative exchange rate', scenarioWith('rate: 0.14', 'rate: -1'), { file: SCENARIO, line: at('rate: 0.14'), field: 'spec.currency.rates[0].rate', message: '-1 must be > 0' }],
  ['a rate between one currency', scenarioWith('to: USD, rate', 'to: CNY, rate'), { file: SCENARIO, line: at('rate: 0.14'), field: 'spec.currency.rates[0].to', message: 'from and to are both CNY' }],
  ['a currency code in lower case', scenarioWith('report: USD', 'report: usd'), { file: SCENARIO, line: at('report: USD'), field: 'spec.currency.report', message: 'ISO 4217 currency code' }],
  ['a misspelt expander', scenarioWith('  currency:', '  clusterAutoscaler: {expander: "priority,least-wast"}\n  currency:'), { file: SCENARIO, line: at('  currency:'), field: 'spec.clusterAutoscaler.expander', message: 'unknown expander "least-wast"', hint: 'did you mean "least-waste"?' }],
  ['an expander listed twice', scenarioWith('  currency:', '  clusterAutoscaler:\n    expander: [priority, priority]\n  currency:'), { file: SCENARIO, line: at('  currency:') + 1, field: 'spec.clusterAutoscaler.expander[1]', message: 'Expander priority was specified multiple times' }],
  ['a cores total with min above max', scenarioWith('  currency:', '  clusterAutoscaler: {coresTotal: "10:5"}\n  currency:'), { file: SCENARIO, line: at('  currency:'), field: 'spec.clusterAutoscaler.coresTotal', message: 'expected min ≤ max (cores), got min 10 above max 5: the cluster-autoscaler refuses to start ("max size must be greater or equal to min size")' }],
  ['a memory total with min above max', scenarioWith('  currency:', '  clusterAutoscaler: {memoryTotal: {min: 64, max: 32}}\n  currency:'), { file: SCENARIO, line: at('  currency:'), field: 'spec.clusterAutoscaler.memoryTotal', message: 'expected min ≤ max (GiB), got min 64 above max 32: the cluster-autoscaler refuses to start ("max size must be greater or equal to min size")' }],
  ['a utilization threshold above 1', scenarioWith('  currency:', '  clusterAutoscaler: {scaleDownUtilizationThreshold: 50}\n  currency:'), { file: SCENARIO, line: at('  currency:'), field: 'spec.clusterAutoscaler.scaleDownUtilizationThreshold', message: '50 must be ≤ 1' }],
  ['an HPA on the source Deployment of an ElasticWorkload', { [EW_YAML]: HPA_ON_SOURCE }, { file: EW_YAML, line: lineOf(HPA_ON_SOURCE, 'scaleTargetRef'), field: 'spec.scaleTargetRef.name', message: 'Deployment web is the source of ElasticWorkload web-ew', hint: 'kind: ElasticWorkload, name: web-ew' }],
  ['a ScaledObject on the source Deployment of an ElasticWorkload', { [EW_YAML]: SCALED_OBJECT_ON_SOURCE }, { file: EW_YAML, line: lineOf(SCALED_OBJECT_ON_SOURCE, 'scaleTargetRef'), field: 'spec.scaleTargetRef.name', message: 'a ScaledObject on it would be a second writer of its replicas' }],
  ['an HPA on an ElasticWorkload with the wrong apiVersion', { [EW_YAML]: HPA_ON_EW_WRONG_GROUP }, { file: EW_YAML, line: lineOf(HPA_ON_EW_WRONG_GROUP, 'scaleTargetRef'), field: 'spec.scaleTargetRef.apiVersion', message: 'kind ElasticWorkload is in API group autoscaling.alibabacloud.com, not apps/v1' }],
  ['an HPA on a missing ElasticWorkload', { [EW_YAML]: hpaOn('web', 'ElasticWorkload', 'web-e', 'autoscaling.alibabacloud.com/v1beta1') }, { file: EW_YAML, line: 6, field: 'spec.scaleTargetRef', message: 'no ElasticWorkload "web-e"' }],
  ['two HPAs on one ElasticWorkload', { [EW_YAML]: TWO_HPAS_ON_EW }, { file: EW_YAML, line: lineOf(TWO_HPAS_ON_EW, 'name: b') + 2, field: 'spec.scaleTargetRef.name', message: 'ElasticWorkload web-ew is already the target of HorizontalPodAutoscaler a' }],
  ['an ElasticWorkload whose source is missing', { [EW_YAML]: ELASTIC_WORKLOAD.replace('    name: web\n', '    name: webb\n') }, { file: EW_YAML, line: 7, field: 'spec.sourceTarget.name', message: 'sourceTarget: no Deployment "webb" in namespace "default"', hint: 'did you mean "web"?' }],
  ['an ElasticWorkload with max below min', { [EW_YAML]: ELASTIC_WORKLOAD.replace('    max: 4', '    max: 1') }, { file: EW_YAML, line: 11, field: 'spec.sourceTarget.max', message: 'sourceTarget max 1 is below min 2' }],
  ['an ElasticWorkload on a DaemonSet', { [EW_YAML]: ELASTIC_WORKLOAD.replace('    kind: Deployment', '    kind: DaemonSet') }, { file: EW_YAML, line: 8, field: 'spec.sourceTarget.kind', message: 'sourceTarget kind DaemonSet is not a workload the simulator runs' }],
  ['an elastic unit toleration with Exists and a value', { [EW_YAML]: ELASTIC_WORKLOAD.replace('operator: Exists}', 'operator: Exists, value: x}') }, { file: EW_YAML, line: 18, field: 'spec.elasticUnit[0].tolerations[0].value', message: "value must be empty when `operator` is 'Exists'" }],
  ['a PDB with both minAvailable and maxUnavailable', { 'manifests/pdb.yaml': pdb('  minAvailable: 1', '  maxUnavailable: 1') }, { file: 'manifests/pdb.yaml', line: 7, field: 'spec.maxUnavailable', message: 'minAvailable and maxUnavailable cannot be both set' }],
  ['a PDB percent without %', { 'manifests/pdb.yaml': pdb('  maxUnavailable: "25"') }, { file: 'manifests/pdb.yaml', line: 6, field: 'spec.maxUnavailable', message: '"25" is not a valid percent', hint: '[0-9]+%' }],
  ['a PDB percent above 100%', { 'manifests/pdb.yaml': pdb('  minAvailable: 150%') }, { file: 'manifests/pdb.yaml', line: 6, field: 'spec.minAvailable', message: '"150%": must not be greater than 100%' }],
  ['a PDB with a negative count', { 'manifests/pdb.yaml': pdb('  minAvailable: -1') }, { file: 'manifests/pdb.yaml', line: 6, field: 'spec.minAvailable', message: '-1: must be greater than or equal to 0' }],
  ['a policy/v1beta1 PDB', { 'manifests/pdb.yaml': pdb('  minAvailable: 1').replace('policy/v1', 'policy/v1beta1') }, { file: 'manifests/pdb.yaml', line: 1, field: 'apiVersion', message: 'apiVersion policy/v1beta1 is not supported for PodDisruptionBudget', hint: 'policy/v1' }],
];

describe('bad cloud inputs', () => {
  it.each(CASES)('%s', async (_name, files, expected) => {
    const problems = await cloudProblems(files);
    const { hint, message, ...where } = expected;
    expect(problems).toContainEqual(
      expect.objectContaining({ ...where, message: expect.stringContaining(message), ...(hint ? { hint: expect.stringContaining(hint) } : {}) }),
    );
  });

  it('reports problems of the scenario and the manifests in one pass', async () => {
    const problems = await cloudProblems({
      [SCENARIO]: CLOUD_SCENARIO.replace('      maxSize: 10', '      minSize: 5\n      maxSize: 3').replace('{kind: reserved}', '{kind: reserved, pricePerHour: 0.1}').replace('rate: 0.14', 'rate: 0'),
      [EW_YAML]: HPA_ON_SOURCE,
      'manifests/pdb.yaml': pdb('  minAvailable: 1', '  maxUnavailable: 1'),
    });
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual(
      expect.arrayContaining([
        'scenario.yaml spec.nodePools[1].minSize',
        'scenario.yaml spec.nodePools[0].billing.pricePerHour',
        'scenario.yaml spec.currency.rates[0].rate',
        'manifests/ew.yaml spec.scaleTargetRef.name',
        'manifests/pdb.yaml spec.maxUnavailable',
      ]),
    );
  });
});
