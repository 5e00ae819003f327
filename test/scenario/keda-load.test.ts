/**
 * Loading KEDA scenarios: ScaledObjects (keda.sh and keda.k8s.io), ScaledJobs, authentication
 * objects, StatefulSet targets, queue workers, trigger sources, faults and the start time.
 */
import { describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/errors/user-input-error.js';
import { BASE_DEPLOYMENT } from './helpers/base-scenario.js';
import { BASE_SCALED_OBJECT, KAFKA_TRIGGER, KEDA_SCENARIO, PROMETHEUS_TRIGGER, kedaProblems, lineOf, loadKeda, scaledObject } from './helpers/keda-scenario.js';
import { lines } from './helpers/scenario-folder.js';

const STATEFUL_SET = BASE_DEPLOYMENT.replace('kind: Deployment', 'kind: StatefulSet').replace('spec:\n', 'spec:\n  serviceName: web-headless\n  podManagementPolicy: Parallel\n');

const FULL_SCALED_OBJECT = scaledObject(
  'web-so',
  [
    '  pollingInterval: 10',
    '  cooldownPeriod: 120',
    '  initialCooldownPeriod: 60',
    '  idleReplicaCount: 0',
    '  minReplicaCount: 2',
    '  maxReplicaCount: 20',
    '  fallback: {failureThreshold: 3, replicas: 6, behavior: currentReplicasIfHigher}',
    '  advanced:',
    '    restoreToOriginalReplicaCount: true',
    '    horizontalPodAutoscalerConfig:',
    '      name: web-hpa',
    '      behavior:',
    '        scaleDown:',
    '          stabilizationWindowSeconds: 60',
    '          policies: [{type: Percent, value: 50, periodSeconds: 30}]',
    '    scalingModifiers:',
    '      formula: "(lag + rows) / 2"',
    '      target: "40"',
    '      activationTarget: "5"',
  ],
  [
    ...KAFKA_TRIGGER,
    '      useCachedMetrics: true',
    '      authenticationRef: {name: kafka-auth}',
    ...PROMETHEUS_TRIGGER,
    '    - type: cpu',
    '      metricType: Utilization',
    '      metadata: {value: "70"}',
  ],
  ['  annotations:', '    autoscaling.keda.sh/paused-scale-in: "true"', '    autoscaling.keda.sh/force-activation: "yes"'],
);

const TRIGGER_AUTH = lines('apiVersion: keda.sh/v1alpha1', 'kind: TriggerAuthentication', 'metadata: {name: kafka-auth}', 'spec:', '  secretTargetRef: [{parameter: sasl, name: kafka-secrets, key: sasl}]');
const SECRET_VALUE = 'hunter2-Sup3rSecret';
const SECRET = lines('apiVersion: v1', 'kind: Secret', 'metadata: {name: kafka-secrets}', 'type: Opaque', 'stringData:', `  sasl: ${SECRET_VALUE}`, 'data:', `  password: ${Buffer.from(SECRET_VALUE).toString('base64')}`);

describe('keda.sh/v1alpha1 ScaledObject', () => {
  it('reads every field with KEDA defaults and the HPA behavior as written', async () => {
    const scenario = await loadKeda({ 'manifests/keda.yaml': `${FULL_SCALED_OBJECT}---\n${TRIGGER_AUTH}` });
    const [so] = scenario.scaledObjects;
    expect(so).toMatchObject({
      name: 'web-so',
      namespace: 'default',
      apiVersion: 'keda.sh/v1alpha1',
      scaleTargetRef: { kind: 'Deployment', name: 'web' },
      pollingIntervalSeconds: 10,
      cooldownPeriodSeconds: 120,
      initialCooldownPeriodSeconds: 60,
      idleReplicaCount: 0,
      minReplicaCount: 2,
      maxReplicaCount: 20,
      fallback: { failureThreshold: 3, replicas: 6, behavior: 'currentReplicasIfHigher' },
      hpaName: 'web-hpa',
      hpaBehavior: { scaleDown: { stabilizationWindowSeconds: 60, policies: [{ type: 'Percent', value: 50, periodSeconds: 30 }] } },
      scalingModifiers: { formula: '(lag + rows) / 2', target: 40, activationTarget: 5, metricType: 'AverageValue' },
      pausedScaleIn: true,
      pausedScaleOut: false,
      forceActivation: true,
    });
    expect(so?.triggers.map((t) => [t.index, t.type, t.name, t.metricType, t.useCachedMetrics])).toEqual([
      [0, 'kafka', 'lag', undefined, true],
      [1, 'prometheus', 'rows', undefined, false],
      [2, 'cpu', undefined, 'Utilization', false],
    ]);
    expect(so?.triggers[0]).toMatchObject({ metadata: { topic: 'orders', lagThreshold: '50' }, authenticationRef: { name: 'kafka-auth' }, source: { line: lineOf(FULL_SCALED_OBJECT, '- type: kafka'), path: 'spec.triggers[0]' } });
    expect(scenario.triggerSources).toEqual([
      { owner: 'web-so', triggerIndex: 0, source: { kind: 'queue', queue: 'orders' } },
      { owner: 'web-so', triggerIndex: 1, source: { kind: 'series', series: 'rows' } },
    ]);
  });

  it('defaults: no behavior (the legacy HPA path), keda-hpa-<name>, Deployment target', async () => {
    const [so] = (await loadKeda({})).scaledObjects;
    expect(so).toMatchObject({ pollingIntervalSeconds: 30, cooldownPeriodSeconds: 300, initialCooldownPeriodSeconds: 0, minReplicaCount: 0, maxReplicaCount: 10, hpaBehavior: null, hpaName: 'keda-hpa-web-so' });
    expect(so?.fallback).toBeUndefined();
    expect(so?.scalingModifiers).toBeUndefined();
    expect(so?.idleReplicaCount).toBeUndefined();
  });

  it('scales a StatefulSet with podManagementPolicy Parallel', async () => {
    const so = BASE_SCALED_OBJECT.replace('scaleTargetRef: {name: web}', 'scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: web}');
    const scenario = await loadKeda({ 'manifests/web.yaml': STATEFUL_SET, 'manifests/keda.yaml': so });
    expect(scenario.workloads[0]).toMatchObject({ kind: 'StatefulSet', statefulSet: { podManagementPolicy: 'Parallel', serviceName: 'web-headless' } });
    expect(scenario.scaledObjects[0]?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web' });
  });

  it('defaults a StatefulSet to OrderedReady, RollingUpdate (partition 0, maxUnavailable 1), minReadySeconds 0; a Deployment has no statefulSet settings', async () => {
    const plain = BASE_DEPLOYMENT.replace('kind: Deployment', 'kind: StatefulSet');
    const so = BASE_SCALED_OBJECT.replace('{name: web}', '{kind: StatefulSet, name: web}');
    expect((await loadKeda({ 'manifests/web.yaml': plain, 'manifests/keda.yaml': so })).workloads[0]?.statefulSet).toEqual({
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: { kind: 'int', value: 1 } } },
      minReadySeconds: 0,
    });
    expect((await loadKeda({})).workloads[0]?.statefulSet).toBeUndefined();
  });
});

