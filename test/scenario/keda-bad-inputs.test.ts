/**
 * Bad KEDA inputs: each case edits one file of the small valid KEDA scenario (helpers/keda-scenario.ts)
 * and expects loadScenario to reject it with a problem naming the file, the 1-based line, the field,
 * what is wrong and, where there is one, how to fix it.
 */
import { describe, expect, it } from 'vitest';
import { BASE_DEPLOYMENT } from './helpers/base-scenario.js';
import { BASE_SCALED_OBJECT, KAFKA_TRIGGER, KEDA_SCENARIO, PROMETHEUS_TRIGGER, kedaProblems, lineOf, scaledObject } from './helpers/keda-scenario.js';
import { lines, type FolderFiles } from './helpers/scenario-folder.js';

interface Expected {
  file: string;
  line: number;
  /** 1-based, when the case checks it. */
  column?: number;
  field?: string;
  message: string;
  hint?: string;
}

interface BadCase {
  name: string;
  files: FolderFiles;
  expected: Expected;
}

const KEDA_YAML = 'manifests/keda.yaml';
const SCENARIO = 'scenario.yaml';
const CPU_TRIGGER = ['    - type: cpu', '      metricType: Utilization', '      metadata: {value: "70"}'];
const HPA = lines('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata: {name: web}', 'spec:', '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}', '  maxReplicas: 5');
const SCALED_JOB = lines(
  'apiVersion: keda.sh/v1alpha1',
  'kind: ScaledJob',
  'metadata: {name: resizer}',
  'spec:',
  '  jobTargetRef:',
  '    template: {spec: {containers: [{name: resizer}]}}',
  '  triggers:',
  '    - type: redis',
  '      metadata: {address: "redis:6379", listName: orders}',
);

/** The line holding `at`, or holding at[0] after the line holding at[1]. */
function lineAt(content: string, at: string | [string, string]): number {
  return typeof at === 'string' ? lineOf(content, at) : lineOf(content, at[0], lineOf(content, at[1]));
}

/** A case on manifests/keda.yaml: `content` replaces it, the problem is on the line of `at`. */
function onScaledObject(name: string, content: string, at: string | [string, string], expected: Omit<Expected, 'file' | 'line'>): BadCase {
  return { name, files: { [KEDA_YAML]: content }, expected: { file: KEDA_YAML, line: lineAt(content, at), ...expected } };
}

/** A case on scenario.yaml. */
function onScenario(name: string, content: string, at: string, expected: Omit<Expected, 'file' | 'line'>, files: FolderFiles = {}): BadCase {
  return { name, files: { [SCENARIO]: content, ...files }, expected: { file: SCENARIO, line: lineOf(content, at), ...expected } };
}

const so = (spec: string[], triggers: string[] = [...KAFKA_TRIGGER, ...PROMETHEUS_TRIGGER], metadata: string[] = []) => scaledObject('web-so', spec, triggers, metadata);
const withFaults = (...items: string[]) => `${KEDA_SCENARIO}  faults:\n${items.map((i) => `    - ${i}\n`).join('')}`;

