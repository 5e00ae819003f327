/**
 * The trigger types added with postgresql and metrics-api (series) and redis-streams,
 * nats-jetstream, azure-servicebus, azure-queue and gcp-pubsub (queues) through the loader and a
 * run: each finds its queue by the name its metadata gives (a Pub/Sub subscription's full link by
 * its last part, a Service Bus regex by Go's whole-name match) or its series in scenario.yaml, and
 * its polls read what the queue worker's backlog and in-flight messages make of it.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import { MemoryTableSink } from '../../src/report/table-sink.js';
import { BASE_DEPLOYMENT } from './helpers/base-scenario.js';
import { KEDA_SCENARIO, kedaProblems, loadKeda, scaledObject } from './helpers/keda-scenario.js';

const SCENARIO = KEDA_SCENARIO.replace('  triggers:\n    web-so/1: {series: rows}\n', '');
/** A ScaledObject on web with one trigger of `type` and `metadata` (flow-style YAML). */
const files = (type: string, metadata: string, scenario = SCENARIO) => ({
  'scenario.yaml': scenario,
  'manifests/keda.yaml': scaledObject('web-so', ['  maxReplicaCount: 30'], [`    - type: ${type}`, `      metadata: {${metadata}}`]),
});

/** The KEDA poll rows of decisions.csv over an hour at a steady 100 messages a second, each taking 2 s. */
async function polls(type: string, metadata: string, scenario = SCENARIO): Promise<string[]> {
  const steady = ['timestamp,value', ...Array.from({ length: 61 }, (_, m) => `2024-01-01T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00Z,6000`)].join('\n');
  const withService = scenario.replace('      cpuMillicoreSecondsPerRequest: 20\n', '      cpuMillicoreSecondsPerRequest: 20\n      serviceTimeSeconds: 2\n');
  const loaded = await loadKeda({ ...files(type, metadata, withService), 'traces/web.csv': steady });
  const sinks = new Map<string, MemoryTableSink>();
  runScenario({ ...loaded, durationSeconds: 3600 }, {
    tables: (table, header) => {
      const sink = new MemoryTableSink(header);
      sinks.set(table, sink);
      return sink;
    },
  });
  return sinks.get('decisions.csv')!.text().split('\n').filter((l) => l.includes(',keda,'));
}

