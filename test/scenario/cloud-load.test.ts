/**
 * Valid cloud inputs: node pools from the bundled instance types and explicit prices (reserved,
 * on-demand, spot), virtual ECI and Fargate pools, cluster-autoscaler settings, currencies,
 * ElasticWorkloads with an HPA, PodDisruptionBudgets, and the "fits no node pool" warning.
 */
import { describe, expect, it } from 'vitest';
import { CA_DEFAULTS } from '../../src/autoscalers/cluster-autoscaler/config.js';
import { findVirtualPricing } from '../../src/cloud/prices/registry.js';
import { VIRTUAL_NODE_CAPACITY } from '../../src/scenario/schema/scenario-defaults.js';
import { BASE_DEPLOYMENT } from './helpers/base-scenario.js';
import { CLOUD_SCENARIO, ELASTIC_WORKLOAD, hpaOn, loadCloud } from './helpers/cloud-scenario.js';
import { lines } from './helpers/scenario-folder.js';

const GIB = 1024 ** 3;
const withPools = (...pools: string[]) => ({ 'scenario.yaml': CLOUD_SCENARIO.replace(/ {2}nodePools:\n[\s\S]*?(?= {2}currency:)/, `  nodePools:\n${pools.join('')}`) });

describe('node pools from the bundled instance types', () => {
  it('fills cpu, memory, maxPods and the bundled prices', async () => {
    const scenario = await loadCloud();
    const [base, burst] = scenario.nodePools;
    expect(base).toMatchObject({ name: 'reserved-base', instanceType: 'm5.xlarge', count: 2, minSize: 2, maxSize: 2, cpuMillicores: 4000, memoryBytes: 16 * GIB, maxPods: 58 });
    expect(base?.billing).toMatchObject({ kind: 'reserved', currency: 'USD', pricePerHour: 0.125, granularitySeconds: 1, minimumSeconds: 0 });
    expect(base?.billing?.source).toContain('cloudcalcep.com');
    expect(burst).toMatchObject({ count: 0, minSize: 0, maxSize: 10, expanderPriority: 10, maxPods: 29, bootSeconds: { min: 90, max: 150 } });
    expect(burst?.billing).toMatchObject({ kind: 'onDemand', currency: 'USD', pricePerHour: 0.096, minimumSeconds: 60 });
    expect(burst?.billing?.source).toContain('karpenter-provider-aws');
  });

  it('lets explicit cpu, memory and maxPods override the table', async () => {
    const scenario = await loadCloud(withPools('    - {name: p, instanceType: m5.xlarge, count: 1, cpu: 3920m, memory: 15Gi, maxPods: 110}\n'));
    expect(scenario.nodePools[0]).toMatchObject({ cpuMillicores: 3920, memoryBytes: 15 * GIB, maxPods: 110 });
    expect(scenario.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('m5.xlarge has bundled prices (onDemand, reserved) but the pool sets no billing'));
  });
});

describe('explicit billing', () => {
  it.each([
    ['on-demand per started hour', '{kind: onDemand, pricePerHour: 0.2, currency: EUR, granularity: 1h}', { kind: 'onDemand', currency: 'EUR', pricePerHour: 0.2, granularitySeconds: 3600, minimumSeconds: 60, source: 'scenario' }],
    ['reserved by the month', '{kind: reserved, monthlyPrice: 146, currency: USD}', { kind: 'reserved', pricePerHour: 0.2, minimumSeconds: 0 }],
    ['spot with interruptions', '{kind: spot, pricePerHour: 0.03, currency: USD, interruptionRatePerHour: 0.05}', { kind: 'spot', interruptionRatePerHour: 0.05, interruptionNoticeSeconds: 120, minimumSeconds: 60 }],
    ['spot with a longer notice', '{kind: spot, pricePerHour: 0.03, currency: CNY, interruptionNotice: 3m, minimum: 0s}', { kind: 'spot', interruptionNoticeSeconds: 180, minimumSeconds: 0 }],
    ['spot with no interruption handler by default', '{kind: spot, pricePerHour: 0.03, currency: USD}', { kind: 'spot', interruptionHandling: 'none' }],
    ['spot with a drain handler', '{kind: spot, pricePerHour: 0.03, currency: USD, interruptionHandling: drain}', { kind: 'spot', interruptionHandling: 'drain' }],
  ])('%s', async (_name, billing, expected) => {
    const scenario = await loadCloud(withPools(`    - {name: p, cpu: "2", memory: 8Gi, count: 1, billing: ${billing}}\n`));
    expect(scenario.nodePools[0]?.billing).toMatchObject(expected);
  });

  it('leaves a pool without billing unpriced', async () => {
    const scenario = await loadCloud(withPools('    - {name: p, cpu: "2", memory: 8Gi, count: 1}\n'));
    expect(scenario.nodePools[0]?.billing).toBeUndefined();
    expect(scenario.warnings).toEqual([]);
  });

  it('accepts a single boot time and defaults count to minSize', async () => {
    const scenario = await loadCloud(withPools('    - {name: p, cpu: "2", memory: 8Gi, minSize: 1, maxSize: 3, bootTime: 45s}\n'));
    expect(scenario.nodePools[0]).toMatchObject({ count: 1, minSize: 1, maxSize: 3, bootSeconds: { min: 45, max: 45 } });
  });
});