const CASES: BadCase[] = [
  onScaledObject('unknown trigger type', BASE_SCALED_OBJECT.replace('type: kafka', 'type: kafak'), 'type: kafak', {
    field: 'spec.triggers[0].type',
    message: 'unknown trigger type "kafak"',
    hint: 'did you mean "kafka"? supported trigger types: aws-sqs-queue, azure-queue, azure-servicebus, cpu, cron, gcp-pubsub, kafka, memory, metrics-api, mysql, nats-jetstream, postgresql, prometheus, rabbitmq, redis, redis-cluster, redis-cluster-streams, redis-sentinel, redis-sentinel-streams, redis-streams',
  }),
  onScaledObject('missing required metadata field', BASE_SCALED_OBJECT.replace(', threshold: "100"', ''), 'query: "sum(rows)"', {
    field: 'spec.triggers[1].metadata.threshold',
    message: 'required',
  }),
  onScaledObject('non-string metadata value', BASE_SCALED_OBJECT.replace('lagThreshold: "50"', 'lagThreshold: 50'), 'lagThreshold: 50', {
    field: 'spec.triggers[0].metadata.lagThreshold',
    message: 'expected a string, got 50',
    hint: 'quote it: lagThreshold: "50"',
  }),
  onScaledObject('invalid metadata value', BASE_SCALED_OBJECT.replace('lagThreshold: "50"', 'lagThreshold: "lots"'), 'lagThreshold', {
    field: 'spec.triggers[0].metadata.lagThreshold',
    message: 'expected an integer > 0, got "lots"',
  }),
  onScaledObject('minReplicaCount > maxReplicaCount', so(['  minReplicaCount: 20', '  maxReplicaCount: 10']), 'minReplicaCount', {
    field: 'spec.minReplicaCount',
    message: 'MinReplicaCount=20 must be less than MaxReplicaCount=10',
  }),
  onScaledObject('idleReplicaCount ≥ minReplicaCount', so(['  idleReplicaCount: 2', '  minReplicaCount: 2']), 'idleReplicaCount', {
    field: 'spec.idleReplicaCount',
    message: 'IdleReplicaCount=2 must be less than MinReplicaCount=2',
  }),
  onScaledObject('idleReplicaCount without minReplicaCount', so(['  idleReplicaCount: 0']), 'idleReplicaCount', {
    field: 'spec.idleReplicaCount',
    message: 'IdleReplicaCount=0 must be less than MinReplicaCount=0',
    hint: 'set minReplicaCount ≥ 1',
  }),
  onScaledObject('formula that does not parse', so(['  advanced:', '    scalingModifiers: {formula: "lag + * rows", target: "10"}']), 'formula', {
    field: 'spec.advanced.scalingModifiers.formula',
    column: '    scalingModifiers: {formula: "lag + '.length + 1, // at the `*`
    message: 'syntax error: Expected expression after + (column 7 of the formula)',
  }),
  onScaledObject('formula naming a trigger that does not exist', so(['  advanced:', '    scalingModifiers: {formula: "lag + rowz", target: "10"}']), 'formula', {
    field: 'spec.advanced.scalingModifiers.formula',
    message: 'unknown name rowz',
    hint: 'lag, rows',
  }),
  onScaledObject('scalingModifiers target written as a number', so(['  advanced:', '    scalingModifiers: {formula: "lag", target: 10}']), 'formula', {
    field: 'spec.advanced.scalingModifiers.target',
    message: 'got the number 10',
    hint: 'quote it: "10"',
  }),
  onScaledObject('fallback with only cpu triggers', so(['  minReplicaCount: 1', '  fallback: {failureThreshold: 3, replicas: 4}'], CPU_TRIGGER), 'fallback', {
    field: 'spec.fallback',
    message: 'at least one trigger (that is not cpu or memory) has to have the AverageValue metricType',
  }),
  onScaledObject('fallback behavior scalingModifiers without a formula', so(['  minReplicaCount: 1', '  fallback: {failureThreshold: 3, replicas: 4, behavior: scalingModifiers}']), 'fallback', {
    field: 'spec.fallback.behavior',
    message: 'fallback behavior scalingModifiers needs advanced.scalingModifiers with a formula',
  }),
  onScaledObject('a formula giving a bool (KEDA wraps it in float(…))', so(['  advanced:', '    scalingModifiers: {formula: "lag > 1", target: "10"}']), 'formula', {
    field: 'spec.advanced.scalingModifiers.formula',
    message: 'invalid argument for float (type bool)',
  }),
  onScaledObject('metricType Utilization on a prometheus trigger', BASE_SCALED_OBJECT.replace('      name: rows\n', '      name: rows\n      metricType: Utilization\n'), 'metricType', {
    field: 'spec.triggers[1].metricType',
    message: 'metricType Utilization is only for cpu and memory triggers',
    hint: 'AverageValue',
  }),
  onScaledObject('useCachedMetrics on a cpu trigger', so(['  minReplicaCount: 1'], [...CPU_TRIGGER, '      useCachedMetrics: true']), 'useCachedMetrics', {
    field: 'spec.triggers[0].useCachedMetrics',
    message: 'not supported for the cpu scaler',
  }),
  onScaledObject('only cpu triggers with minReplicaCount 0', so([], CPU_TRIGGER), 'spec:', {
    field: 'spec.minReplicaCount',
    message: 'scaledobject has only cpu/memory triggers AND minReplica is 0',
  }),
  onScaledObject('two triggers with one name', BASE_SCALED_OBJECT.replace('name: rows', 'name: lag'), ['name: lag', 'type: prometheus'], {
    field: 'spec.triggers[1].name',
    message: 'trigger name "lag" is already used by spec.triggers[0]; trigger names must be unique',
  }),
  onScaledObject('scaleTargetRef to a missing Deployment', BASE_SCALED_OBJECT.replace('{name: web}', '{name: webb}'), 'scaleTargetRef', {
    field: 'spec.scaleTargetRef',
    message: 'no Deployment "webb" in namespace "default"',
    hint: 'did you mean "web"?',
  }),
  onScaledObject('ScaledObject and HPA on the same Deployment', `${BASE_SCALED_OBJECT}---\n${HPA}`, 'scaleTargetRef', {
    field: 'spec.scaleTargetRef.name',
    message: "the workload 'web' of type 'Deployment' is already managed by the hpa 'web'",
    hint: 'transfer-hpa-ownership',
  }),
  onScaledObject('two ScaledObjects on one Deployment', `${BASE_SCALED_OBJECT}---\n${scaledObject('web-so-2', [], KAFKA_TRIGGER)}`, ['scaleTargetRef', 'web-so-2'], {
    field: 'spec.scaleTargetRef.name',
    message: "already managed by the ScaledObject 'web-so'",
  }),
  onScaledObject('authenticationRef to no TriggerAuthentication', BASE_SCALED_OBJECT.replace('      name: lag\n', '      name: lag\n      authenticationRef: {name: kafka-auth}\n'), 'authenticationRef', {
    field: 'spec.triggers[0].authenticationRef.name',
    message: 'no TriggerAuthentication "kafka-auth" in namespace "default"',
    hint: 'add a keda.sh/v1alpha1 TriggerAuthentication named kafka-auth',
  }),
  onScaledObject('queue trigger with no matching queue', BASE_SCALED_OBJECT.replace('topic: orders', 'topic: orderz'), 'topic: orderz', {
    field: 'spec.triggers[0].metadata',
    message: 'reads queue "orderz", but no workload in scenario.yaml has a queue of that name',
    hint: 'did you mean "orders"?',
  }),
  {
    name: 'prometheus trigger with no spec.triggers source',
    files: { [SCENARIO]: KEDA_SCENARIO.replace('  triggers:\n    web-so/1: {series: rows}\n', '') },
    expected: { file: KEDA_YAML, line: lineOf(BASE_SCALED_OBJECT, 'type: prometheus'), field: 'spec.triggers[1]', message: 'queries a metric source', hint: '"web-so/1": { series: <a spec.series name> }' },
  },
  onScaledObject('KEDA v1 scaleType job', lines('apiVersion: keda.k8s.io/v1alpha1', 'kind: ScaledObject', 'metadata: {name: old}', 'spec:', '  scaleType: job', '  triggers: []'), 'scaleType', {
    field: 'spec.scaleType',
    message: 'scaleType job (KEDA v1 jobs) is not supported',
    hint: 'ScaledJob',
  }),
  onScenario('spec.triggers key naming an unknown ScaledObject', KEDA_SCENARIO.replace('web-so/1:', 'web-sq/1:'), 'web-sq/1', {
    field: 'spec.triggers["web-sq/1"]',
    message: 'no ScaledObject or ScaledJob named "web-sq"',
    hint: 'did you mean "web-so"?',
  }),
  onScenario('spec.triggers entry naming an unknown series', KEDA_SCENARIO.replace('{series: rows}', '{series: rowz}'), 'series: rowz', {
    field: 'spec.triggers["web-so/1"].series',
    message: 'series "rowz" is not defined under spec.series',
    hint: 'did you mean "rows"?',
  }),
  onScenario('fault naming an unknown trigger', withFaults('scalerUnavailable: {trigger: web-so/9, from: 1h, to: 2h}'), 'web-so/9', {
    field: 'spec.faults[0].scalerUnavailable.trigger',
    message: 'ScaledObject web-so has 2 trigger(s); index 9 is out of range',
  }),
  onScenario('fault naming an unknown trigger type', withFaults('scalerUnavailable: {triggerType: promethues, from: 1h, to: 2h}'), 'promethues', {
    field: 'spec.faults[0].scalerUnavailable.triggerType',
    message: 'unknown trigger type "promethues"',
    hint: 'did you mean "prometheus"?',
  }),
  onScenario('fault that ends before it starts', withFaults('scalerUnavailable: {triggerType: kafka, from: 2h, to: 1h}'), 'kafka', {
    field: 'spec.faults[0].scalerUnavailable.to',
    message: 'the fault must end after it starts',
  }),
  onScenario('fault at a clock time before the start', withFaults('scalerUnavailable: {triggerType: kafka, from: "00:00", to: "00:10"}').replace('spec:\n', 'spec:\n  startTime: "2024-01-01T08:00:00Z"\n'), 'from: "00:00"', {
    field: 'spec.faults[0].scalerUnavailable.from',
    message: 'clock time 00:00 on the first day is 28800 s before the run starts',
  }),
  {
    name: 'ScaledJob without a spec.jobs entry',
    files: { 'manifests/jobs.yaml': SCALED_JOB },
    expected: { file: 'manifests/jobs.yaml', line: 3, field: 'metadata.name', message: 'ScaledJob resizer has no spec.jobs entry', hint: '{ resizer: { queue: orders, messagesPerJob: 1, runSeconds: <seconds> } }' },
  },
  {
    name: 'a ScaledJob with the name of a ScaledObject',
    files: { 'manifests/jobs.yaml': SCALED_JOB.replace('name: resizer', 'name: web-so') },
    expected: { file: 'manifests/jobs.yaml', line: 3, field: 'metadata.name', message: 'the name "web-so" is also used by ScaledObject web-so', hint: 'scenario.yaml refers to them by name alone' },
  },
  onScenario('spec.jobs entry with an unknown queue', `${KEDA_SCENARIO}  jobs:\n    resizer: {queue: uploads, runSeconds: 30}\n`, 'uploads', {
    field: 'spec.jobs.resizer.queue',
    message: 'no workload has a queue named "uploads"',
  }, { 'manifests/jobs.yaml': SCALED_JOB }),
  onScenario('queue beside maxBacklogRequests', KEDA_SCENARIO.replace('      queue:', '      maxBacklogRequests: 100\n      queue:'), 'maxBacklogRequests', {
    field: 'spec.workloads.web.maxBacklogRequests',
    message: 'maxBacklogRequests is ambiguous beside queue',
    hint: 'queue.maxMessages',
  }),
  {
    name: 'cpu trigger on a container without a cpu request',
    files: { [KEDA_YAML]: so(['  minReplicaCount: 1'], [...KAFKA_TRIGGER, ...CPU_TRIGGER]), 'manifests/web.yaml': BASE_DEPLOYMENT.replace('{cpu: 100m, memory: 64Mi}', '{memory: 64Mi}') },
    expected: { file: 'manifests/web.yaml', line: 15, field: 'spec.template.spec.containers[0].resources.requests.cpu', message: "the scaledobject has a cpu trigger but the container web doesn't have the cpu request defined" },
  },
];

