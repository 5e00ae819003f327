/**
 * spec.faults beyond scalerUnavailable: each kind resolves to seconds since t = 0 (durations or
 * "HH:MM"), and bad items are rejected in one pass with the field of each problem.
 */
import { describe, expect, it } from 'vitest';
import { baseFiles } from './helpers/base-scenario.js';
import { faultProblems, loadWithFaults, withFaults } from './helpers/fault-scenario.js';
import { folderProblems, loadFolder } from './helpers/scenario-folder.js';

describe('spec.faults: valid items', () => {
  it('resolves every fault kind with its timing', async () => {
    const scenario = await loadWithFaults([
      '{containerCrash: {workload: web, at: 5m, pod: 0}}',
      '{containerCrash: {workload: web, ratePerHour: 2, from: 1h, to: 2h, count: 2}}',
      '{crashLoop: {workload: web, from: 10m, to: 20m}}',
      '{livenessFailure: {workload: web, at: "00:30"}}',
      '{readinessFlap: {workload: web, from: 1h, to: 70m, periodSeconds: 20}}',
      '{nodeFailure: {pool: default, at: 2h, recoverAfter: 10m}}',
      '{nodeFailure: {node: default-1, ratePerHour: 0.5}}',
      '{metricsServerOutage: {from: 3h, to: 3h20m}}',
    ]);
    expect(scenario.faults).toEqual([
      { kind: 'containerCrash', workload: 'web', timing: { kind: 'at', atSeconds: 300 }, count: 1, podIndex: 0 },
      { kind: 'containerCrash', workload: 'web', timing: { kind: 'rate', ratePerHour: 2, fromSeconds: 3600, toSeconds: 7200 }, count: 2 },
      { kind: 'crashLoop', workload: 'web', fromSeconds: 600, toSeconds: 1200 },
      // The trace starts at 00:00 UTC, so 00:30 is 30 minutes in.
      { kind: 'livenessFailure', workload: 'web', timing: { kind: 'at', atSeconds: 1800 } },
      { kind: 'readinessFlap', workload: 'web', fromSeconds: 3600, toSeconds: 4200, periodSeconds: 20 },
      { kind: 'nodeFailure', target: { pool: 'default' }, timing: { kind: 'at', atSeconds: 7200 }, recoverAfterSeconds: 600 },
      { kind: 'nodeFailure', target: { node: 'default-1' }, timing: { kind: 'rate', ratePerHour: 0.5, fromSeconds: 0, toSeconds: undefined } },
      { kind: 'metricsServerOutage', fromSeconds: 10800, toSeconds: 12000 },
    ]);
  });

  it('reads a container livenessProbe with the SetDefaults_Probe defaults', async () => {
    const manifest = (await import('./helpers/base-scenario.js')).BASE_DEPLOYMENT.replace(
      '          resources:',
      '          livenessProbe: {httpGet: {path: /, port: 80}, failureThreshold: 5}\n          resources:',
    );
    const scenario = await loadWithFaults(['{containerCrash: {workload: web, at: 1m}}'], { 'manifests/web.yaml': manifest });
    expect(scenario.workloads[0]?.template.containers[0]?.livenessProbe).toEqual({ initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 5 });
  });
});

