/**
 * Unknown fields in manifests (src/scenario/manifests/unknown-fields.ts): a misspelt field is an
 * error naming the field meant, at its line; any other unknown field is a warning; the fields a
 * real manifest carries (probes, volumes, strategy, securityContext…) pass without a word.
 */
import { describe, expect, it } from 'vitest';
import { BASE_DEPLOYMENT, baseFiles, hpaV2, statefulSetYaml } from './helpers/base-scenario.js';
import { kedaProblems, loadKeda, scaledObject, KAFKA_TRIGGER, PROMETHEUS_TRIGGER } from './helpers/keda-scenario.js';
import { cloudProblems, ELASTIC_WORKLOAD, loadCloud } from './helpers/cloud-scenario.js';
import { folderProblems, lines, loadFolder } from './helpers/scenario-folder.js';

const WEB = 'manifests/web.yaml';
const withHpa = (...spec: string[]) => ({ [WEB]: `${BASE_DEPLOYMENT}---\n${hpaV2('web', ...spec)}` });
const HPA = 16; // line offset of the HPA document in manifests/web.yaml

describe('misspelt manifest fields are errors that name the field meant', () => {
  it.each([
    ['Deployment spec.replica', { [WEB]: BASE_DEPLOYMENT.replace('spec:\n  selector:', 'spec:\n  replica: 3\n  selector:') }, 6, 'spec.replica', 'replicas'],
    ['a container resources.request', { [WEB]: BASE_DEPLOYMENT.replace('requests:', 'request:') }, 15, 'spec.template.spec.containers[0].resources.request', 'requests'],
    ['a pod spec toleration effect', { [WEB]: `${BASE_DEPLOYMENT}      tolerations:\n        - {key: spot, operator: Exists, efect: NoSchedule}\n` }, 17, 'spec.template.spec.tolerations[0].efect', 'effect'],
    ['HPA spec.behaviour', withHpa('  maxReplicas: 10', '  behaviour:', '    scaleDown: {stabilizationWindowSeconds: 0}'), HPA + 8, 'spec.behaviour', 'behavior'],
    ['HPA spec.minReplica', withHpa('  maxReplicas: 10', '  minReplica: 2'), HPA + 8, 'spec.minReplica', 'minReplicas'],
    ['a behavior rule field', withHpa('  maxReplicas: 10', '  behavior:', '    scaleDown:', '      stabilizationWindowSecond: 0'), HPA + 10, 'spec.behavior.scaleDown.stabilizationWindowSecond', 'stabilizationWindowSeconds'],
    ['a metric target field', withHpa('  maxReplicas: 10', '  metrics:', '    - type: Resource', '      resource:', '        name: cpu', '        target: {type: Utilization, averageUtilisation: 50}'), HPA + 12, 'spec.metrics[0].resource.target.averageUtilisation', 'averageUtilization'],
    ['a Deployment strategy field (it changes a rollout)', { [WEB]: BASE_DEPLOYMENT.replace('spec:\n  selector:', 'spec:\n  strategy: {tpye: Recreate}\n  selector:') }, 6, 'spec.strategy.tpye', 'type'],
    ['a Deployment rollingUpdate field', { [WEB]: BASE_DEPLOYMENT.replace('spec:\n  selector:', 'spec:\n  strategy: {rollingUpdate: {maxSurg: 1}}\n  selector:') }, 6, 'spec.strategy.rollingUpdate.maxSurg', 'maxSurge'],
    ['a StatefulSet updateStrategy field', { [WEB]: statefulSetYaml('web', '  updateStrategy: {rollingUpdate: {partiton: 1}}') }, 5, 'spec.updateStrategy.rollingUpdate.partiton', 'partition'],
    [
      'autoscaling/v1 targetCPUUtilizationPercentge',
      { [WEB]: `${BASE_DEPLOYMENT}---\n${hpaV2('web', '  maxReplicas: 10', '  targetCPUUtilizationPercentge: 30').replace('autoscaling/v2', 'autoscaling/v1')}` },
      HPA + 8,
      'spec.targetCPUUtilizationPercentge',
      'targetCPUUtilizationPercentage',
    ],
  ])('%s', async (_name, files, line, field, meant) => {
    const problems = await folderProblems({ ...baseFiles(), ...files });
    expect(problems).toContainEqual(
      expect.objectContaining({ file: WEB, line, field, message: `unknown field "${field.split('.').at(-1)!.replace(/\[\d+\]$/, '')}": did you mean "${meant}"?` }),
    );
  });

  it.each([
    ['fallbak', scaledObject('web-so', ['  maxReplicaCount: 10', '  fallbak: {failureThreshold: 3, replicas: 2}'], [...KAFKA_TRIGGER, ...PROMETHEUS_TRIGGER]), 'spec.fallbak', 'fallback'],
    ['maxReplicaCont', scaledObject('web-so', ['  maxReplicaCont: 10'], [...KAFKA_TRIGGER, ...PROMETHEUS_TRIGGER]), 'spec.maxReplicaCont', 'maxReplicaCount'],
    ['a trigger field', scaledObject('web-so', ['  maxReplicaCount: 10'], [...KAFKA_TRIGGER, '      metricTyp: Value', ...PROMETHEUS_TRIGGER]), 'spec.triggers[0].metricTyp', 'metricType'],
  ])('ScaledObject %s', async (_name, manifest, field, meant) => {
    const problems = await kedaProblems({ 'manifests/keda.yaml': manifest });
    expect(problems).toContainEqual(expect.objectContaining({ file: 'manifests/keda.yaml', field, message: expect.stringContaining(`did you mean "${meant}"?`) }));
  });
});