describe('more KEDA scalers in a scenario', () => {
  it.each([
    ['redis-streams', 'address: "redis:6379", stream: orders, consumerGroup: workers, lagCount: "10"'],
    ['redis-cluster-streams', 'addresses: "redis-0:6379", stream: orders'],
    ['redis-sentinel', 'addresses: "sentinel:26379", listName: orders'],
    ['nats-jetstream', 'natsServerMonitoringEndpoint: "nats:8222", account: $G, stream: orders, consumer: workers'],
    ['azure-servicebus', 'queueName: orders, connectionFromEnv: SB'],
    ['azure-servicebus', 'topicName: orders, subscriptionName: workers, connectionFromEnv: SB'],
    ['azure-queue', 'queueName: orders, connectionFromEnv: STORAGE'],
    ['gcp-pubsub', 'subscriptionName: projects/p1/subscriptions/orders, credentialsFromEnv: GCP'],
    ['gcp-pubsub', 'subscriptionName: orders, mode: OldestUnackedMessageAge, value: "30"'],
  ])('%s {%s} reads the queue orders', async (type, metadata) => {
    const scenario = await loadKeda(files(type, metadata));
    expect(scenario.triggerSources).toEqual([{ owner: 'web-so', triggerIndex: 0, source: { kind: 'queue', queue: 'orders' } }]);
  });

  it.each([
    ['postgresql', 'query: "select count(*) from jobs", targetQueryValue: "100", connectionFromEnv: PG'],
    ['metrics-api', 'url: "http://api/stats", valueLocation: components.worker.tasks, targetValue: "100"'],
    ['gcp-pubsub', 'topicName: orders, mode: SendRequestCount, value: "100"'],
  ])('%s reads the series scenario.yaml maps it to, and says so when none is', async (type, metadata) => {
    const problems = await kedaProblems(files(type, metadata));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'spec.triggers[0]', message: expect.stringContaining('scenario.yaml must say where its values come from') }));
    const mapped = await loadKeda(files(type, metadata, `${SCENARIO}  series:\n    tasks: {trace: web}\n  triggers:\n    web-so/0: {series: tasks}\n`.replace('  series:\n    rows: {trace: web}\n', '')));
    expect(mapped.triggerSources).toEqual([{ owner: 'web-so', triggerIndex: 0, source: { kind: 'series', series: 'tasks' } }]);
  });

  it('a metrics-api trigger that only feeds scalingModifiers needs no targetValue, as KEDA builds it with AsMetricSource', async () => {
    const scenario = `${SCENARIO}  series:\n    tasks: {trace: web}\n  triggers:\n    web-so/api: {series: tasks}\n`.replace('  series:\n    rows: {trace: web}\n', '');
    const trigger = ['    - type: metrics-api', '      name: api', '      metadata: {url: "http://api/stats", valueLocation: tasks}'];
    const modifiers = ['  advanced:', '    scalingModifiers: {formula: "api / 2", target: "10"}'];
    const loaded = await loadKeda({ 'scenario.yaml': scenario, 'manifests/keda.yaml': scaledObject('web-so', ['  maxReplicaCount: 30', ...modifiers], trigger) });
    expect(loaded.triggerSources).toEqual([{ owner: 'web-so', triggerIndex: 0, source: { kind: 'series', series: 'tasks' } }]);
    const plain = await kedaProblems({ 'scenario.yaml': scenario, 'manifests/keda.yaml': scaledObject('web-so', ['  maxReplicaCount: 30'], trigger) });
    expect(plain).toContainEqual(expect.objectContaining({ field: 'spec.triggers[0].metadata.targetValue', message: 'required: expected a number > 0' }));
    // IsUsingModifiers reads the four fields only: an unknown key (pruned by the API server) is no scalingModifiers.
    const unknownOnly = await kedaProblems({ 'scenario.yaml': scenario, 'manifests/keda.yaml': scaledObject('web-so', ['  maxReplicaCount: 30', '  advanced:', '    scalingModifiers: {foo: x}'], trigger) });
    expect(unknownOnly).toContainEqual(expect.objectContaining({ field: 'spec.triggers[0].metadata.targetValue', message: 'required: expected a number > 0' }));
    // prometheus's threshold stays required under scalingModifiers, but need not be positive: no HPA divides by it.
    const prom = ['    - type: prometheus', '      name: api', '      metadata: {serverAddress: "http://prometheus:9090", query: "sum(rows)", threshold: "0"}'];
    const withZero = await loadKeda({ 'scenario.yaml': scenario, 'manifests/keda.yaml': scaledObject('web-so', ['  maxReplicaCount: 30', ...modifiers], prom) });
    expect(withZero.triggerSources).toHaveLength(1);
    const noThreshold = await kedaProblems({ 'scenario.yaml': scenario, 'manifests/keda.yaml': scaledObject('web-so', ['  maxReplicaCount: 30', ...modifiers], [prom[0]!, prom[1]!, '      metadata: {serverAddress: "http://prometheus:9090", query: "sum(rows)"}']) });
    expect(noThreshold).toContainEqual(expect.objectContaining({ field: 'spec.triggers[0].metadata.threshold', message: 'required: expected a number' }));
  });

  it('gcp-pubsub: a subscriptionNameFromEnv KEDA reads as empty is Validate\'s error at that key; one a missing Secret may set is a warning', async () => {
    const withEnv = (env: string) => ({
      'scenario.yaml': SCENARIO,
      'manifests/web.yaml': BASE_DEPLOYMENT.replace('        - name: web\n', `        - name: web\n          env: [${env}]\n`),
      'manifests/keda.yaml': scaledObject('web-so', ['  maxReplicaCount: 30'], ['    - type: gcp-pubsub', '      metadata: {subscriptionNameFromEnv: SUBSCRIPTION, credentialsFromEnv: GCP}']),
    });
    const resolved = await loadKeda(withEnv('{name: SUBSCRIPTION, value: projects/p1/subscriptions/orders}'));
    expect(resolved.triggerSources).toEqual([{ owner: 'web-so', triggerIndex: 0, source: { kind: 'queue', queue: 'orders' } }]);
    for (const env of ['{name: OTHER, value: x}', '{name: SUBSCRIPTION, value: ""}']) {
      const problems = await kedaProblems(withEnv(env));
      expect(problems).toContainEqual(expect.objectContaining({ field: 'spec.triggers[0].metadata.subscriptionNameFromEnv', message: expect.stringMatching(/^exactly one of subscription or topic name must be given \(subscriptionNameFromEnv: .*so KEDA reads subscriptionName as empty\)$/) }));
    }
    // A Secret or an optional ConfigMap the scenario leaves out may set it in the cluster: no such error.
    for (const env of ['{name: SUBSCRIPTION, valueFrom: {secretKeyRef: {name: gcp-secrets, key: subscription}}}', '{name: SUBSCRIPTION, valueFrom: {configMapKeyRef: {name: pubsub-cfg, key: s, optional: true}}}']) {
      const unseen = await kedaProblems(withEnv(env));
      expect(unseen.filter((p) => p.field === 'spec.triggers[0].metadata.subscriptionNameFromEnv' && p.message.startsWith('exactly one'))).toEqual([]);
    }
    const optionalEnvFrom = await kedaProblems({ ...withEnv('{name: OTHER, value: x}'), 'manifests/web.yaml': BASE_DEPLOYMENT.replace('        - name: web\n', '        - name: web\n          envFrom: [{configMapRef: {name: pubsub-cfg, optional: true}}]\n') });
    expect(optionalEnvFrom.filter((p) => p.field === 'spec.triggers[0].metadata.subscriptionNameFromEnv' && p.message.startsWith('exactly one'))).toEqual([]);
  });

  it('the same for aws-sqs-queue\'s queueURLFromEnv: a variable the container lacks reads as empty, and queueURL is required', async () => {
    const problems = await kedaProblems({ 'scenario.yaml': SCENARIO, 'manifests/keda.yaml': scaledObject('web-so', ['  maxReplicaCount: 30'], ['    - type: aws-sqs-queue', '      metadata: {queueURLFromEnv: QUEUE_URL, awsRegion: eu-west-1}']) });
    expect(problems).toContainEqual(expect.objectContaining({ field: 'spec.triggers[0].metadata.queueURLFromEnv', message: expect.stringContaining('(queueURLFromEnv: container web has no QUEUE_URL, so KEDA reads queueURL as empty)') }));
  });

  it('a Service Bus regex reads the queues Go matches whole, and a refused regex is an error at its key', async () => {
    const scenario = await loadKeda(files('azure-servicebus', 'queueName: "ord.*", useRegex: "true", operation: max, connectionFromEnv: SB'));
    expect(scenario.triggerSources).toEqual([{ owner: 'web-so', triggerIndex: 0, source: { kind: 'queues', queues: ['orders'] } }]);
    const none = await loadKeda(files('azure-servicebus', 'queueName: "rders", useRegex: "true", connectionFromEnv: SB'));
    expect(none.triggerSources[0]!.source).toEqual({ kind: 'queues', queues: [] });
    expect(none.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('matches no queue of the scenario with /rders/'));
    const bad = await kedaProblems(files('azure-servicebus', 'queueName: "orders(?=-eu)", useRegex: "true", connectionFromEnv: SB'));
    expect(bad).toContainEqual(expect.objectContaining({ field: 'spec.triggers[0].metadata.queueName', message: expect.stringContaining('queueName is not a valid regular expression') }));
  });

  it('nats-jetstream without an account in the metadata or the TriggerAuthentication is refused, as KEDA refuses it', async () => {
    const problems = await kedaProblems(files('nats-jetstream', 'natsServerMonitoringEndpoint: "nats:8222", stream: orders, consumer: workers'));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'spec.triggers[0].metadata', message: 'nats-jetstream trigger: missing required parameter "account" or "accountID" (no authenticationRef): KEDA fails to build this scaler' }));
  });

  it('nats-jetstream: an account or accountID from a Secret the manifests lack is a warning (it may be given), either alternative', async () => {
    for (const parameter of ['account', 'accountID']) {
      const auth = ['---', 'apiVersion: keda.sh/v1alpha1', 'kind: TriggerAuthentication', 'metadata: {name: nats-auth}', 'spec:', `  secretTargetRef: [{parameter: ${parameter}, name: nats-secrets, key: account}]`, ''].join('\n');
      const so = scaledObject('web-so', ['  maxReplicaCount: 30'], ['    - type: nats-jetstream', '      metadata: {natsServerMonitoringEndpoint: "nats:8222", stream: orders, consumer: workers}', '      authenticationRef: {name: nats-auth}']);
      const loaded = await loadKeda({ 'scenario.yaml': SCENARIO, 'manifests/keda.yaml': `${so}${auth}` });
      expect(loaded.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('cannot tell whether the required parameter "account" or "accountID" is given'));
    }
  });

  it('reads each count from the same backlog: lag ≤ pending + lag = NATS lag = Service Bus active = Pub/Sub size', async () => {
    const value = (rows: string[], pattern: RegExp) => rows.map((l) => Number(pattern.exec(l)?.[1] ?? NaN));
    const lag = value(await polls('redis-streams', 'stream: orders, consumerGroup: workers, lagCount: "10"'), /consumer group lag (\d+)/);
    const pending = value(await polls('redis-streams', 'stream: orders, consumerGroup: workers'), /pending entries \(XPENDING\) (\d+)/);
    const nats = value(await polls('nats-jetstream', 'natsServerMonitoringEndpoint: "nats:8222", account: $G, stream: orders, consumer: workers'), /lag (\d+) \(pending \+ ack pending\)/);
    const bus = value(await polls('azure-servicebus', 'queueName: orders'), /active messages (\d+) \(waiting \+ locked\)/);
    const pubsub = value(await polls('gcp-pubsub', 'subscriptionName: orders'), /undelivered messages (\d+)/);
    // The runs differ once a trigger's target makes them scale differently: compare the first polls, all at the same state.
    expect(lag.length).toBeGreaterThan(100);
    expect(pending.some((p) => p > 0)).toBe(true);
    expect(nats[0]).toBe(lag[0]! + pending[0]!);
    expect(bus.slice(0, 20)).toEqual(nats.slice(0, 20));
    expect(pubsub.slice(0, 20)).toEqual(nats.slice(0, 20));
  });

  it('reads Pub/Sub’s oldest unacked message age from the backlog’s head', async () => {
    const rows = await polls('gcp-pubsub', 'subscriptionName: orders, mode: OldestUnackedMessageAge, value: "30", activationValue: "5"');
    const ages = rows.map((l) => Number(/oldest unacked message age \(s\) (\d+)/.exec(l)?.[1] ?? NaN));
    expect(ages.every((a) => Number.isInteger(a) && a >= 0)).toBe(true);
    expect(Math.max(...ages)).toBeGreaterThan(2);
  });
});