describe('virtual pools', () => {
  it('an ECI pool with every default', async () => {
    const scenario = await loadCloud();
    const eci = scenario.nodePools.find((p) => p.name === 'eci');
    expect(eci).toMatchObject({
      count: 1,
      minSize: 1,
      maxSize: 1,
      cpuMillicores: VIRTUAL_NODE_CAPACITY.cpuMillicores,
      memoryBytes: VIRTUAL_NODE_CAPACITY.memoryBytes,
      maxPods: VIRTUAL_NODE_CAPACITY.maxPods,
      labels: { type: 'virtual-kubelet' },
      taints: [{ key: 'virtual-kubelet.io/provider', value: 'alibabacloud', effect: 'NoSchedule' }],
    });
    expect(eci?.virtual).toEqual({
      provider: 'eci',
      pricing: findVirtualPricing('eci')?.pricing,
      startup: { sandboxSeconds: 8, imagePullSeconds: 50, cachedImagePullSeconds: 3, imageCache: false, containerStartSeconds: 2 },
      stockOuts: [],
    });
    expect(eci?.virtual?.pricing).toMatchObject({ currency: 'CNY', pricePerVcpuSecond: 0.000049, pricePerGibSecond: 0.00000613 });
  });

  it('a Fargate pool with quotas, stock-outs and start-up overrides', async () => {
    const scenario = await loadCloud(
      withPools(
        '    - name: base\n      cpu: "4"\n      memory: 16Gi\n      count: 1\n',
        '    - name: fargate\n      virtual:\n        provider: fargate\n        imageCache: true\n        startup: {sandbox: 20s, imagePull: 30s}\n',
        '        maxPods: 50\n        maxCpu: "100"\n        stockOuts: [{from: 2h, to: 2h30m}]\n',
      ),
    );
    const fargate = scenario.nodePools.find((p) => p.name === 'fargate');
    expect(fargate?.maxPods).toBe(50);
    expect(fargate?.virtual).toMatchObject({
      provider: 'fargate',
      maxPods: 50,
      maxCpuMillicores: 100_000,
      stockOuts: [{ fromSeconds: 7200, toSeconds: 9000 }],
      startup: { sandboxSeconds: 20, imagePullSeconds: 30, cachedImagePullSeconds: 3, imageCache: true, containerStartSeconds: 2 },
    });
    expect(fargate?.virtual?.pricing).toMatchObject({ currency: 'USD', minimumSeconds: 60, memoryOverheadBytes: 256 * 1024 ** 2 });
  });

  it('explicit pricing, sizes sorted', async () => {
    const scenario = await loadCloud(
      withPools(
        '    - name: aci\n      virtual:\n        provider: aci\n',
        '        pricing: {currency: USD, pricePerVcpuSecond: 0.0000113, pricePerGibSecond: 0.0000012, minimum: 1m, sizes: [{cpu: "2", memory: 4Gi}, {cpu: "1", memory: 2Gi}]}\n',
      ),
    );
    expect(scenario.nodePools[0]?.virtual?.pricing).toEqual({
      currency: 'USD',
      pricePerVcpuSecond: 0.0000113,
      pricePerGibSecond: 0.0000012,
      minimumSeconds: 60,
      memoryOverheadBytes: 0,
      sizes: [
        { cpuMillicores: 1000, memoryBytes: 2 * GIB },
        { cpuMillicores: 2000, memoryBytes: 4 * GIB },
      ],
      source: 'scenario',
    });
  });
});

