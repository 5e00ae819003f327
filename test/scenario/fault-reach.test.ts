/**
 * spec.faults items that can never fire are warned about at load time (src/scenario/faults/fault-reach.ts):
 * an instant at or after the end of the run, for every fault kind that has one, and a pod index
 * beyond the most pods the workload ever has (its fixed replicas, an HPA's maxReplicas, a
 * ScaledObject's maxReplicaCount). They are warnings: the scenario still loads, and --duration
 * decides the run's end. Faults within range give none.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioOverrides } from '../../src/scenario/load-scenario.js';
import type { Warning } from '../../src/scenario/types.js';
import { BASE_DEPLOYMENT, BASE_SCENARIO, baseFiles, hpaV2 } from './helpers/base-scenario.js';
import { kedaFiles, KEDA_SCENARIO, lineOf, scaledObject, KAFKA_TRIGGER } from './helpers/keda-scenario.js';
import { loadFolder, type FolderFiles } from './helpers/scenario-folder.js';

const NEVER = /never fire/;

/** scenario.yaml of the base scenario with a duration and `faults:` items (one flow mapping each). */
function scenarioYaml(duration: string | undefined, items: string[], base = BASE_SCENARIO): string {
  return `${base}${duration ? `  duration: ${duration}\n` : ''}  faults:\n${items.map((i) => `    - ${i}\n`).join('')}`;
}

async function faultWarnings(duration: string | undefined, items: string[], files: FolderFiles = {}, overrides: ScenarioOverrides = {}): Promise<{ yaml: string; warnings: Warning[] }> {
  const yaml = scenarioYaml(duration, items);
  const scenario = await loadFolder({ ...baseFiles(), 'scenario.yaml': yaml, ...files }, overrides);
  return { yaml, warnings: scenario.warnings.filter((w) => NEVER.test(w.message)) };
}

describe('a fault at or after the end of the run', () => {
  it.each([
    ['containerCrash at', '{containerCrash: {workload: web, at: 3h}}', 'containerCrash.at', 'fires at 3h, after the run ends at 40m: it will never fire'],
    ['nodeFailure at', '{nodeFailure: {pool: default, at: 3h}}', 'nodeFailure.at', 'fires at 3h, after the run ends at 40m: it will never fire'],
    ['livenessFailure at the very end', '{livenessFailure: {workload: web, at: 40m}}', 'livenessFailure.at', 'fires at 40m, as the run ends at 40m: it will never fire'],
    ['a clock time', '{livenessFailure: {workload: web, at: "02:00"}}', 'livenessFailure.at', 'fires at 02:00 (2h after t = 0), after the run ends at 40m: it will never fire'],
    ['a containerCrash rate window', '{containerCrash: {workload: web, ratePerHour: 2, from: 1h}}', 'containerCrash.from', 'starts at 1h, after the run ends at 40m: it will never fire'],
    ['a nodeFailure rate window', '{nodeFailure: {node: default-1, ratePerHour: 1, from: 41m, to: 2h}}', 'nodeFailure.from', 'starts at 41m, after the run ends at 40m: it will never fire'],
    ['crashLoop', '{crashLoop: {workload: web, from: 2h, to: 3h}}', 'crashLoop.from', 'starts at 2h, after the run ends at 40m: it will never fire'],
    ['readinessFlap', '{readinessFlap: {workload: web, from: 1h, to: 2h}}', 'readinessFlap.from', 'starts at 1h, after the run ends at 40m: it will never fire'],
    ['metricsServerOutage', '{metricsServerOutage: {from: 50m, to: 1h}}', 'metricsServerOutage.from', 'starts at 50m, after the run ends at 40m: it will never fire'],
  ])('%s is a warning at its field and line', async (_name, item, field, message) => {
    const { yaml, warnings } = await faultWarnings('40m', [item]);
    expect(warnings).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/scenario\.yaml$/), line: lineOf(yaml, item), field: `spec.faults[0].${field}`, message, hint: expect.stringContaining('the run lasts 40m (spec.duration)') }),
    ]);
  });

  it('scalerUnavailable too', async () => {
    const item = '{scalerUnavailable: {triggerType: kafka, from: 1h, to: 2h}}';
    const yaml = scenarioYaml('40m', [item], KEDA_SCENARIO);
    const scenario = await loadFolder({ ...kedaFiles(), 'scenario.yaml': yaml });
    expect(scenario.warnings.filter((w) => NEVER.test(w.message))).toEqual([
      expect.objectContaining({ line: lineOf(yaml, item), field: 'spec.faults[0].scalerUnavailable.from', message: 'starts at 1h, after the run ends at 40m: it will never fire' }),
    ]);
  });

  it('the run ends where the longest trace does when no duration is set', async () => {
    // BASE_TRACE's rows are one minute apart from 00:00: the run is 3 minutes long.
    const { warnings } = await faultWarnings(undefined, ['{containerCrash: {workload: web, at: 5m}}']);
    expect(warnings).toEqual([expect.objectContaining({ message: 'fires at 5m, after the run ends at 3m: it will never fire', hint: expect.stringContaining('the end of the longest trace') })]);
  });

  it('--duration decides: a shorter run warns, a longer one does not', async () => {
    const item = '{nodeFailure: {pool: default, at: 3h}}';
    const shorter = await faultWarnings('4h', [item], {}, { durationSeconds: 2400 });
    expect(shorter.warnings).toEqual([expect.objectContaining({ field: 'spec.faults[0].nodeFailure.at', hint: expect.stringContaining('(--duration)') })]);
    const longer = await faultWarnings('40m', [item], {}, { durationSeconds: 4 * 3600 });
    expect(longer.warnings).toEqual([]);
  });

  it('faults inside the run give no warning, and the scenario loads with every fault', async () => {
    const items = [
      '{containerCrash: {workload: web, at: 39m, pod: 0}}',
      '{containerCrash: {workload: web, ratePerHour: 2, from: 10m, to: 3h}}',
      '{crashLoop: {workload: web, from: 10m, to: 3h}}',
      '{livenessFailure: {workload: web, at: "00:30"}}',
      '{readinessFlap: {workload: web, from: 0m, to: 2h}}',
      '{nodeFailure: {pool: default, at: 20m}}',
      '{nodeFailure: {node: default-1, ratePerHour: 0.5}}',
      '{metricsServerOutage: {from: 39m59s, to: 1h}}',
    ];
    const yaml = scenarioYaml('40m', items);
    const scenario = await loadFolder({ ...baseFiles(), 'scenario.yaml': yaml });
    expect(scenario.faults).toHaveLength(items.length);
    expect(scenario.warnings.filter((w) => NEVER.test(w.message))).toEqual([]);
  });

  it('a late fault still loads and is kept (a warning, not an error)', async () => {
    const scenario = await loadFolder({ ...baseFiles(), 'scenario.yaml': scenarioYaml('40m', ['{containerCrash: {workload: web, at: 3h}}']) });
    expect(scenario.faults).toEqual([expect.objectContaining({ kind: 'containerCrash', timing: { kind: 'at', atSeconds: 10800 } })]);
  });
});

