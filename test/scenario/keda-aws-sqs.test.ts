/**
 * An aws-sqs-queue trigger through the loader and a run: its queueURL names the scenario queue it
 * reads (the path's last part, or queueURLFromEnv from the target container's env), and its
 * generated HPA scales the queue worker on visible + in-flight messages per pod.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import { MemoryTableSink } from '../../src/report/table-sink.js';
import { BASE_DEPLOYMENT } from './helpers/base-scenario.js';
import { KEDA_SCENARIO, kedaProblems, loadKeda, scaledObject } from './helpers/keda-scenario.js';

const SCENARIO = KEDA_SCENARIO.replace('  triggers:\n    web-so/1: {series: rows}\n', '');
const sqs = (metadata: string, deployment = BASE_DEPLOYMENT, auth = '') => ({
  'scenario.yaml': SCENARIO,
  'manifests/web.yaml': deployment,
  'manifests/keda.yaml': scaledObject('web-so', ['  maxReplicaCount: 30'], ['    - type: aws-sqs-queue', `      metadata: {${metadata}}`, ...(auth === '' ? [] : ['      authenticationRef: {name: aws-auth}'])]) + auth,
});
/** A TriggerAuthentication `aws-auth` whose env parameters are `params` (parameter: value). */
const AUTH = (params: Record<string, string>) =>
  ['---', 'apiVersion: keda.sh/v1alpha1', 'kind: TriggerAuthentication', 'metadata: {name: aws-auth}', 'spec:', '  secretTargetRef: []', `  env: [${Object.entries(params).map(([p, v]) => `{parameter: ${p}, name: ${v}}`).join(', ')}]`, ''].join('\n');