describe('keda.k8s.io/v1alpha1 ScaledObject (KEDA v1)', () => {
  it('reads deploymentName as a Deployment target and accepts newer fields', async () => {
    const legacy = lines(
      'apiVersion: keda.k8s.io/v1alpha1',
      'kind: ScaledObject',
      'metadata: {name: web-v1, labels: {deploymentName: web}}',
      'spec:',
      '  scaleTargetRef: {deploymentName: web, containerName: web}',
      '  pollingInterval: 15',
      '  maxReplicaCount: 8',
      '  advanced: {restoreToOriginalReplicaCount: true}',
      '  triggers:',
      '    - type: rabbitmq',
      '      metadata: {host: "amqp://rabbit:5672", queueName: orders, queueLength: "20"}',
      '      authenticationRef: {name: rabbit-auth}',
    );
    const auth = lines('apiVersion: keda.k8s.io/v1alpha1', 'kind: TriggerAuthentication', 'metadata: {name: rabbit-auth}');
    const scenario = await loadKeda({ 'manifests/keda.yaml': `${legacy}---\n${auth}`, 'scenario.yaml': KEDA_SCENARIO.replace(/ {2}triggers:\n.*\n$/, '') });
    expect(scenario.scaledObjects[0]).toMatchObject({
      apiVersion: 'keda.k8s.io/v1alpha1',
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      pollingIntervalSeconds: 15,
      cooldownPeriodSeconds: 300,
      minReplicaCount: 0,
      maxReplicaCount: 8,
      hpaBehavior: null,
      hpaName: 'keda-hpa-web',
    });
    expect(scenario.triggerSources).toEqual([{ owner: 'web-v1', triggerIndex: 0, source: { kind: 'queue', queue: 'orders' } }]);
    // KEDA v1's ScaledObjectSpec has no `advanced`: a warning says it is ignored, the run goes on.
    expect(scenario.warnings).toContainEqual(expect.objectContaining({ field: 'spec.advanced', message: expect.stringMatching(/^unknown field "advanced", ignored \(known here: scaleType, /) }));
  });

  it('a misspelt KEDA v1 field is an error naming the field meant', async () => {
    const legacy = lines(
      'apiVersion: keda.k8s.io/v1alpha1',
      'kind: ScaledObject',
      'metadata: {name: web-v1}',
      'spec:',
      '  scaleTargetRef: {deploymentName: web, containerNme: web}',
      '  cooldownPerod: 30',
      '  triggers:',
      '    - {type: cpu, metadata: {type: Utilization, value: "50"}}',
    );
    const problems = await kedaProblems({ 'manifests/keda.yaml': legacy, 'scenario.yaml': KEDA_SCENARIO.replace(/ {2}triggers:\n.*\n$/, '') });
    expect(problems).toContainEqual(expect.objectContaining({ field: 'spec.cooldownPerod', line: 6, message: 'unknown field "cooldownPerod": did you mean "cooldownPeriod"?' }));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'spec.scaleTargetRef.containerNme', message: 'unknown field "containerNme": did you mean "containerName"?' }));
  });
});