describe('loadScenario rejects bad KEDA input with located problems', () => {
  it('has a table of at least 15 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, { files, expected }) => {
    const problems = await kedaProblems(files);
    const { message, hint, ...where } = expected;
    expect(problems).toContainEqual(
      expect.objectContaining({ ...where, message: expect.stringContaining(message), ...(hint ? { hint: expect.stringContaining(hint) } : {}) }),
    );
  });

  it('reports the problems of several KEDA objects and scenario.yaml in one pass', async () => {
    const problems = await kedaProblems({
      [KEDA_YAML]: BASE_SCALED_OBJECT.replace('type: kafka', 'type: kafak').replace('threshold: "100"', 'threshold: 100'),
      [SCENARIO]: withFaults('scalerUnavailable: {trigger: nobody/0, from: 1h, to: 2h}'),
      'manifests/jobs.yaml': SCALED_JOB,
    });
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual(
      expect.arrayContaining([
        `${KEDA_YAML} spec.triggers[0].type`,
        `${KEDA_YAML} spec.triggers[1].metadata.threshold`,
        `${SCENARIO} spec.faults[0].scalerUnavailable.trigger`,
        'manifests/jobs.yaml metadata.name',
      ]),
    );
  });

  it('does not report a reference to a ScaledObject that could not be read as a missing one', async () => {
    const broken = BASE_SCALED_OBJECT.replace('  maxReplicaCount: 10', '  maxReplicaCount: 10\n  pollingInterval: "30"');
    const problems = await kedaProblems({ [KEDA_YAML]: broken, [SCENARIO]: withFaults('scalerUnavailable: {trigger: web-so/0, from: 1h, to: 2h}') });
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual([`${KEDA_YAML} spec.pollingInterval`]);
  });

  it('does not report a queue with a problem of its own as missing, nor its trace as unused', async () => {
    const { folderProblems } = await import('./helpers/scenario-folder.js');
    const { kedaFiles } = await import('./helpers/keda-scenario.js');
    const files = kedaFiles();
    const scenario = KEDA_SCENARIO.replace('partitions: 3', 'partitions: 0');
    const problems = await folderProblems({ ...files, [SCENARIO]: scenario });
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual([`${SCENARIO} spec.workloads.web.queue.partitions`]);
  });
});