describe('aws-sqs-queue in a scenario', () => {
  it('reads the scenario queue its queueURL names', async () => {
    const scenario = await loadKeda(sqs('queueURL: "https://sqs.eu-west-1.amazonaws.com/123456789012/orders", awsRegion: eu-west-1, queueLength: "5"'));
    expect(scenario.triggerSources).toEqual([{ owner: 'web-so', triggerIndex: 0, source: { kind: 'queue', queue: 'orders' } }]);
  });

  it('takes queueURL from the container env with queueURLFromEnv', async () => {
    const deployment = BASE_DEPLOYMENT.replace('        - name: web\n', '        - name: web\n          env: [{name: QUEUE_URL, value: "https://sqs.eu-west-1.amazonaws.com/123456789012/orders"}]\n');
    const scenario = await loadKeda(sqs('queueURLFromEnv: QUEUE_URL, awsRegion: eu-west-1', deployment));
    expect(scenario.triggerSources[0]!.source).toEqual({ kind: 'queue', queue: 'orders' });
  });

  it('refuses a trigger without awsRegion in the metadata or the TriggerAuthentication (TypedConfig requires it)', async () => {
    const problems = await kedaProblems(sqs('queueURL: orders'));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'spec.triggers[0].metadata', message: 'aws-sqs-queue trigger: missing required parameter "awsRegion" (no authenticationRef): KEDA fails to build this scaler', hint: 'set awsRegion, the AWS region, in the metadata or the TriggerAuthentication' }));
    const lacking = await kedaProblems(sqs('queueURL: orders', BASE_DEPLOYMENT, AUTH({ awsAccessKeyID: 'AWS_KEY' })));
    expect(lacking).toContainEqual(expect.objectContaining({ field: 'spec.triggers[0].metadata', message: expect.stringContaining('(the authenticationRef gives no awsRegion)') }));
  });

  it('warns, not refuses, when a source the simulation cannot read may give awsRegion (a vault, a Secret not in the manifests)', async () => {
    const vault = ['---', 'apiVersion: keda.sh/v1alpha1', 'kind: TriggerAuthentication', 'metadata: {name: aws-auth}', 'spec:', '  hashiCorpVault: {address: "http://vault:8200", authentication: token, secrets: [{parameter: awsRegion, key: region, path: secret/aws}]}', ''].join('\n');
    const fromVault = await loadKeda(sqs('queueURL: orders', BASE_DEPLOYMENT, vault));
    expect(fromVault.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('cannot tell whether the required parameter "awsRegion" is given'));
    const secretRef = ['---', 'apiVersion: keda.sh/v1alpha1', 'kind: TriggerAuthentication', 'metadata: {name: aws-auth}', 'spec:', '  secretTargetRef: [{parameter: awsRegion, name: aws-secrets, key: region}]', ''].join('\n');
    const fromMissingSecret = await loadKeda(sqs('queueURL: orders', BASE_DEPLOYMENT, secretRef));
    expect(fromMissingSecret.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('cannot tell whether the required parameter "awsRegion" is given'));
  });

  it('takes awsRegion from the TriggerAuthentication', async () => {
    const deployment = BASE_DEPLOYMENT.replace('        - name: web\n', '        - name: web\n          env: [{name: AWS_REGION, value: eu-west-1}]\n');
    const scenario = await loadKeda(sqs('queueURL: orders', deployment, AUTH({ awsRegion: 'AWS_REGION' })));
    expect(scenario.triggerSources[0]!.source).toEqual({ kind: 'queue', queue: 'orders' });
  });

  it('refuses a queueURL whose path gives no queue name, at its key', async () => {
    const problems = await kedaProblems(sqs('queueURL: "https://sqs.eu-west-1.amazonaws.com/orders", awsRegion: eu-west-1'));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'spec.triggers[0].metadata.queueURL', message: expect.stringContaining('cannot get queueName from queueURL') }));
  });

  it('reads visible + in-flight messages at each poll: with scaleOnInFlight the length grows by the messages consumers hold', async () => {
    // A steady 100 messages a second, each taking 2 s: consumers hold messages in flight.
    const steady = ['timestamp,value', ...Array.from({ length: 61 }, (_, m) => `2024-01-01T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00Z,6000`)].join('\n');
    const scenario = SCENARIO.replace('      cpuMillicoreSecondsPerRequest: 20\n', '      cpuMillicoreSecondsPerRequest: 20\n      serviceTimeSeconds: 2\n');
    const run = async (inFlight: string) => {
      const loaded = await loadKeda({ ...sqs(`queueURL: orders, awsRegion: eu-west-1, queueLength: "20", scaleOnInFlight: "${inFlight}"`), 'scenario.yaml': scenario, 'traces/web.csv': steady });
      const sinks = new Map<string, MemoryTableSink>();
      const { summary } = runScenario({ ...loaded, durationSeconds: 3600 }, {
        tables: (table, header) => {
          const sink = new MemoryTableSink(header);
          sinks.set(table, sink);
          return sink;
        },
      });
      const polls = sinks.get('decisions.csv')!.text().split('\n').filter((l) => l.includes(',keda,'));
      return { summary, polls };
    };
    const counted = await run('true');
    const visibleOnly = await run('false');
    expect(counted.polls.some((l) => l.includes('(visible + in flight)'))).toBe(true);
    expect(visibleOnly.polls.some((l) => l.includes('(visible only)'))).toBe(true);
    // Each poll's length by time; the runs are the same until in-flight messages are first counted.
    const lengths = (r: typeof counted) => new Map(r.polls.map((l) => [l.split(',')[0]!, Number(/queue length (\d+)/.exec(l)?.[1])]));
    const withInFlight = lengths(counted);
    const without = lengths(visibleOnly);
    const first = [...withInFlight.keys()].find((t) => withInFlight.get(t) !== without.get(t));
    expect(first).toBeDefined();
    // There the counted length is the visible one plus the messages the consumers hold.
    expect(withInFlight.get(first!)!).toBeGreaterThan(without.get(first!)!);
    expect(without.get(first!)!).toBeGreaterThanOrEqual(0);
  });
});
