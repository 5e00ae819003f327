/**
 * Trigger parameters from a TriggerAuthentication (src/scenario/keda/resolve-auth-params.ts,
 * resolver.resolveAuthRef): rabbitmq's host, whose URL scheme picks the protocol `auto` takes, read
 * from the manifests' Secrets and ConfigMaps (the KEDA docs' RabbitMQ example), in the key's order
 * triggerMetadata, authParams, resolvedEnv.
 */
import { describe, expect, it } from 'vitest';
import { rabbitmqScaler } from '../../src/autoscalers/keda/scalers/rabbitmq.js';
import type { Scenario } from '../../src/scenario/types.js';
import { BASE_DEPLOYMENT } from './helpers/base-scenario.js';
import { KEDA_SCENARIO, kedaProblems, loadKeda, scaledObject } from './helpers/keda-scenario.js';

const rabbitTrigger = (metadata: string, auth = 'keda-trigger-auth-rabbitmq-conn', kind = '') => [
  '    - type: rabbitmq',
  `      metadata: {queueName: orders, mode: QueueLength, value: "5"${metadata}}`,
  `      authenticationRef: {name: ${auth}${kind}}`,
];

const AUTH = [
  '---',
  'apiVersion: keda.sh/v1alpha1',
  'kind: TriggerAuthentication',
  'metadata: {name: keda-trigger-auth-rabbitmq-conn}',
  'spec:',
  '  secretTargetRef: [{parameter: host, name: keda-rabbitmq-secret, key: host}]',
  '',
].join('\n');
// "amqp://guest:password@rabbitmq.default.svc.cluster.local:5672/vhost", base64, as the KEDA docs' example Secret holds it.
const SECRET = ['---', 'apiVersion: v1', 'kind: Secret', 'metadata: {name: keda-rabbitmq-secret}', 'data: {host: YW1xcDovL2d1ZXN0OnBhc3N3b3JkQHJhYmJpdG1xLmRlZmF1bHQuc3ZjLmNsdXN0ZXIubG9jYWw6NTY3Mi92aG9zdA==}', ''].join('\n');

async function load(extra: string, metadata = '', env = ''): Promise<Scenario> {
  return loadKeda({
    'manifests/web.yaml': `${BASE_DEPLOYMENT}${env}`,
    'manifests/keda.yaml': `${scaledObject('web-so', ['  maxReplicaCount: 10'], rabbitTrigger(metadata))}${extra}`,
    'scenario.yaml': KEDA_SCENARIO.replace('  triggers:\n    web-so/1: {series: rows}\n', ''),
  });
}

/** The protocol the rabbitmq scaler reads from the trigger's metadata as the scenario resolved it. */
function protocolOf(s: Scenario): string | undefined {
  const result = rabbitmqScaler.parse({ metadata: s.scaledObjects[0]!.triggers[0]!.metadata });
  return result.ok ? (result.trigger.config as { protocol?: string }).protocol : undefined;
}

