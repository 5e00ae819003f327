/**
 * KEDA's `<key>FromEnv` trigger metadata resolved from the scale target's container env when the
 * scenario loads (src/scenario/keda/resolve-trigger-env.ts, resolver.ResolveContainerEnv).
 */
import { describe, expect, it } from 'vitest';
import { BASE_DEPLOYMENT } from './helpers/base-scenario.js';
import { BASE_SCALED_OBJECT, kedaProblems, loadKeda } from './helpers/keda-scenario.js';

describe('<key>FromEnv from the scale target container (resolver.ResolveContainerEnv)', () => {
  const withEnv = (env: string, trigger: string, extra = '') => ({
    'manifests/web.yaml': `${BASE_DEPLOYMENT}          env: ${env}\n${extra}`,
    'manifests/keda.yaml': BASE_SCALED_OBJECT.replace('consumerGroup: workers, topic: orders', trigger),
  });

  it('a literal env value fills the key, with no warning: the trigger runs as if the metadata set it', async () => {
    const scenario = await loadKeda(withEnv('[{name: GROUP, value: workers}, {name: TOPIC, value: orders}]', 'consumerGroupFromEnv: GROUP, topicFromEnv: TOPIC'));
    expect(scenario.warnings.filter((w) => w.field?.includes('FromEnv'))).toEqual([]);
    expect(scenario.scaledObjects[0]!.triggers[0]!.metadata).toMatchObject({ consumerGroup: 'workers', topic: 'orders', consumerGroupFromEnv: 'GROUP' });
    expect(scenario.triggerSources).toContainEqual({ owner: 'web-so', triggerIndex: 0, source: { kind: 'queue', queue: 'orders' } });
  });

  it('the metadata key wins over its FromEnv (order triggerMetadata;resolvedEnv)', async () => {
    const scenario = await loadKeda(withEnv('[{name: TOPIC, value: other}]', 'consumerGroup: workers, topic: orders, topicFromEnv: TOPIC'));
    expect(scenario.scaledObjects[0]!.triggers[0]!.metadata.topic).toBe('orders');
  });

  it('a valueFrom variable, a missing one and an unknown envSourceContainerName are warned about, each saying why', async () => {
    const fromSecret = await loadKeda(withEnv('[{name: GROUP, valueFrom: {secretKeyRef: {name: s, key: k}}}]', 'consumerGroupFromEnv: GROUP, topic: orders'));
    expect(fromSecret.warnings.map((w) => w.message)).toContainEqual(
      expect.stringContaining('kafka trigger: no consumerGroup (consumerGroupFromEnv: GROUP comes from Secret s key k, but Secret default/s is not in the manifests)'),
    );
    const missing = await loadKeda(withEnv('[{name: OTHER, value: x}]', 'consumerGroupFromEnv: GROUP, topic: orders'));
    expect(missing.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('(consumerGroupFromEnv: container web has no GROUP)'));
    const other = await loadKeda(withEnv('[{name: GROUP, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}]', 'consumerGroupFromEnv: GROUP, topic: orders'));
    expect(other.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining("(consumerGroupFromEnv: GROUP comes from a resourceFieldRef, which KEDA's resolver skips)"));
    const named = await loadKeda({
      ...withEnv('[{name: GROUP, value: workers}]', 'consumerGroupFromEnv: GROUP, topic: orders'),
      'manifests/keda.yaml': BASE_SCALED_OBJECT.replace('consumerGroup: workers, topic: orders', 'consumerGroupFromEnv: GROUP, topic: orders').replace('scaleTargetRef: {name: web}', 'scaleTargetRef: {name: web, envSourceContainerName: sidecar}'),
    });
    expect(named.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('(consumerGroupFromEnv: no container named "sidecar" (envSourceContainerName) in the scale target)'));
  });

  const rabbit = (env: string) => ({
    'manifests/web.yaml': `${BASE_DEPLOYMENT}          env: ${env}\n`,
    'manifests/keda.yaml': BASE_SCALED_OBJECT.replace('    - type: kafka', '    - type: rabbitmq').replace('{bootstrapServers: "kafka:9092", consumerGroup: workers, topic: orders, lagThreshold: "50"}', '{queueName: orders, hostFromEnv: RABBIT, mode: QueueLength, value: "5"}'),
  });

  it("rabbitmq's hostFromEnv sets the protocol auto infers; a value it refuses is an error at the FromEnv key, saying it came from the env", async () => {
    const amqp = await loadKeda(rabbit('[{name: RABBIT, value: "amqp://guest:guest@rabbit:5672/"}]'));
    expect(amqp.scaledObjects[0]!.triggers[0]!.metadata.host).toBe('amqp://guest:guest@rabbit:5672/');
    expect(amqp.warnings.filter((w) => w.field?.includes('FromEnv'))).toEqual([]);
    const problems = await kedaProblems(rabbit('[{name: RABBIT, value: "ftp://rabbit"}]'));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'spec.triggers[0].metadata.hostFromEnv', message: expect.stringContaining("(host from the container's env)") }));
  });

  const SECRET = (namespace: string, data: string) => `---\napiVersion: v1\nkind: Secret\nmetadata: {name: kafka-conf, namespace: ${namespace}}\n${data}\n`;
  const CONFIG_MAP = '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: kafka-topics}\ndata: {TOPIC: orders, GROUP: from-config-map}\n';

  it("resolves valueFrom through the manifests' Secrets (base64 data, also wrapped; stringData winning) and ConfigMaps", async () => {
    // "d29ya2Vycw==" is "workers".
    const env = '[{name: GROUP, valueFrom: {secretKeyRef: {name: kafka-conf, key: group}}}, {name: TOPIC, valueFrom: {configMapKeyRef: {name: kafka-topics, key: TOPIC}}}]';
    const scenario = await loadKeda(withEnv(env, 'consumerGroupFromEnv: GROUP, topicFromEnv: TOPIC', `${SECRET('default', 'data: {group: d29ya2Vycw==}')}${CONFIG_MAP}`));
    expect(scenario.warnings.filter((w) => w.field?.includes('FromEnv'))).toEqual([]);
    expect(scenario.scaledObjects[0]!.triggers[0]!.metadata).toMatchObject({ consumerGroup: 'workers', topic: 'orders' });
    const stringData = await loadKeda(withEnv(env, 'consumerGroupFromEnv: GROUP, topicFromEnv: TOPIC', `${SECRET('default', 'data: {group: d29ya2Vycw==}\nstringData: {group: billing}')}${CONFIG_MAP}`));
    expect(stringData.scaledObjects[0]!.triggers[0]!.metadata.consumerGroup).toBe('billing');
    const nullData = await loadKeda(withEnv(env, 'consumerGroupFromEnv: GROUP, topicFromEnv: TOPIC', `${SECRET('default', 'data: null\nstringData: {group: billing}')}${CONFIG_MAP}`));
    expect(nullData.scaledObjects[0]!.triggers[0]!.metadata.consumerGroup).toBe('billing');
    // Wrapped at 4 characters, as a YAML block of `base64` output: Go's decoder skips the newlines.
    const wrapped = await loadKeda(withEnv(env, 'consumerGroupFromEnv: GROUP, topicFromEnv: TOPIC', `${SECRET('default', 'data:\n  group: |\n    d29y\n    a2Vy\n    cw==')}${CONFIG_MAP}`));
    expect(wrapped.scaledObjects[0]!.triggers[0]!.metadata.consumerGroup).toBe('workers');
  });

  it('skips a fieldRef as KEDA does: an earlier literal stays, and alone it is a warning', async () => {
    const field = await loadKeda(withEnv('[{name: GROUP, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}]', 'consumerGroupFromEnv: GROUP, topic: orders'));
    expect(field.scaledObjects[0]!.triggers[0]!.metadata.consumerGroup).toBeUndefined();
    expect(field.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining("(consumerGroupFromEnv: GROUP comes from fieldRef metadata.namespace, which KEDA's resolver skips)"));
    const kept = await loadKeda(withEnv('[{name: GROUP, value: workers}, {name: GROUP, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]', 'consumerGroupFromEnv: GROUP, topic: orders'));
    expect(kept.scaledObjects[0]!.triggers[0]!.metadata.consumerGroup).toBe('workers');
  });

  it('trims what it reads (configParamValue), and expands $(VAR) from the variables before it, in order (resolveEnvValue)', async () => {
    const padded = await loadKeda(withEnv('[{name: GROUP, value: "  workers "}]', 'consumerGroupFromEnv: GROUP, topic: orders'));
    expect(padded.scaledObjects[0]!.triggers[0]!.metadata.consumerGroup).toBe('workers');
    const group = async (env: string) => (await loadKeda(withEnv(env, 'consumerGroupFromEnv: GROUP, topic: orders'))).scaledObjects[0]!.triggers[0]!.metadata.consumerGroup;
    expect(await group('[{name: TEAM, value: billing}, {name: GROUP, value: "$(TEAM)-workers"}]')).toBe('billing-workers');
    // A variable defined after the reference is not seen: the reference stays as written.
    expect(await group('[{name: GROUP, value: "$(TEAM)-workers"}, {name: TEAM, value: billing}]')).toBe('$(TEAM)-workers');
    // A repeated name: the reference sees the value before it, the later entry wins for itself.
    expect(await group('[{name: TEAM, value: a}, {name: GROUP, value: "$(TEAM)"}, {name: TEAM, value: b}]')).toBe('a');
    expect(await group('[{name: TEAM, value: a}, {name: TEAM, value: b}, {name: GROUP, value: "$(TEAM)"}]')).toBe('b');
    expect(await group('[{name: TEAM, value: a}, {name: GROUP, value: "$$(TEAM)"}]')).toBe('$(TEAM)');
    // A reference to a variable from a Secret not in the manifests cannot be known.
    const unknown = await loadKeda(withEnv('[{name: TEAM, valueFrom: {secretKeyRef: {name: s, key: k}}}, {name: GROUP, value: "$(TEAM)-w"}]', 'consumerGroupFromEnv: GROUP, topic: orders'));
    expect(unknown.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining("(consumerGroupFromEnv: GROUP's value its $(TEAM) is unknown: TEAM comes from Secret s key k, but Secret default/s is not in the manifests)"));
  });

  it('reads envFrom under its prefix, a later source winning, env over envFrom; a Secret in another namespace is not seen', async () => {
    const envFrom = (env: string) => ({
      'manifests/web.yaml': `${BASE_DEPLOYMENT}          envFrom: [{configMapRef: {name: kafka-topics}, prefix: K_}, {secretRef: {name: kafka-conf}, prefix: K_}]\n${env}${SECRET('default', 'stringData: {GROUP: from-secret}')}${CONFIG_MAP}`,
      'manifests/keda.yaml': BASE_SCALED_OBJECT.replace('consumerGroup: workers, topic: orders', 'consumerGroupFromEnv: K_GROUP, topicFromEnv: K_TOPIC'),
    });
    const fromBoth = await loadKeda(envFrom(''));
    expect(fromBoth.scaledObjects[0]!.triggers[0]!.metadata).toMatchObject({ consumerGroup: 'from-secret', topic: 'orders' });
    const overridden = await loadKeda(envFrom('          env: [{name: K_GROUP, value: literal}]\n'));
    expect(overridden.scaledObjects[0]!.triggers[0]!.metadata.consumerGroup).toBe('literal');
    // The unprefixed name is not there (resolved[envPrefix+k]).
    const bare = await loadKeda({ ...envFrom(''), 'manifests/keda.yaml': BASE_SCALED_OBJECT.replace('consumerGroup: workers, topic: orders', 'consumerGroupFromEnv: GROUP, topic: orders') });
    expect(bare.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('(consumerGroupFromEnv: container web has no GROUP)'));
    const elsewhere = await loadKeda(withEnv('[{name: GROUP, valueFrom: {secretKeyRef: {name: kafka-conf, key: GROUP}}}]', 'consumerGroupFromEnv: GROUP, topic: orders', SECRET('other', 'stringData: {GROUP: x}')));
    expect(elsewhere.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('but Secret default/kafka-conf is not in the manifests'));
  });

  it('an envFrom source not in the manifests makes what it could set unknown: the variables before it and the ones nothing sets after it; an optional one is skipped', async () => {
    const group = async (envFrom: string, env = '') => {
      const scenario = await loadKeda({
        'manifests/web.yaml': `${BASE_DEPLOYMENT}          envFrom: ${envFrom}\n${env}${CONFIG_MAP}`,
        'manifests/keda.yaml': BASE_SCALED_OBJECT.replace('consumerGroup: workers, topic: orders', 'consumerGroupFromEnv: GROUP, topic: orders'),
      });
      return { value: scenario.scaledObjects[0]!.triggers[0]!.metadata.consumerGroup, warnings: scenario.warnings.map((w) => w.message) };
    };
    const after = await group('[{configMapRef: {name: kafka-topics}}, {secretRef: {name: absent}}]');
    expect(after.value).toBeUndefined();
    expect(after.warnings).toContainEqual(expect.stringContaining("(consumerGroupFromEnv: envFrom's Secret default/absent, after it, may set it and is not in the manifests)"));
    expect((await group('[{configMapRef: {name: kafka-topics}}, {secretRef: {name: absent, optional: true}}]')).value).toBe('from-config-map');
    expect((await group('[{secretRef: {name: absent}}, {configMapRef: {name: kafka-topics}}]')).value).toBe('from-config-map');
    expect((await group('[{secretRef: {name: absent}}]', '          env: [{name: GROUP, value: literal}]\n')).value).toBe('literal');
    expect((await group('[{secretRef: {name: absent}}]')).warnings).toContainEqual(expect.stringContaining("(consumerGroupFromEnv: envFrom's Secret default/absent is not in the manifests)"));
  });

  it('an optional valueFrom whose object is not in the manifests is skipped, so what came before stays', async () => {
    const env = '[{name: GROUP, value: workers}, {name: GROUP, valueFrom: {secretKeyRef: {name: absent, key: g, optional: true}}}]';
    const kept = await loadKeda(withEnv(env, 'consumerGroupFromEnv: GROUP, topic: orders'));
    expect(kept.scaledObjects[0]!.triggers[0]!.metadata.consumerGroup).toBe('workers');
    const alone = await loadKeda(withEnv('[{name: GROUP, valueFrom: {configMapKeyRef: {name: absent, key: g, optional: true}}}]', 'consumerGroupFromEnv: GROUP, topic: orders'));
    expect(alone.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('GROUP comes from ConfigMap absent key g, but ConfigMap default/absent is not in the manifests (optional: KEDA skips it if the cluster lacks it too)'));
  });

  it('a key the Secret lacks reads as empty (resolveSecretValue), which is a warning saying so', async () => {
    const scenario = await loadKeda(withEnv('[{name: GROUP, valueFrom: {secretKeyRef: {name: kafka-conf, key: group}}}]', 'consumerGroupFromEnv: GROUP, topic: orders', SECRET('default', 'stringData: {other: x}')));
    expect(scenario.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('(consumerGroupFromEnv: GROUP comes from Secret kafka-conf key group, but Secret default/kafka-conf has no key group (KEDA reads it as empty))'));
  });

  it("refuses a Secret whose data is not base64, at its key", async () => {
    const problems = await kedaProblems(withEnv('[{name: GROUP, value: workers}]', 'consumerGroupFromEnv: GROUP, topic: orders', SECRET('default', 'data: {group: "not base64!"}')));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'data.group', message: expect.stringContaining('expected base64') }));
  });

  it('a FromEnv key KEDA reads only from the metadata (lagThreshold) is left alone', async () => {
    const scenario = await loadKeda(withEnv('[{name: LAG, value: "7"}]', 'consumerGroup: workers, topic: orders, lagThresholdFromEnv: LAG'));
    expect(scenario.scaledObjects[0]!.triggers[0]!.metadata.lagThreshold).toBe('50');
  });
});