describe('spec.faults: bad items are reported together, each at its field', () => {
  it.each([
    ['an unknown workload', '{containerCrash: {workload: wbe, at: 5m}}', 'spec.faults[0].containerCrash.workload', 'no Deployment or StatefulSet named "wbe"', 'did you mean "web"?'],
    ['an unknown pool', '{nodeFailure: {pool: defualt, at: 5m}}', 'spec.faults[0].nodeFailure.pool', 'no node pool named "defualt"', 'did you mean "default"?'],
    ['an unknown node', '{nodeFailure: {node: default-7, at: 5m}}', 'spec.faults[0].nodeFailure.node', 'no node named "default-7" at t = 0', 'default-0'],
    ['both pool and node', '{nodeFailure: {pool: default, node: default-0, at: 5m}}', 'spec.faults[0].nodeFailure', 'set exactly one of pool, node or zone', undefined],
    ['a zone no pool is in', '{nodeFailure: {zone: eu-west-1a, at: 5m}}', 'spec.faults[0].nodeFailure.zone', 'no node pool in zone "eu-west-1a"', 'no node pool has a zone: give pools a topology.kubernetes.io/zone label (nodePools[].labels)'],
    ['capacityLost on a pool', '{nodeFailure: {pool: default, at: 5m, capacityLost: reported}}', 'spec.faults[0].nodeFailure.capacityLost', 'capacityLost applies to a zone target, not a pool', 'pool "default" has no zone: give its pool a topology.kubernetes.io/zone label'],
    ['capacityLost on a node', '{nodeFailure: {node: default-0, at: 5m, capacityLost: unreported}}', 'spec.faults[0].nodeFailure.capacityLost', 'capacityLost applies to a zone target, not a node', 'node "default-0" has no zone'],
    ['capacityLost neither reported nor unreported', '{nodeFailure: {zone: eu-west-1a, at: 5m, capacityLost: true}}', 'spec.faults[0].nodeFailure.capacityLost', 'expected "reported" or "unreported", got true', undefined],
    ['from after to', '{metricsServerOutage: {from: 2h, to: 1h}}', 'spec.faults[0].metricsServerOutage.to', 'the fault must end after it starts', 'make to later than from'],
    ['from equal to to', '{crashLoop: {workload: web, from: 1h, to: 1h}}', 'spec.faults[0].crashLoop.to', 'the fault must end after it starts', undefined],
    ['a rate window that ends first', '{containerCrash: {workload: web, ratePerHour: 1, from: 2h, to: 1h}}', 'spec.faults[0].containerCrash.to', 'the fault must end after it starts', undefined],
    ['a zero rate', '{containerCrash: {workload: web, ratePerHour: 0}}', 'spec.faults[0].containerCrash.ratePerHour', '', undefined],
    ['a negative rate', '{nodeFailure: {pool: default, ratePerHour: -1}}', 'spec.faults[0].nodeFailure.ratePerHour', '', undefined],
    ['neither at nor ratePerHour', '{livenessFailure: {workload: web}}', 'spec.faults[0].livenessFailure', 'set exactly one of at or ratePerHour', undefined],
    ['both at and ratePerHour', '{containerCrash: {workload: web, at: 1m, ratePerHour: 1}}', 'spec.faults[0].containerCrash', 'set exactly one of at or ratePerHour', undefined],
    ['at with a window', '{containerCrash: {workload: web, at: 1m, to: 2h}}', 'spec.faults[0].containerCrash.to', 'from and to bound a ratePerHour', undefined],
    ['two kinds in one item', '{crashLoop: {workload: web, from: 1h, to: 2h}, metricsServerOutage: {from: 1h, to: 2h}}', 'spec.faults[0]', 'several fault kinds (crashLoop, metricsServerOutage)', undefined],
    ['no kind', '{}', 'spec.faults[0]', 'names no fault kind', undefined],
    ['an unknown field', '{readinessFlap: {workload: web, from: 1h, to: 2h, period: 10}}', 'spec.faults[0].readinessFlap.period', 'unknown field "period"', 'periodSeconds'],
  ])('%s', async (_name, item, field, message, hint) => {
    const problems = await faultProblems([item]);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'scenario.yaml', field, message: expect.stringContaining(message), ...(hint ? { hint: expect.stringContaining(hint) } : {}) }),
    );
  });

  it('reports the problems of several items in one pass', async () => {
    const problems = await faultProblems([
      '{containerCrash: {workload: nope, at: 5m}}',
      '{nodeFailure: {pool: nope, at: 5m}}',
      '{metricsServerOutage: {from: 2h, to: 1h}}',
      '{readinessFlap: {workload: web, from: 1h, to: 2h, periodSeconds: 0}}',
    ]);
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining([
        'spec.faults[0].containerCrash.workload',
        'spec.faults[1].nodeFailure.pool',
        'spec.faults[2].metricsServerOutage.to',
        'spec.faults[3].readinessFlap.periodSeconds',
      ]),
    );
  });
});