describe('rabbitmq host from the TriggerAuthentication (authParams)', () => {
  it("reads the Secret the secretTargetRef names: an amqp host makes protocol auto amqp (ready messages only), with no warning", async () => {
    const scenario = await load(`${AUTH}${SECRET}`);
    expect(protocolOf(scenario)).toBe('amqp');
    expect(scenario.warnings.filter((w) => w.field?.startsWith('spec.triggers'))).toEqual([]);
  });

  it('without the Secret, warns that the host is unseen and auto takes http', async () => {
    const scenario = await load(AUTH);
    expect(protocolOf(scenario)).toBe('http');
    const warning = scenario.warnings.find((w) => w.field === 'spec.triggers[0].authenticationRef.name');
    expect(warning?.message).toBe(
      'rabbitmq trigger: no host (authenticationRef: TriggerAuthentication keda-trigger-auth-rabbitmq-conn reads Secret keda-rabbitmq-secret key host, but Secret default/keda-rabbitmq-secret is not in the manifests): protocol auto takes http, which counts ready and unacknowledged messages (amqp counts ready ones only); set host in the metadata, or add what it is read from to the manifests',
    );
  });

  it('a later source of the same parameter wins (env, then configMapTargetRef, then secretTargetRef)', async () => {
    const auth = AUTH.replace('  secretTargetRef:', '  configMapTargetRef: [{parameter: host, name: rabbit, key: url}]\n  secretTargetRef:');
    const configMap = '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: rabbit}\ndata: {url: "http://rabbitmq:15672/"}\n';
    expect(protocolOf(await load(`${auth}${configMap}${SECRET}`))).toBe('amqp');
    expect(protocolOf(await load(`${AUTH.replace('secretTargetRef: [{parameter: host, name: keda-rabbitmq-secret, key: host}]', 'configMapTargetRef: [{parameter: host, name: rabbit, key: url}]')}${configMap}`))).toBe('http');
  });

  it('the metadata host wins over the authentication, which wins over hostFromEnv', async () => {
    expect(protocolOf(await load(`${AUTH}${SECRET}`, ', host: "http://rabbitmq:15672/"'))).toBe('http');
    const env = '          env: [{name: RABBIT, value: "http://rabbitmq:15672/"}]\n';
    expect(protocolOf(await load(`${AUTH}${SECRET}`, ', hostFromEnv: RABBIT', env))).toBe('amqp');
    // Without the Secret, the env gives it, and nothing is warned.
    const fromEnv = await load(AUTH, ', hostFromEnv: RABBIT', env);
    expect(protocolOf(fromEnv)).toBe('http');
    expect(fromEnv.warnings.filter((w) => w.field?.startsWith('spec.triggers'))).toEqual([]);
  });

  it("an env parameter reads the target container's env; a ClusterTriggerAuthentication's Secret lives in KEDA's namespace", async () => {
    const envAuth = AUTH.replace('  secretTargetRef: [{parameter: host, name: keda-rabbitmq-secret, key: host}]', '  env: [{parameter: host, name: RABBIT_URL}]');
    const env = '          env: [{name: RABBIT_URL, value: "amqps://rabbitmq:5671/"}]\n';
    expect(protocolOf(await load(envAuth, '', env))).toBe('amqp');
    const cluster = `${AUTH.replace('kind: TriggerAuthentication', 'kind: ClusterTriggerAuthentication')}${SECRET.replace('metadata: {name: keda-rabbitmq-secret}', 'metadata: {name: keda-rabbitmq-secret, namespace: keda}')}`;
    const scenario = await loadKeda({
      'manifests/web.yaml': BASE_DEPLOYMENT,
      'manifests/keda.yaml': `${scaledObject('web-so', ['  maxReplicaCount: 10'], rabbitTrigger('', 'keda-trigger-auth-rabbitmq-conn', ', kind: ClusterTriggerAuthentication'))}${cluster}`,
      'scenario.yaml': KEDA_SCENARIO.replace('  triggers:\n    web-so/1: {series: rows}\n', ''),
    });
    expect(protocolOf(scenario)).toBe('amqp');
  });

  it('a host the scaler refuses is an error at the authenticationRef that quotes nothing of a Secret', async () => {
    // No scheme: the scaler's message would quote "guest" (the user name) as the scheme.
    const secret = SECRET.replace(/data: \{host: .*\}/, 'stringData: {host: "guest:secret@rabbit:5672"}');
    const problems = await kedaProblems({
      'manifests/web.yaml': BASE_DEPLOYMENT,
      'manifests/keda.yaml': `${scaledObject('web-so', ['  maxReplicaCount: 10'], rabbitTrigger(''))}${AUTH}${secret}`,
      'scenario.yaml': KEDA_SCENARIO.replace('  triggers:\n    web-so/1: {series: rows}\n', ''),
    });
    const problem = problems.find((p) => p.field === 'spec.triggers[0].authenticationRef.name');
    expect(problem?.message).toContain('got scheme "…"');
    expect(problem?.message).toContain('(host from TriggerAuthentication keda-trigger-auth-rabbitmq-conn, a Secret)');
    expect(JSON.stringify(problems)).not.toMatch(/guest|secret@rabbit/);
  });
});