describe('cluster-autoscaler settings', () => {
  it('defaults to CA_DEFAULTS, enabled because a pool is autoscaled', async () => {
    const scenario = await loadCloud();
    expect(scenario.clusterAutoscaler).toEqual({ ...CA_DEFAULTS, enabled: true, nodePriceUsdPerHour: { 'reserved-base': 0.125, burst: 0.096 } });
  });

  it('gives the price expander node prices in USD, converted with spec.currency\'s rates, and warns about a currency no rate converts', async () => {
    const pools = (cnyRate: string) =>
      CLOUD_SCENARIO.replace(/ {2}nodePools:\n[\s\S]*?(?= {2}currency:)/, [
        '  nodePools:',
        '    - {name: cn, cpu: "2", memory: 4Gi, count: 0, maxSize: 10, billing: {kind: onDemand, pricePerHour: 0.5, currency: CNY}}',
        '    - {name: us, cpu: "2", memory: 4Gi, count: 0, maxSize: 10, billing: {kind: onDemand, pricePerHour: 0.1, currency: USD}}',
        '    - {name: eu, cpu: "2", memory: 4Gi, count: 0, maxSize: 10, billing: {kind: onDemand, pricePerHour: 0.1, currency: EUR}}',
        '  clusterAutoscaler: {expander: price}',
        '',
      ].join('\n')).replace(/ {2}currency:.*\n/, `  currency: {report: USD, rates: [${cnyRate}]}\n`);
    const direct = await loadCloud({ 'scenario.yaml': pools('{from: CNY, to: USD, rate: 0.14}') });
    expect(direct.clusterAutoscaler.nodePriceUsdPerHour).toEqual({ cn: 0.5 * 0.14, us: 0.1, eu: 0.1 });
    const warning = 'the price expander weighs node prices against pod prices in USD (the GCE price model), and node pools eu (EUR) are priced in another currency with no rate to USD';
    expect(direct.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining(warning));
    const inverse = await loadCloud({ 'scenario.yaml': pools('{from: USD, to: CNY, rate: 7.25}, {from: EUR, to: USD, rate: 1.1}') });
    expect(inverse.clusterAutoscaler.nodePriceUsdPerHour).toEqual({ cn: 0.5 / 7.25, us: 0.1, eu: 0.1 * 1.1 });
    expect(inverse.warnings.map((w) => w.message).join('\n')).not.toContain('the price expander');
  });

  it('warns that the priority expander never picks a pool whose expanderPriority is below -1', async () => {
    const pools = (priority: number) =>
      CLOUD_SCENARIO.replace(/ {2}nodePools:\n[\s\S]*?(?= {2}currency:)/, [
        '  nodePools:',
        '    - {name: main, cpu: "2", memory: 4Gi, count: 0, maxSize: 10, expanderPriority: 10}',
        `    - {name: spare, cpu: "2", memory: 4Gi, count: 0, maxSize: 10, expanderPriority: ${priority}}`,
        '  clusterAutoscaler: {expander: priority}',
        '',
      ].join('\n'));
    const below = await loadCloud({ 'scenario.yaml': pools(-2) });
    expect(below.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('node pools spare (-2) have an expanderPriority below -1, which the priority expander never picks'));
    const floor = await loadCloud({ 'scenario.yaml': pools(-1) });
    expect(floor.warnings).toEqual([]);
  });

  it('is off by default when every pool is fixed', async () => {
    const scenario = await loadCloud(withPools('    - {name: p, cpu: "2", memory: 8Gi, count: 1}\n'));
    expect(scenario.clusterAutoscaler.enabled).toBe(false);
  });

  it.each([
    ['a comma list', '"priority, least-waste"'],
    ['a YAML list', '[priority, least-waste]'],
  ])('overrides flags; expander as %s', async (_name, expander) => {
    const ca = `  clusterAutoscaler:\n    expander: ${expander}\n    scanInterval: 30s\n    scaleDownUnneededTime: 5m\n    coresTotal: "0:64"\n    memoryTotal: {min: 0, max: 256}\n    maxGracefulTermination: 90\n    scaleDownEnabled: false\n`;
    const scenario = await loadCloud({ 'scenario.yaml': CLOUD_SCENARIO.replace('  currency:', `${ca}  currency:`) });
    expect(scenario.clusterAutoscaler).toEqual({
      ...CA_DEFAULTS,
      enabled: true,
      nodePriceUsdPerHour: { 'reserved-base': 0.125, burst: 0.096 },
      expanders: ['priority', 'least-waste'],
      scanIntervalSeconds: 30,
      scaleDownUnneededTimeSeconds: 300,
      coresTotal: { min: 0, max: 64 },
      memoryTotalGiB: { min: 0, max: 256 },
      maxGracefulTerminationSeconds: 90,
      scaleDownEnabled: false,
    });
  });
});