describe('keda.sh/v1alpha1 ScaledJob', () => {
  const SCALED_JOB = lines(
    'apiVersion: keda.sh/v1alpha1',
    'kind: ScaledJob',
    'metadata: {name: image-resizer}',
    'spec:',
    '  pollingInterval: 10',
    '  maxReplicaCount: 50',
    '  successfulJobsHistoryLimit: 5',
    '  scalingStrategy: {strategy: custom, customScalingQueueLengthDeduction: 1, customScalingRunningJobPercentage: "0.5", multipleScalersCalculation: sum}',
    '  jobTargetRef:',
    '    parallelism: 1',
    '    template:',
    '      spec:',
    '        restartPolicy: Never',
    '        containers:',
    '          - name: resizer',
    '            resources: {requests: {cpu: 500m, memory: 256Mi}}',
    '  triggers:',
    '    - type: rabbitmq',
    '      metadata: {protocol: http, queueName: orders, mode: QueueLength, value: "1"}',
  );

  it('reads the ScaledJob, its Jobs’ pod template and how they run', async () => {
    const scenario = await loadKeda({ 'manifests/jobs.yaml': SCALED_JOB, 'scenario.yaml': `${KEDA_SCENARIO}  jobs:\n    image-resizer: {queue: orders, runSeconds: 45}\n` });
    expect(scenario.scaledJobs).toEqual([
      expect.objectContaining({
        name: 'image-resizer',
        jobTemplateName: 'image-resizer',
        pollingIntervalSeconds: 10,
        minReplicaCount: 0,
        maxReplicaCount: 50,
        successfulJobsHistoryLimit: 5,
        failedJobsHistoryLimit: 100,
        scalingStrategy: { strategy: 'custom', customScalingQueueLengthDeduction: 1, customScalingRunningJobPercentage: 0.5, multipleScalersCalculation: 'sum' },
      }),
    ]);
    expect(scenario.jobTemplates).toEqual([expect.objectContaining({ name: 'image-resizer', namespace: 'default' })]);
    expect(scenario.jobTemplates[0]?.template.containers).toEqual([{ name: 'resizer', cpuRequestMillicores: 500, memoryRequestBytes: 268435456, sidecar: false }]);
    expect(scenario.jobRuns).toEqual([{ scaledJob: 'image-resizer', queue: 'orders', messagesPerJob: 1, runSeconds: 45 }]);
    expect(scenario.triggerSources).toContainEqual({ owner: 'image-resizer', triggerIndex: 0, source: { kind: 'queue', queue: 'orders' } });
  });

  it('keeps the bounds KEDA reads: MaxReplicaCount() is maxReplicaCount − minReplicaCount, and a minimum above the maximum is cut to it', async () => {
    const files = (bounds: string) => ({ 'manifests/jobs.yaml': SCALED_JOB.replace('  maxReplicaCount: 50', bounds), 'scenario.yaml': `${KEDA_SCENARIO}  jobs:\n    image-resizer: {queue: orders, runSeconds: 45}\n` });
    const both = await loadKeda(files('  minReplicaCount: 2\n  maxReplicaCount: 10'));
    expect(both.scaledJobs[0]).toMatchObject({ minReplicaCount: 2, maxReplicaCount: 8 });
    const minOnly = await loadKeda(files('  minReplicaCount: 2'));
    expect(minOnly.scaledJobs[0]).toMatchObject({ minReplicaCount: 2, maxReplicaCount: 100 });
    const inverted = await loadKeda(files('  minReplicaCount: 5\n  maxReplicaCount: 3'));
    expect(inverted.scaledJobs[0]).toMatchObject({ minReplicaCount: 3, maxReplicaCount: 3 });
    expect(inverted.warnings).toContainEqual(
      expect.objectContaining({ field: 'spec.minReplicaCount', message: 'minReplicaCount 5 is above maxReplicaCount 3: KEDA keeps 3 Jobs running and starts none beyond them (MinReplicaCount() and MaxReplicaCount() are both 3)' }),
    );
  });
});