describe('spec.faults: a nodeFailure of a zone among zoned pools', () => {
  // The base scenario's pool `default` in zone za, and a second pool in zb.
  const zoned = (...items: string[]) =>
    withFaults(...items)
      .replace('      memory: 16Gi\n', '      memory: 16Gi\n      labels: {topology.kubernetes.io/zone: za}\n    - {name: other, count: 1, cpu: "4", memory: 16Gi, labels: {topology.kubernetes.io/zone: zb}}\n');

  it('resolves a zone with capacityLost', async () => {
    const scenario = await loadFolder({ ...baseFiles(), 'scenario.yaml': zoned('{nodeFailure: {zone: zb, at: 1h, recoverAfter: 30m, capacityLost: reported}}') });
    expect(scenario.faults).toEqual([{ kind: 'nodeFailure', target: { zone: 'zb' }, timing: { kind: 'at', atSeconds: 3600 }, recoverAfterSeconds: 1800, capacityLost: 'reported' }]);
  });

  it('resolves a capacityLoss of a zone or a pool, reported unless said, to the end of the run without `to`', async () => {
    const scenario = await loadFolder({ ...baseFiles(), 'scenario.yaml': zoned('{capacityLoss: {zone: za, from: 1h, to: 2h}}', '{capacityLoss: {pool: other, from: 30m, reported: false}}') });
    expect(scenario.faults).toEqual([
      { kind: 'capacityLoss', scope: { zone: 'za' }, fromSeconds: 3600, toSeconds: 7200, loss: 'reported' },
      { kind: 'capacityLoss', scope: { pool: 'other' }, fromSeconds: 1800, toSeconds: Number.POSITIVE_INFINITY, loss: 'unreported' },
    ]);
  });

  it.each([
    ['a capacityLoss of neither a zone nor a pool', '{capacityLoss: {from: 1h}}', 'spec.faults[0].capacityLoss', 'set exactly one of zone or pool', 'e.g. { zone: eu-west-1a'],
    ['a capacityLoss of both a zone and a pool', '{capacityLoss: {zone: za, pool: other, from: 1h}}', 'spec.faults[0].capacityLoss', 'set exactly one of zone or pool', 'e.g. { zone: eu-west-1a'],
    ['a capacityLoss of an unknown zone', '{capacityLoss: {zone: zz, from: 1h}}', 'spec.faults[0].capacityLoss.zone', 'no node pool in zone "zz"', 'za'],
    ['a capacityLoss of an unknown pool', '{capacityLoss: {pool: otehr, from: 1h}}', 'spec.faults[0].capacityLoss.pool', 'no node pool named "otehr"', 'did you mean "other"?'],
    ['a capacityLoss that ends before it starts', '{capacityLoss: {pool: other, from: 2h, to: 1h}}', 'spec.faults[0].capacityLoss.to', 'the loss must end after it starts', 'leave it out'],
    ['a capacityLoss whose reported is not a boolean', '{capacityLoss: {pool: other, from: 1h, reported: yes}}', 'spec.faults[0].capacityLoss.reported', 'expected', ''],
  ])('%s', async (_name, item, field, message, hint) => {
    const problems = await folderProblems({ ...baseFiles(), 'scenario.yaml': zoned(item) });
    expect(problems).toContainEqual(expect.objectContaining({ field, message: expect.stringContaining(message), ...(hint === '' ? {} : { hint: expect.stringContaining(hint) }) }));
  });

  it.each([
    ['an unknown zone: the known ones suggested', '{nodeFailure: {zone: zc, at: 5m}}', 'spec.faults[0].nodeFailure.zone', 'no node pool in zone "zc"', 'za'],
    ['capacityLost on a pool: its zone named', '{nodeFailure: {pool: other, at: 5m, capacityLost: reported}}', 'spec.faults[0].nodeFailure.capacityLost', 'not a pool', 'a nodeFailure loses capacity by zone, with every live node of every pool in it: { zone: zb, capacityLost: reported, at: …, recoverAfter: … }; to lose only this pool\'s launches, its nodes staying up: { capacityLoss: { pool: other, from: …, to: … } }'],
    ['capacityLost on a node: its pool’s zone named', '{nodeFailure: {node: default-1, at: 5m, capacityLost: unreported}}', 'spec.faults[0].nodeFailure.capacityLost', 'not a node', '{ zone: za, capacityLost: unreported, at: …'],
  ])('%s', async (_name, item, field, message, hint) => {
    const problems = await folderProblems({ ...baseFiles(), 'scenario.yaml': zoned(item) });
    expect(problems).toContainEqual(expect.objectContaining({ field, message: expect.stringContaining(message), hint: expect.stringContaining(hint) }));
  });
});