describe('currencies', () => {
  it('keeps the rates and the report currency', async () => {
    const scenario = await loadCloud();
    expect(scenario.currencyRates).toEqual([{ from: 'CNY', to: 'USD', rate: 0.14 }]);
    expect(scenario.reportCurrency).toBe('USD');
    expect(scenario.warnings).toEqual([]);
  });

  it('defaults the report currency to the most common one and warns about prices no rate converts', async () => {
    const scenario = await loadCloud({ 'scenario.yaml': CLOUD_SCENARIO.replace(/ {2}currency:.*\n/, '') });
    expect(scenario.reportCurrency).toBe('USD');
    expect(scenario.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('prices in CNY cannot be converted to the report currency USD'));
  });
});

describe('currency ties', () => {
  it('picks the currency met first when two are used as often', async () => {
    const scenario = await loadCloud({
      'scenario.yaml': CLOUD_SCENARIO.replace(/ {2}currency:.*\n/, '').replace(/ {4}- name: burst\n[\s\S]*?(?= {4}- name: eci)/, ''),
    });
    expect(scenario.nodePools.map((p) => p.name)).toEqual(['reserved-base', 'eci']);
    expect(scenario.reportCurrency).toBe('USD');
  });
});

describe('ElasticWorkload and an HPA on it', () => {
  it('reads the ElasticWorkload and resolves the HPA to it', async () => {
    const scenario = await loadCloud({
      'manifests/ew.yaml': `${ELASTIC_WORKLOAD}---\n${hpaOn('web', 'ElasticWorkload', 'web-ew', 'autoscaling.alibabacloud.com/v1beta1')}`,
    });
    expect(scenario.elasticWorkloads).toEqual([
      {
        name: 'web-ew',
        namespace: 'default',
        sourceTarget: { kind: 'Deployment', name: 'web', min: 2, max: 4 },
        replicas: 6,
        elasticUnits: [
          {
            name: 'virtual-kubelet',
            labels: { 'alibabacloud.com/eci': 'true' },
            annotations: { note: 'burst' },
            nodeSelector: { type: 'virtual-kubelet' },
            tolerations: [{ key: 'virtual-kubelet.io/provider', operator: 'Exists' }],
          },
        ],
        source: expect.objectContaining({ line: 1 }),
      },
    ]);
    expect(scenario.hpas[0]?.scaleTargetRef).toEqual({ apiVersion: 'autoscaling.alibabacloud.com/v1beta1', kind: 'ElasticWorkload', name: 'web-ew' });
  });

  it('warns that a unit min above 0 is not modelled, at the field, and stays silent for min 0', async () => {
    const withMin = (min: number) => ELASTIC_WORKLOAD.replace("      nodeSelector: {type: virtual-kubelet}\n", `      nodeSelector: {type: virtual-kubelet}\n      min: ${min}\n`);
    const scenario = await loadCloud({ 'manifests/ew.yaml': withMin(2) });
    const warning = scenario.warnings.find((w) => w.message.includes('min (2 pods) is not modelled'));
    expect(warning).toMatchObject({ field: 'spec.elasticUnit[0].min', line: 18 });
    expect(scenario.elasticWorkloads[0]?.elasticUnits[0]?.min).toBe(2);
    const silent = await loadCloud({ 'manifests/ew.yaml': withMin(0) });
    expect(silent.warnings.some((w) => w.message.includes('is not modelled: the unit gets'))).toBe(false);
  });

  it('defaults replicas to the source and warns that an unset max keeps nothing on the source', async () => {
    const ew = ELASTIC_WORKLOAD.replace('    max: 4\n', '').replace('  replicas: 6\n', '');
    const scenario = await loadCloud({ 'manifests/ew.yaml': ew });
    expect(scenario.elasticWorkloads[0]).toMatchObject({ replicas: 1, sourceTarget: { min: 2, max: 0 } });
    expect(scenario.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('sourceTarget.max is not set'));
  });
});