describe('a pod index the workload never reaches', () => {
  const noHpa = { 'manifests/web.yaml': BASE_DEPLOYMENT };
  const withReplicas = (n: number) => ({ 'manifests/web.yaml': BASE_DEPLOYMENT.replace('spec:\n  selector:', `spec:\n  replicas: ${n}\n  selector:`) });

  it.each([
    ['containerCrash', '{containerCrash: {workload: web, at: 5m, pod: 7}}'],
    ['livenessFailure', '{livenessFailure: {workload: web, at: 5m, pod: 7}}'],
  ])('%s pod 7 of a workload with 1 replica and no autoscaler', async (kind, item) => {
    const { yaml, warnings } = await faultWarnings('1h', [item], noHpa);
    expect(warnings).toEqual([
      expect.objectContaining({
        line: lineOf(yaml, item),
        field: `spec.faults[0].${kind}.pod`,
        message: 'pod 7 of workload web: the workload never has more than 1 pod, so this fault will never fire',
        hint: 'spec.replicas is 1 and no autoscaler scales Deployment web; pods are counted from 0, oldest first (only pod 0); leave pod out to hit a running pod at random',
      }),
    ]);
  });

  it('the fixed replicas bound the index: pod 2 of 3 is fine, pod 3 is not', async () => {
    expect((await faultWarnings('1h', ['{containerCrash: {workload: web, at: 5m, pod: 2}}'], withReplicas(3))).warnings).toEqual([]);
    const { warnings } = await faultWarnings('1h', ['{containerCrash: {workload: web, at: 5m, pod: 3}}'], withReplicas(3));
    expect(warnings).toEqual([expect.objectContaining({ message: 'pod 3 of workload web: the workload never has more than 3 pods, so this fault will never fire', hint: expect.stringContaining('pod 0 to 2') })]);
  });

  it('an HPA raises the bound to its maxReplicas', async () => {
    // baseFiles(): HPA web with maxReplicas 10 on Deployment web (1 replica).
    expect((await faultWarnings('1h', ['{containerCrash: {workload: web, at: 5m, pod: 7}}'])).warnings).toEqual([]);
    const { warnings } = await faultWarnings('1h', ['{livenessFailure: {workload: web, at: 5m, pod: 10}}']);
    expect(warnings).toEqual([expect.objectContaining({ field: 'spec.faults[0].livenessFailure.pod', message: expect.stringContaining('never has more than 10 pods'), hint: expect.stringContaining("HorizontalPodAutoscaler web's maxReplicas is 10") })]);
  });

  it('spec.replicas above the HPA maximum: the starting pods count', async () => {
    const files = { 'manifests/web.yaml': `${withReplicas(12)['manifests/web.yaml']}---\n${hpaV2('web', '  maxReplicas: 10')}` };
    expect((await faultWarnings('1h', ['{containerCrash: {workload: web, at: 5m, pod: 11}}'], files)).warnings).toEqual([]);
  });

  it("a ScaledObject's maxReplicaCount bounds the index", async () => {
    const load = (pod: number) =>
      loadFolder({
        ...kedaFiles(),
        'manifests/keda.yaml': scaledObject('web-so', ['  maxReplicaCount: 4'], KAFKA_TRIGGER),
        'scenario.yaml': scenarioYaml('1h', [`{containerCrash: {workload: web, at: 5m, pod: ${pod}}}`], KEDA_SCENARIO.replace('  triggers:\n    web-so/1: {series: rows}\n', '')),
      });
    expect((await load(3)).warnings.filter((w) => NEVER.test(w.message))).toEqual([]);
    expect((await load(4)).warnings.filter((w) => NEVER.test(w.message))).toEqual([
      expect.objectContaining({ message: 'pod 4 of workload web: the workload never has more than 4 pods, so this fault will never fire', hint: expect.stringContaining("ScaledObject web-so's maxReplicaCount is 4") }),
    ]);
  });

  it('a fault without a pod index, or at a pod in range, gives none', async () => {
    const { warnings } = await faultWarnings('1h', ['{containerCrash: {workload: web, at: 5m, count: 3}}', '{containerCrash: {workload: web, at: 5m, pod: 0}}'], noHpa);
    expect(warnings).toEqual([]);
  });
});