describe('TriggerAuthentication and Secret', () => {
  it('are accepted, and a secret value never appears in a warning, an error or the scenario', async () => {
    const scenario = await loadKeda({ 'manifests/keda.yaml': FULL_SCALED_OBJECT, 'manifests/auth.yaml': `${TRIGGER_AUTH}---\n${SECRET}` });
    const encoded = Buffer.from(SECRET_VALUE).toString('base64');
    const text = JSON.stringify(scenario);
    expect(text).not.toContain(SECRET_VALUE);
    expect(text).not.toContain(encoded);
    const badRef = await kedaProblems({ 'manifests/keda.yaml': FULL_SCALED_OBJECT.replace('kafka-auth', 'kafka-auht'), 'manifests/auth.yaml': `${TRIGGER_AUTH}---\n${SECRET}` });
    expect(badRef).toContainEqual(expect.objectContaining({ field: 'spec.triggers[0].authenticationRef.name', hint: 'did you mean "kafka-auth"?' }));
    const badSecret = await kedaProblems({ 'manifests/auth.yaml': `${TRIGGER_AUTH}---\n${SECRET.replace(`sasl: ${SECRET_VALUE}`, `sasl: ${SECRET_VALUE}\n   oops: [${SECRET_VALUE}`)}` });
    expect(badSecret).toContainEqual(expect.objectContaining({ file: 'manifests/auth.yaml', message: expect.stringContaining('YAML') }));
    for (const text of [JSON.stringify(badRef), JSON.stringify(badSecret)]) {
      expect(text).not.toContain(SECRET_VALUE);
      expect(text).not.toContain(encoded);
    }
  });

  it('a ClusterTriggerAuthentication is found cluster-wide', async () => {
    const cluster = lines('apiVersion: keda.sh/v1alpha1', 'kind: ClusterTriggerAuthentication', 'metadata: {name: shared}');
    const so = FULL_SCALED_OBJECT.replace('{name: kafka-auth}', '{name: shared, kind: ClusterTriggerAuthentication}');
    const scenario = await loadKeda({ 'manifests/keda.yaml': `${so}---\n${cluster}` });
    expect(scenario.scaledObjects[0]?.triggers[0]?.authenticationRef).toEqual({ name: 'shared', kind: 'ClusterTriggerAuthentication' });
  });
});

describe('queue workers, start time and faults', () => {
  it('a queue sets the backlog and per-pod rate of the load model', async () => {
    const [load] = (await loadKeda({})).loads;
    expect(load).toMatchObject({ maxRequestsPerSecondPerPod: 20, maxBacklogRequests: Number.POSITIVE_INFINITY, queue: { name: 'orders', messagesPerSecondPerPod: 20, partitions: 3, maxMessages: Number.POSITIVE_INFINITY } });
    const bounded = await loadKeda({ 'scenario.yaml': KEDA_SCENARIO.replace('partitions: 3}', 'maxMessages: 500}') });
    expect(bounded.loads[0]).toMatchObject({ maxBacklogRequests: 500, queue: { maxMessages: 500 } });
    // Without partitions the queue is shared by any number of consumers (RabbitMQ, Redis lists).
    expect(bounded.loads[0]?.queue?.partitions).toBeUndefined();
  });

  it('t = 0 defaults to the first trace bound to a workload (first row minus shift)', async () => {
    const shifted = KEDA_SCENARIO.replace('      valueKind: countPerBucket\n', '      valueKind: countPerBucket\n      shift: 1h\n');
    expect((await loadKeda({})).startEpochSeconds).toBe(1704067200); // 2024-01-01T00:00:00Z
    expect((await loadKeda({ 'scenario.yaml': shifted })).startEpochSeconds).toBe(1704067200 - 3600);
  });

  it('resolves faults given as durations and as clock times of the first day in startTime’s offset', async () => {
    const scenario = await loadKeda({
      'scenario.yaml': KEDA_SCENARIO.replace('spec:\n', 'spec:\n  startTime: "2023-11-16T18:17:03-05:00"\n').concat(
        '  faults:\n',
        '    - scalerUnavailable: {triggerType: prometheus, from: 2h, to: 2h20m, message: "prometheus unreachable"}\n',
        '    - scalerUnavailable: {trigger: web-so/rows, from: "20:00", to: "20:20"}\n',
      ),
    });
    expect(scenario.startEpochSeconds).toBe(1700176623);
    expect(scenario.scalerFaults).toEqual([
      { triggerType: 'prometheus', fromSeconds: 7200, toSeconds: 8400, message: 'prometheus unreachable' },
      { owner: 'web-so', triggerIndex: 1, fromSeconds: 6177, toSeconds: 7377, message: 'web-so/rows unavailable (scenario fault spec.faults[1])' },
    ]);
  });

  it('without startTime, clock times are read in the offset of the trace that sets t = 0', async () => {
    const scenario = await loadKeda({
      'traces/web.csv': lines('timestamp,value', '2024-01-01T00:00:00-04:00,60', '2024-01-01T00:01:00-04:00,90'),
      'scenario.yaml': `${KEDA_SCENARIO}  faults:\n    - scalerUnavailable: {triggerType: kafka, from: "02:00", to: "02:20"}\n`,
    });
    expect(scenario.startEpochSeconds).toBe(1704067200 + 4 * 3600);
    expect(scenario.scalerFaults).toEqual([expect.objectContaining({ triggerType: 'kafka', fromSeconds: 7200, toSeconds: 8400 })]);
  });
});

describe('modelled annotations', () => {
  it('autoscaling.keda.sh/paused leaves the ScaledObject out; paused-replicas also sets the replicas', async () => {
    const paused = await loadKeda({ 'manifests/keda.yaml': BASE_SCALED_OBJECT.replace('  name: web-so\n', '  name: web-so\n  annotations: {autoscaling.keda.sh/paused: "true"}\n') });
    expect(paused.scaledObjects).toEqual([]);
    expect(paused.triggerSources).toEqual([]);
    expect(paused.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('ScaledObject web-so is paused'));
    const atThree = await loadKeda({ 'manifests/keda.yaml': BASE_SCALED_OBJECT.replace('  name: web-so\n', '  name: web-so\n  annotations: {autoscaling.keda.sh/paused-replicas: "3"}\n') });
    expect(atThree.scaledObjects).toEqual([]);
    expect(atThree.workloads[0]?.replicas).toBe(3);
  });

  it('reads paused-replicas as strconv.ParseInt does: "+3" is 3, " 3" is refused (no trimming)', async () => {
    const annotated = (value: string) => ({ 'manifests/keda.yaml': BASE_SCALED_OBJECT.replace('  name: web-so\n', `  name: web-so\n  annotations: {autoscaling.keda.sh/paused-replicas: "${value}"}\n`) });
    expect((await loadKeda(annotated('+3'))).workloads[0]?.replicas).toBe(3);
    expect(await kedaProblems(annotated(' 3'))).toContainEqual(expect.objectContaining({ message: expect.stringContaining('" 3" is not a replica count') }));
  });

  it('transfer-hpa-ownership adopts the named HPA, which leaves the scenario', async () => {
    const hpa = lines('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata: {name: web}', 'spec:', '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}', '  maxReplicas: 5');
    const so = BASE_SCALED_OBJECT.replace('  name: web-so\n', '  name: web-so\n  annotations: {scaledobject.keda.sh/transfer-hpa-ownership: "true"}\n').replace(
      '  maxReplicaCount: 10\n',
      '  maxReplicaCount: 10\n  advanced: {horizontalPodAutoscalerConfig: {name: web}}\n',
    );
    const scenario = await loadKeda({ 'manifests/web.yaml': `${BASE_DEPLOYMENT}---\n${hpa}`, 'manifests/keda.yaml': so });
    expect(scenario.hpas).toEqual([]);
    expect(scenario.scaledObjects[0]?.hpaName).toBe('web');
  });
});

const CRON_TRIGGER = ['    - type: cron', '      metadata: {timezone: UTC, start: "0 8 * * *", end: "0 18 * * *", desiredReplicas: "4"}'];

describe('a cron trigger', () => {
  it('reads the clock: it needs no trigger source', async () => {
    const scenario = await loadKeda({ 'manifests/keda.yaml': scaledObject('web-so', ['  minReplicaCount: 1'], [...KAFKA_TRIGGER, ...PROMETHEUS_TRIGGER, ...CRON_TRIGGER]) });
    expect(scenario.triggerSources.map((s) => s.triggerIndex)).toEqual([0, 1]);
  });

  it('loadScenario never throws anything but UserInputError for KEDA input', async () => {
    await expect(loadKeda({ 'manifests/keda.yaml': 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: x}\nspec: 7\n' })).rejects.toSatisfy(isUserInputError);
  });
});

describe('KEDA warnings (not errors)', () => {
  it.each([
    [
      'a ScaledObject target without a load model',
      { 'scenario.yaml': KEDA_SCENARIO.replace(/ {2}workloads:[\s\S]*$/, '  duration: 1h\n'), 'manifests/keda.yaml': scaledObject('web-so', ['  minReplicaCount: 1'], CRON_TRIGGER) },
      'has no load model',
    ],
    ['an unknown autoscaling.keda.sh annotation', { 'manifests/keda.yaml': BASE_SCALED_OBJECT.replace('  name: web-so\n', '  name: web-so\n  annotations: {autoscaling.keda.sh/paused-scale-up: "true"}\n') }, 'is not known to the simulator'],
    ['idleReplicaCount 0 with minReplicaCount 0', { 'manifests/keda.yaml': BASE_SCALED_OBJECT.replace('  maxReplicaCount: 10\n', '  maxReplicaCount: 10\n  minReplicaCount: 0\n  idleReplicaCount: 0\n') }, 'has no effect'],
    ['a fault on a trigger type nothing uses', { 'scenario.yaml': `${KEDA_SCENARIO}  faults:\n    - scalerUnavailable: {triggerType: mysql, from: 1h, to: 2h}\n` }, 'no trigger of type mysql'],
  ])('%s', async (_name, files, fragment) => {
    const scenario = await loadKeda(files);
    expect(scenario.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining(fragment));
  });

  it('a trigger metadata key the simulation cannot honour is a warning at its line, and the trigger still runs', async () => {
    const files = { 'manifests/keda.yaml': BASE_SCALED_OBJECT.replace('topic: orders, ', 'topic: orders, partitionLimitation: "0", ').replace('consumerGroup: workers, topic: orders', 'consumerGroupFromEnv: GROUP, topic: orders') };
    const scenario = await loadKeda(files);
    const warning = scenario.warnings.find((w) => w.field === 'spec.triggers[0].metadata.consumerGroupFromEnv');
    expect(warning).toMatchObject({ file: expect.stringMatching(/manifests\/keda\.yaml$/), line: lineOf(files['manifests/keda.yaml'], 'consumerGroupFromEnv') });
    expect(warning?.message).toMatch(/^kafka trigger: no consumerGroup \(consumerGroupFromEnv: container web has no GROUP\): the lag is read from the queue the topic names/);
    expect(scenario.scaledObjects[0]!.triggers).toHaveLength(2);
  });
});

describe("the HPA KEDA made, exported beside its ScaledObject", () => {
  const KEDA_HPA = lines(
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata:',
    '  name: keda-hpa-web-so',
    '  labels: {app.kubernetes.io/managed-by: keda-operator}',
    '  ownerReferences:',
    '    - {apiVersion: keda.sh/v1alpha1, kind: ScaledObject, name: web-so, controller: true, blockOwnerDeletion: true, uid: 3c1d2e4f}',
    'spec:',
    '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}',
    '  maxReplicas: 10',
    '  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 30}}}]',
  );

  it('is ignored with a warning (its owner reference names the ScaledObject), and the ScaledObject makes its own', async () => {
    const scenario = await loadKeda({ 'manifests/keda.yaml': `${BASE_SCALED_OBJECT}---\n${KEDA_HPA}` });
    expect(scenario.scaledObjects.map((so) => so.name)).toEqual(['web-so']);
    expect(scenario.hpas).toEqual([]);
    expect(scenario.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('this HPA is the one KEDA made for ScaledObject web-so'));
  });

  it('an HPA without that controller reference is still the user\'s own, and conflicts with the ScaledObject as in KEDA', async () => {
    const own = KEDA_HPA.replace(/ {2}ownerReferences:\n.*\n/, '');
    expect(await kedaProblems({ 'manifests/keda.yaml': `${BASE_SCALED_OBJECT}---\n${own}` })).toContainEqual(expect.objectContaining({ message: expect.stringContaining("is already managed by the hpa 'keda-hpa-web-so'") }));
  });
});