describe('PodDisruptionBudget', () => {
  it.each([
    ['minAvailable as a count', 'minAvailable: 2', { minAvailable: 2 }],
    ['maxUnavailable as a percent', 'maxUnavailable: "25%"', { maxUnavailable: { percent: 25 } }],
  ])('%s', async (_name, budget, expected) => {
    const pdb = lines('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web, namespace: default}', 'spec:', '  selector: {matchLabels: {app: web}}', `  ${budget}`);
    const scenario = await loadCloud({ 'manifests/pdb.yaml': pdb });
    expect(scenario.podDisruptionBudgets).toEqual([{ name: 'web', namespace: 'default', selector: { app: 'web' }, ...expected, source: expect.objectContaining({ line: 1 }) }]);
    expect(scenario.warnings).toEqual([]);
  });

  it('leaves out a budget without a selector, with a warning', async () => {
    const scenario = await loadCloud({ 'manifests/pdb.yaml': lines('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec: {minAvailable: 1}') });
    expect(scenario.podDisruptionBudgets).toEqual([]);
    expect(scenario.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('selects no pods'));
  });
});

describe('pods and namespaces', () => {
  it('keeps kube-system and the template annotations', async () => {
    const deployment = BASE_DEPLOYMENT.replace('  name: web\n', '  name: web\n  namespace: kube-system\n').replace(
      '      labels: {app: web}\n',
      '      labels: {app: web}\n      annotations: {cluster-autoscaler.kubernetes.io/safe-to-evict: "true"}\n',
    );
    const scenario = await loadCloud({ 'manifests/web.yaml': deployment });
    expect(scenario.workloads[0]).toMatchObject({ namespace: 'kube-system', template: { annotations: { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true' } } });
  });

  /** The web Deployment sent to the tainted ECI pool, as an ElasticWorkload unit or a burst Deployment is. */
  const onEci = (deployment: string): string =>
    deployment.replace('    spec:\n', '    spec:\n      nodeSelector: {type: virtual-kubelet}\n      tolerations: [{key: virtual-kubelet.io/provider, operator: Exists}]\n');

  it('warns, without failing, about a workload whose pods fit no node pool they may run on', async () => {
    const big = onEci(BASE_DEPLOYMENT.replace('{cpu: 100m, memory: 64Mi}', '{cpu: "96", memory: 64Mi}'));
    const scenario = await loadCloud({ 'manifests/web.yaml': big });
    const warning = scenario.warnings.find((w) => w.message.includes('more than any node pool it may run on offers'));
    expect(warning?.message).toMatch(/^Deployment web requests 96 cpu and 64Mi memory per pod, .*largest cpu: pool "eci" with 64 cpu and 512Gi allocatable in its largest pod size/);
    expect(warning).toMatchObject({ field: 'spec.template' });
  });

  it('does not warn when a virtual pool the pods may run on takes them', async () => {
    const big = onEci(BASE_DEPLOYMENT.replace('{cpu: 100m, memory: 64Mi}', '{cpu: "16", memory: 32Gi}'));
    const scenario = await loadCloud({ 'manifests/web.yaml': big });
    expect(scenario.warnings).toEqual([]);
  });

  it('warns when only a pool the pods may not run on (the tainted ECI pool) is large enough', async () => {
    const big = BASE_DEPLOYMENT.replace('{cpu: 100m, memory: 64Mi}', '{cpu: "16", memory: 32Gi}');
    const scenario = await loadCloud({ 'manifests/web.yaml': big });
    const warning = scenario.warnings.find((w) => w.message.includes('more than any node pool it may run on offers'));
    expect(warning?.message).toMatch(/largest cpu: pool "reserved-base" with 4 cpu and 16Gi allocatable\)/);
    expect(warning).toMatchObject({ line: 8, field: 'spec.template' });
  });
});