describe('ElasticWorkload fields', () => {
  it.each([
    ['spec.elasticUnits', ELASTIC_WORKLOAD.replace('  elasticUnit:', '  elasticUnits:'), 'elasticUnit'],
    ['spec.sourceTarget.mix', ELASTIC_WORKLOAD.replace('    min: 2', '    mix: 2'), 'min'],
    ['spec.elasticUnit[0].nodeSelecter', ELASTIC_WORKLOAD.replace('nodeSelector:', 'nodeSelecter:'), 'nodeSelector'],
    ['spec.elasticUnit[0].tolerations[0].operater', ELASTIC_WORKLOAD.replace('operator: Exists', 'operater: Exists'), 'operator'],
  ])('%s is an error naming the field meant', async (field, manifest, meant) => {
    const problems = await cloudProblems({ 'manifests/ew.yaml': manifest });
    expect(problems).toContainEqual(expect.objectContaining({ file: 'manifests/ew.yaml', field, message: expect.stringContaining(`did you mean "${meant}"?`) }));
  });

  it('the documented fields pass without a word', async () => {
    const scenario = await loadCloud({ 'manifests/ew.yaml': ELASTIC_WORKLOAD });
    expect(scenario.elasticWorkloads).toHaveLength(1);
    expect(scenario.warnings.filter((w) => w.message.startsWith('unknown field'))).toEqual([]);
  });
});

describe('other unknown fields are warnings', () => {
  it('warns about a field close to none, naming the fields known there, and still runs', async () => {
    const scenario = await loadFolder({ ...baseFiles(), [WEB]: `${BASE_DEPLOYMENT.replace('  selector:', '  someVendorExtension: true\n  selector:')}---\n${hpaV2('web', '  maxReplicas: 10')}` });
    const warning = scenario.warnings.find((w) => w.field === 'spec.someVendorExtension');
    expect(warning).toMatchObject({ file: expect.stringContaining(WEB), line: 6 });
    expect(warning?.message).toMatch(/^unknown field "someVendorExtension", ignored \(known here: replicas, selector, template/);
    expect(warning?.hint).toMatch(/API server refuses unknown fields/);
  });
});

describe('the fields of real manifests pass', () => {
  it('a Deployment with probes, volumes, strategy, security contexts, env and an autoscaling/v2 HPA with every part', async () => {
    const deployment = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web, namespace: default, labels: {app: web}, annotations: {note: x}}',
      'spec:',
      '  replicas: 2',
      '  revisionHistoryLimit: 5',
      '  progressDeadlineSeconds: 600',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}, annotations: {prometheus.io/scrape: "true"}}',
      '    spec:',
      '      serviceAccountName: web',
      '      terminationGracePeriodSeconds: 30',
      '      securityContext: {runAsNonRoot: true}',
      '      nodeSelector: {pool: default}',
      '      tolerations: [{key: spot, operator: Exists, effect: NoExecute, tolerationSeconds: 60}]',
      '      volumes: [{name: cfg, configMap: {name: web}}]',
      '      imagePullSecrets: [{name: registry}]',
      '      containers:',
      '        - name: web',
      '          image: nginx:1.27',
      '          imagePullPolicy: IfNotPresent',
      '          args: ["--port", "8080"]',
      '          ports: [{containerPort: 8080, name: http}]',
      '          env: [{name: MODE, value: prod}]',
      '          envFrom: [{configMapRef: {name: web}}]',
      '          resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}',
      '          readinessProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 5, failureThreshold: 3}',
      '          livenessProbe: {tcpSocket: {port: 8080}, initialDelaySeconds: 10}',
      '          startupProbe: {exec: {command: [true]}, periodSeconds: 2}',
      '          lifecycle: {preStop: {exec: {command: [sleep, "5"]}}}',
      '          volumeMounts: [{name: cfg, mountPath: /etc/web}]',
      '          securityContext: {readOnlyRootFilesystem: true}',
    );
    const hpa = hpaV2(
      'web',
      '  minReplicas: 1',
      '  maxReplicas: 10',
      '  metrics:',
      '    - {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}',
      '  behavior:',
      '    scaleUp: {stabilizationWindowSeconds: 0, selectPolicy: Max, policies: [{type: Percent, value: 100, periodSeconds: 15}]}',
      '    scaleDown: {stabilizationWindowSeconds: 300, policies: [{type: Pods, value: 1, periodSeconds: 60}]}',
    );
    const scenario = await loadFolder({ ...baseFiles(), [WEB]: `${deployment}---\n${hpa}` });
    expect(scenario.warnings.filter((w) => w.message.startsWith('unknown field'))).toEqual([]);
  });

  it('a ScaledObject with advanced, fallback and trigger fields', async () => {
    const so = scaledObject(
      'web-so',
      [
        '  pollingInterval: 15',
        '  cooldownPeriod: 60',
        '  minReplicaCount: 1',
        '  maxReplicaCount: 10',
        '  fallback: {failureThreshold: 3, replicas: 2}',
        '  advanced:',
        '    restoreToOriginalReplicaCount: false',
        '    horizontalPodAutoscalerConfig: {name: web-hpa, behavior: {scaleDown: {stabilizationWindowSeconds: 60}}}',
      ],
      [...KAFKA_TRIGGER, '      metricType: AverageValue', '      useCachedMetrics: false', ...PROMETHEUS_TRIGGER],
    );
    const scenario = await loadKeda({ 'manifests/keda.yaml': so });
    expect(scenario.warnings.filter((w) => w.message.startsWith('unknown field'))).toEqual([]);
  });
});