describe('a livenessFailure on a container without a livenessProbe', () => {
  const probeWarnings = async (deployment: string): Promise<Warning[]> => {
    const scenario = await loadFolder({ ...baseFiles(), 'manifests/web.yaml': deployment, 'scenario.yaml': scenarioYaml('40m', ['{livenessFailure: {workload: web, at: 5m}}']) });
    return scenario.warnings.filter((w) => /livenessProbe/.test(w.message));
  };

  it('is a warning at the fault: a real kubelet runs only the probes a container sets', async () => {
    const warnings = await probeWarnings(BASE_DEPLOYMENT);
    expect(warnings.map((w) => [w.field, w.message])).toEqual([
      ['spec.faults[0].livenessFailure.workload', "workload web's container sets no livenessProbe: a real kubelet would never restart a container that stops answering; scalesim restarts it after the probe defaults (3 failures, 10 s apart) as if it had one"],
    ]);
  });

  it('gives none when the container has one', async () => {
    const withProbe = BASE_DEPLOYMENT.replace(/(\n\s+)(resources:)/, '$1livenessProbe: {httpGet: {path: /healthz, port: 8080}}$1$2');
    expect(withProbe).toContain('livenessProbe');
    expect(await probeWarnings(withProbe)).toEqual([]);
  });
});

describe('fault settings that cannot act as written', () => {
  it('a nodeFailure on a virtual pool is warned (a pool target picks among real nodes); naming its node is not', async () => {
    const base = BASE_SCENARIO.replace('  nodePools:\n', '  nodePools:\n    - {name: eci, virtual: {provider: eci}}\n');
    const load = (item: string) => loadFolder({ ...baseFiles(), 'scenario.yaml': scenarioYaml('40m', [item], base) });
    const byPool = await load('{nodeFailure: {pool: eci, at: 5m}}');
    expect(byPool.warnings.map((w) => [w.field, w.message])).toContainEqual([
      'spec.faults[0].nodeFailure.pool',
      '"eci" is a virtual pool: a pool target picks one of the pool\'s real nodes, and a virtual pool has none, so this fault never fires',
    ]);
    const byNode = await load('{nodeFailure: {node: eci-0, at: 5m}}');
    expect(byNode.warnings.map((w) => w.message).join('\n')).not.toContain('virtual pool');
  });

  it('a containerCrash count beside a pod index is warned: the pod alone is hit', async () => {
    const scenario = await loadFolder({ ...baseFiles(), 'scenario.yaml': scenarioYaml('40m', ['{containerCrash: {workload: web, at: 5m, pod: 0, count: 2}}']) });
    expect(scenario.warnings.map((w) => [w.field, w.message])).toContainEqual(['spec.faults[0].containerCrash.count', 'count 2 has no effect beside pod 0: the fault hits that one pod at each firing']);
  });

  it('a nodeBootFailure on a pool that never adds a node is warned; a pool the cluster-autoscaler scales, or a spot pool with interruptions, is not', async () => {
    const base = BASE_SCENARIO.replace(
      '  nodePools:\n',
      [
        '  nodePools:',
        '    - {name: grows, count: 0, minSize: 0, maxSize: 3, cpu: "4", memory: 16Gi}',
        '    - {name: spot, count: 2, cpu: "4", memory: 16Gi, billing: {kind: spot, pricePerHour: 0.03, currency: USD, interruptionRatePerHour: 0.05}}',
        '',
      ].join('\n'),
    );
    const warningsFor = async (pool: string, extra = ''): Promise<string[][]> => {
      const yaml = scenarioYaml('40m', [`{nodeBootFailure: {pool: ${pool}, probability: 0.5}}`], base + extra);
      const scenario = await loadFolder({ ...baseFiles(), 'scenario.yaml': yaml });
      return scenario.warnings.filter((w) => NEVER.test(w.message)).map((w) => [w.field ?? '', w.message, w.hint ?? '']);
    };
    expect(await warningsFor('default')).toEqual([
      [
        'spec.faults[0].nodeBootFailure.pool',
        'pool default never adds a node during the run (the cluster-autoscaler does not scale it and it has no spot interruptions to replace), so this fault will never fire',
        'give the pool minSize < maxSize with the cluster-autoscaler enabled, or aim the fault at a pool that grows',
      ],
    ]);
    expect(await warningsFor('grows')).toEqual([]);
    expect(await warningsFor('spot')).toEqual([]);
    // With the cluster-autoscaler turned off, the autoscaled pool never grows either.
    expect((await warningsFor('grows', '  clusterAutoscaler: {enabled: false}\n')).map(([field]) => field)).toEqual(['spec.faults[0].nodeBootFailure.pool']);
  });

  it('a capacityLoss of a pool that never adds a node is warned: no launch for it to fail', async () => {
    const base = BASE_SCENARIO.replace('  nodePools:\n', '  nodePools:\n    - {name: grows, count: 0, minSize: 0, maxSize: 3, cpu: "4", memory: 16Gi}\n');
    const warningsFor = async (pool: string): Promise<string[]> => {
      const scenario = await loadFolder({ ...baseFiles(), 'scenario.yaml': scenarioYaml('40m', [`{capacityLoss: {pool: ${pool}, from: 5m}}`], base) });
      return scenario.warnings.filter((w) => w.field === 'spec.faults[0].capacityLoss.pool').map((w) => w.message);
    };
    expect(await warningsFor('default')).toEqual([
      'pool default never adds a node during the run (the cluster-autoscaler does not scale it and it has no spot interruptions to replace), so no launch is there for the loss to fail',
    ]);
    expect(await warningsFor('grows')).toEqual([]);
  });

  it('a capacityLoss of a zone none of whose pools adds a node is warned', async () => {
    const base = BASE_SCENARIO.replace(
      '  nodePools:\n',
      '  nodePools:\n    - {name: fixed, count: 1, cpu: "4", memory: 16Gi, labels: {topology.kubernetes.io/zone: za}}\n    - {name: grows, count: 0, minSize: 0, maxSize: 3, cpu: "4", memory: 16Gi, labels: {topology.kubernetes.io/zone: zb}}\n',
    );
    const warningsFor = async (zone: string): Promise<string[]> => {
      const scenario = await loadFolder({ ...baseFiles(), 'scenario.yaml': scenarioYaml('40m', [`{capacityLoss: {zone: ${zone}, from: 5m}}`], base) });
      return scenario.warnings.filter((w) => w.field === 'spec.faults[0].capacityLoss.zone').map((w) => w.message);
    };
    expect(await warningsFor('za')).toEqual([
      'no pool of zone za (fixed) adds a node during the run (the cluster-autoscaler does not scale them and they have no spot interruptions to replace), so no launch is there for the loss to fail',
    ]);
    expect(await warningsFor('zb')).toEqual([]);
  });
});
