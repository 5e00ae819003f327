import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HPA_DEFAULTS } from '../../src/autoscalers/hpa/config.js';
import { STARTUP_DEFAULTS } from '../../src/cluster/startup-defaults.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { scenarioJsonSchema } from '../../src/scenario/schema/scenario-schema.js';
import type { Scenario } from '../../src/scenario/types.js';
import { baseFiles } from './helpers/base-scenario.js';
import { lines, removeFolder, writeScenarioFolder } from './helpers/scenario-folder.js';

const SCENARIO = lines(
  'apiVersion: scalesim.dev/v1alpha1',
  'kind: Scenario',
  'metadata:',
  '  name: small-shop',
  '  description: two services',
  'spec:',
  '  seed: 42',
  '  outputInterval: 30s',
  '  manifests: [manifests, extra/api-list.yml]',
  '  traces:',
  '    web:',
  '      file: traces/web.csv',
  '      valueKind: countPerBucket',
  '      scale: 2',
  '    users:',
  '      file: traces/users.csv',
  '      valueKind: activeUsers',
  '      requestsPerUserPerSecond: 0.5',
  '      shift: -1m',
  '      loop: true',
  '    pps:',
  '      file: traces/pps.csv',
  '      valueKind: ratePerSecond',
  '      bucket: 30s',
  '  nodePools:',
  '    - name: general',
  '      count: 3',
  '      cpu: "4"',
  '      memory: 16Gi',
  '      labels: {pool: general}',
  '      taints: [{key: dedicated, value: shop, effect: NoSchedule}]',
  '    - name: small',
  '      count: 0',
  '      cpu: 1500m',
  '      memory: 2Gi',
  '      maxPods: 30',
  '  workloads:',
  '    web:',
  '      trace: web',
  '      cpuMillicoreSecondsPerRequest: 20',
  '      baseMemory: 64Mi',
  '      memoryPerRequestPerSecond: 1Mi',
  '      maxBacklogRequests: 100',
  '    api:',
  '      trace: users',
  '      cpuMillicoreSecondsPerRequest: 5',
  '      serviceTimeSeconds: 0.05',
  '      container: api',
  '  series:',
  '    packets-per-second: { trace: pps, perPod: perPod, delay: 30s }',
  '    requests-per-second: { workload: web, quantity: servedRequestsPerSecond }',
  '  controllers:',
  '    hpa: { syncPeriod: 30s, downscaleStabilization: 10m }',
  '    metricsServer: { metricResolution: 1m }',
  '    scheduler: { scoringStrategy: MostAllocated }',
  '    resourceQuota: { syncPeriod: 0 }',
  '  startup: { imagePull: 20s, jitterRatio: 0 }',
);

/** Deployment + empty document + HPA v2 + Service, in one file. */
const WEB_MANIFESTS = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  '  namespace: shop',
  'spec:',
  '  replicas: 3',
  '  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 50%}}',
  '  selector:',
  '    matchLabels: {app: web}',
  '  template:',
  '    metadata:',
  '      labels: {app: web, tier: front}',
  '      annotations: {prometheus.io/scrape: "true"}',
  '    spec:',
  '      terminationGracePeriodSeconds: 10',
  '      nodeSelector: {pool: general}',
  '      tolerations: [{key: dedicated, operator: Equal, value: shop, effect: NoSchedule}, {operator: Exists}]',
  '      initContainers:',
  '        - name: migrate',
  '          image: busybox',
  '        - name: proxy',
  '          restartPolicy: Always',
  '          resources: {requests: {cpu: 50m, memory: 32Mi}}',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '          env: [{name: MODE, value: prod}]',
  '          resources:',
  '            requests: {cpu: 250m}',
  '            limits: {cpu: "1", memory: 256Mi}',
  '          readinessProbe:',
  '            httpGet: {path: /healthz, port: 80}',
  '            periodSeconds: 5',
  '          startupProbe:',
  '            tcpSocket: {port: 80}',
  '---',
  '---',
  'apiVersion: autoscaling/v2',
  'kind: HorizontalPodAutoscaler',
  'metadata:',
  '  name: web',
  '  namespace: shop',
  'spec:',
  '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}',
  '  maxReplicas: 12',
  '  metrics:',
  '    - type: Resource',
  '      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}',
  '    - type: Pods',
  '      pods:',
  '        metric: {name: packets-per-second}',
  '        target: {type: AverageValue, averageValue: 1500m}',
  '    - type: External',
  '      external:',
  '        metric: {name: requests-per-second, selector: {matchLabels: {queue: a}}}',
  '        target: {type: Value, value: 2k}',
  '  behavior:',
  '    scaleDown:',
  '      stabilizationWindowSeconds: 60',
  '      policies: [{type: Percent, value: 50, periodSeconds: 30}]',
  '      tolerance: "0.05"',
  '    scaleUp:',
  '      selectPolicy: Max',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: web, namespace: shop}',
  'spec: {ports: [{port: 80}]}',
);

/** A kind: List holding a Deployment and an autoscaling/v1 HPA. */
const API_LIST = lines(
  'apiVersion: v1',
  'kind: List',
  'items:',
  '  - apiVersion: apps/v1',
  '    kind: Deployment',
  '    metadata: {name: api}',
  '    spec:',
  '      selector: {matchLabels: {app: api}}',
  '      template:',
  '        metadata: {labels: {app: api}}',
  '        spec:',
  '          containers:',
  '            - name: api',
  '              resources: {requests: {cpu: "0.5", memory: 1Gi}}',
  '  - apiVersion: autoscaling/v1',
  '    kind: HorizontalPodAutoscaler',
  '    metadata: {name: api}',
  '    spec:',
  '      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}',
  '      maxReplicas: 5',
  '      targetCPUUtilizationPercentage: 65',
);

describe('loadScenario on a valid scenario', () => {
  let dir: string;
  let scenario: Scenario;

  beforeAll(async () => {
    dir = await writeScenarioFolder({
      'scenario.yaml': SCENARIO,
      'manifests/web.yaml': WEB_MANIFESTS,
      'manifests/README.txt': 'not a manifest',
      'extra/api-list.yml': API_LIST,
      // BOM + CRLF must load fine.
      'traces/web.csv': '\uFEFFtimestamp,value\r\n2024-01-01T00:00:00Z,60\r\n2024-01-01T00:01:00Z,120\r\n2024-01-01T00:03:00Z,30\r\n',
      'traces/users.csv': 'timestamp,value\n2024-01-01T00:00:00+01:00,10\n2024-01-01T00:00:30+01:00,20\n2024-01-01T00:01:00+01:00,40\n',
      'traces/pps.csv': 'timestamp,value\n2024-01-01T00:00:00Z,7\n',
    });
    scenario = await loadScenario(dir);
  });
  afterAll(() => removeFolder(dir));

  it('reads metadata and run settings', () => {
    expect(scenario).toMatchObject({ name: 'small-shop', dir, seed: 42, outputIntervalSeconds: 30 });
  });

  it('defaults the duration to the end of the longest trace bound to a workload', () => {
    // web: rows at 0, 60, 180 s with a 60 s dominant step → ends at 240 s.
    expect(scenario.durationSeconds).toBe(240);
  });

  it('converts node pools, adding the labels every node carries (kubelet: os and arch, GA and legacy) beneath the pool\'s own', () => {
    const KUBELET = { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'beta.kubernetes.io/arch': 'amd64' };
    expect(scenario.nodePools).toEqual([
      {
        name: 'general',
        count: 3,
        cpuMillicores: 4000,
        memoryBytes: 16 * 1024 ** 3,
        maxPods: 110,
        labels: { ...KUBELET, pool: 'general' },
        taints: [{ key: 'dedicated', value: 'shop', effect: 'NoSchedule' }],
        minSize: 3,
        maxSize: 3,
        bootSeconds: { min: 90, max: 150 },
      },
      { name: 'small', count: 0, cpuMillicores: 1500, memoryBytes: 2 * 1024 ** 3, maxPods: 30, labels: KUBELET, taints: [], minSize: 0, maxSize: 0, bootSeconds: { min: 90, max: 150 } },
    ]);
  });

  it('reads the Deployment of a multi-document file with API defaults applied', () => {
    const web = scenario.workloads.find((w) => w.name === 'web');
    expect(web).toMatchObject({ kind: 'Deployment', apiVersion: 'apps/v1', namespace: 'shop', replicas: 3, selector: { app: 'web' } });
    expect(web?.source).toMatchObject({ file: path.join(dir, 'manifests/web.yaml'), line: 1 });
    expect(web?.template).toEqual({
      labels: { app: 'web', tier: 'front' },
      annotations: { 'prometheus.io/scrape': 'true' },
      containers: [
        {
          name: 'web',
          cpuRequestMillicores: 250,
          cpuLimitMillicores: 1000,
          memoryRequestBytes: 256 * 1024 ** 2, // requests default to limits
          memoryLimitBytes: 256 * 1024 ** 2,
          readinessProbe: { initialDelaySeconds: 0, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
          startupProbe: { initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
          sidecar: false,
          // Kept for KEDA's <key>FromEnv.
          env: [{ name: 'MODE', value: 'prod' }],
        },
      ],
      sidecars: [{ name: 'proxy', cpuRequestMillicores: 50, memoryRequestBytes: 32 * 1024 ** 2, sidecar: true }],
      initContainerCount: 1,
      initContainers: [
        { name: 'migrate', sidecar: false },
        { name: 'proxy', cpuRequestMillicores: 50, memoryRequestBytes: 32 * 1024 ** 2, sidecar: true },
      ],
      nodeSelector: { pool: 'general' },
      tolerations: [
        { key: 'dedicated', operator: 'Equal', value: 'shop', effect: 'NoSchedule' },
        { operator: 'Exists' },
      ],
      terminationGracePeriodSeconds: 10,
    });
  });

  it('reads an autoscaling/v2 HPA with behavior exactly as written', () => {
    const hpa = scenario.hpas.find((h) => h.name === 'web');
    expect(hpa).toMatchObject({ namespace: 'shop', apiVersion: 'autoscaling/v2', minReplicas: 1, maxReplicas: 12 });
    expect(hpa?.source).toMatchObject({ file: path.join(dir, 'manifests/web.yaml'), line: 39 });
    expect(hpa?.metrics).toEqual([
      { type: 'Resource', resourceName: 'cpu', target: { type: 'Utilization', averageUtilizationPercent: 70 } },
      { type: 'Pods', metricName: 'packets-per-second', target: { type: 'AverageValue', averageValueMilli: 1500 } },
      { type: 'External', metricName: 'requests-per-second', selector: { matchLabels: { queue: 'a' } }, target: { type: 'Value', valueMilli: 2_000_000 } },
    ]);
    expect(hpa?.behavior).toEqual({
      scaleDown: { stabilizationWindowSeconds: 60, policies: [{ type: 'Percent', value: 50, periodSeconds: 30 }], tolerance: 0.05 },
      scaleUp: { selectPolicy: 'Max' },
    });
  });

  it('expands kind: List and converts an autoscaling/v1 HPA to one cpu Utilization metric', () => {
    expect(scenario.workloads.map((w) => w.name)).toEqual(['web', 'api']);
    const api = scenario.hpas.find((h) => h.name === 'api');
    expect(api).toMatchObject({
      apiVersion: 'autoscaling/v1',
      namespace: 'default',
      minReplicas: 1,
      maxReplicas: 5,
      behavior: null,
      metrics: [{ type: 'Resource', resourceName: 'cpu', target: { type: 'Utilization', averageUtilizationPercent: 65 } }],
    });
    expect(api?.source).toMatchObject({ file: path.join(dir, 'extra/api-list.yml'), line: 15, path: 'items[1]' });
  });

  it('binds traces to simulation time (BOM + CRLF, gap hold, activeUsers, negative shift)', () => {
    const web = scenario.traces.find((t) => t.name === 'web');
    expect(web).toMatchObject({ file: path.join(dir, 'traces/web.csv'), format: 'csv', valueKind: 'countPerBucket', scale: 2, bucketSeconds: 60, loop: false });
    expect(Array.from(web?.rate.startSeconds ?? [])).toEqual([0, 60, 180]);
    expect(Array.from(web?.rate.values ?? [])).toEqual([2, 4, 1]);
    expect(web?.rate.endSeconds).toBe(240);
    const users = scenario.traces.find((t) => t.name === 'users');
    expect(users).toMatchObject({ requestsPerUserPerSecond: 0.5, shiftSeconds: -60, loop: true, bucketSeconds: 30 });
    // Looped: the rows before t = 0 stay (the period is the whole 90 s trace, t = 0 at its last row).
    expect(Array.from(users?.rate.startSeconds ?? [])).toEqual([-60, -30, 0]);
    expect(Array.from(users?.rate.values ?? [])).toEqual([5, 10, 20]);
    expect(users?.rate.endSeconds).toBe(30);
    const pps = scenario.traces.find((t) => t.name === 'pps');
    expect(pps).toMatchObject({ bucketSeconds: 30, rate: { endSeconds: 30 } });
  });

  it('resolves load models with their defaults', () => {
    expect(scenario.loads).toEqual([
      { workload: 'web', trace: 'web', cpuMillicoreSecondsPerRequest: 20, baseCpuMillicores: 0, baseMemoryBytes: 64 * 1024 ** 2, memoryBytesPerRequestPerSecond: 1024 ** 2, maxBacklogRequests: 100, serviceTimeSeconds: 0.02 },
      { workload: 'api', trace: 'users', cpuMillicoreSecondsPerRequest: 5, baseCpuMillicores: 0, baseMemoryBytes: 0, memoryBytesPerRequestPerSecond: 0, maxBacklogRequests: 0, serviceTimeSeconds: 0.05, container: 'api' },
    ]);
  });

  it('resolves metric series', () => {
    expect(scenario.series).toEqual([
      { name: 'packets-per-second', source: { kind: 'trace', trace: 'pps' }, perPod: 'perPod', scale: 1, delaySeconds: 30 },
      { name: 'requests-per-second', source: { kind: 'workload', workload: 'web', quantity: 'servedRequestsPerSecond' }, perPod: 'total', scale: 1, delaySeconds: 0 },
    ]);
  });

  it('merges controller settings over the defaults tables', () => {
    expect(scenario.config).toEqual({
      hpa: { ...HPA_DEFAULTS, syncPeriodSeconds: 30, downscaleStabilizationWindowSeconds: 600 },
      metricsServer: { resolutionSeconds: 60 },
      scheduler: { scoringStrategy: 'MostAllocated' },
      resourceQuota: { syncPeriodSeconds: 0 },
      startup: { ...STARTUP_DEFAULTS, imagePullSeconds: 20, jitterRatio: 0 },
    });
  });

  it('warns about ignored kinds and traces that end before the run', () => {
    const messages = scenario.warnings.map((w) => `${path.relative(dir, w.file)}:${w.line} ${w.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^manifests\/web\.yaml:66 v1\/Service is not modelled; ignored$/));
    expect(messages).toContainEqual(expect.stringMatching(/^scenario\.yaml:21 the trace ends at 30 s, before the run ends at 240 s/));
    // users loops: no warning for it.
    expect(messages.filter((m) => m.includes('scenario.yaml:15'))).toEqual([]);
  });

  it('applies --seed and --duration overrides', async () => {
    const overridden = await loadScenario(dir, { seed: 3, durationSeconds: 100 });
    expect(overridden).toMatchObject({ seed: 3, durationSeconds: 100 });
  });
});

describe('loadScenario defaults', () => {
  it('fills every default of a minimal scenario and names it after its folder', async () => {
    const dir = await writeScenarioFolder(baseFiles());
    try {
      const scenario = await loadScenario(dir);
      expect(scenario).toMatchObject({ name: path.basename(dir), seed: 1, outputIntervalSeconds: 60, durationSeconds: 180 });
      expect(scenario.config).toEqual({
        hpa: HPA_DEFAULTS,
        metricsServer: { resolutionSeconds: 15 },
        scheduler: { scoringStrategy: 'LeastAllocated' },
        resourceQuota: { syncPeriodSeconds: 300 },
        startup: STARTUP_DEFAULTS,
      });
      expect(scenario.hpas[0]?.metrics).toEqual([{ type: 'Resource', resourceName: 'cpu', target: { type: 'Utilization', averageUtilizationPercent: 80 } }]);
      expect(scenario.hpas[0]?.behavior).toBeNull();
      expect(scenario.workloads[0]?.replicas).toBe(1);
      expect(scenario.warnings).toEqual([]);
    } finally {
      await removeFolder(dir);
    }
  });

  it('reports file names relative to the working directory when the folder is given that way', async () => {
    const dir = await writeScenarioFolder({ ...baseFiles(), 'traces/web.csv': 'timestamp,value\n' });
    try {
      const relative = path.relative(process.cwd(), dir);
      await expect(loadScenario(relative)).rejects.toMatchObject({ problems: [{ file: path.join(relative, 'traces/web.csv'), line: 1 }] });
    } finally {
      await removeFolder(dir);
    }
  });
});

describe('loadScenario workload kinds', () => {
  it('reads an apps/v1 StatefulSet as a workload of kind StatefulSet', async () => {
    const statefulSet = baseFiles()['manifests/web.yaml']?.replace('kind: Deployment', 'kind: StatefulSet').replace('kind: Deployment,', 'kind: StatefulSet,') ?? '';
    const dir = await writeScenarioFolder({ ...baseFiles(), 'manifests/web.yaml': statefulSet });
    try {
      const scenario = await loadScenario(dir);
      expect(scenario.workloads[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', replicas: 1 });
      expect(scenario.hpas[0]?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web' });
    } finally {
      await removeFolder(dir);
    }
  });
});

describe('scenarioJsonSchema', () => {
  it('emits the input schema of scenario.yaml', () => {
    const schema = scenarioJsonSchema() as { properties: { spec: { properties: Record<string, unknown>; required: string[] } } };
    expect(Object.keys(schema.properties.spec.properties)).toEqual(
      expect.arrayContaining(['seed', 'duration', 'traces', 'nodePools', 'workloads', 'series', 'controllers', 'startup']),
    );
    expect(schema.properties.spec.required).toEqual(['nodePools']);
  });
});

describe('unmodelled manifest fields', () => {
  it('warns when a spread constraint selects on a label the controllers add (pod-template-hash), pointing at matchLabelKeys', async () => {
    const { writeScenarioFolder, lines, removeFolder } = await import('./helpers/scenario-folder.js');
    const { BASE_SCENARIO, BASE_DEPLOYMENT, BASE_TRACE } = await import('./helpers/base-scenario.js');
    const deployment = BASE_DEPLOYMENT.replace(
      '      containers:',
      lines(
        '      topologySpreadConstraints:',
        '        - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web, pod-template-hash: 5d4f}}}',
        '        - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [pod-template-hash]}',
      ).trimEnd() + '\n      containers:',
    );
    const dir = await writeScenarioFolder({ 'scenario.yaml': BASE_SCENARIO, 'manifests/web.yaml': deployment, 'traces/web.csv': BASE_TRACE });
    try {
      const { loadScenario } = await import('../../src/scenario/load-scenario.js');
      const scenario = await loadScenario(dir);
      const spread = scenario.warnings.filter((w) => w.field?.startsWith('spec.template.spec.topologySpreadConstraints'));
      expect(spread).toHaveLength(1);
      expect(spread[0]).toMatchObject({ field: 'spec.template.spec.topologySpreadConstraints[0].labelSelector', line: 13 });
      expect(spread[0]!.message).toContain('label "pod-template-hash" is added to pods by their controller');
      expect(spread[0]!.hint).toContain('matchLabelKeys: [pod-template-hash]');
    } finally {
      await removeFolder(dir);
    }
  });

  it('warns with the field path for a spread constraint that selects no pod, and still loads (podAntiAffinity and a Recreate strategy are modelled: no warning)', async () => {
    const { writeScenarioFolder, lines, removeFolder } = await import('./helpers/scenario-folder.js');
    const { BASE_SCENARIO, BASE_DEPLOYMENT, BASE_TRACE } = await import('./helpers/base-scenario.js');
    const deployment = BASE_DEPLOYMENT.replace('spec:\n  selector:', 'spec:\n  strategy: {type: Recreate}\n  selector:').replace(
      '      containers:',
      lines('      affinity: {podAntiAffinity: {}}', '      topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]').trimEnd() + '\n      containers:',
    );
    const dir = await writeScenarioFolder({ 'scenario.yaml': BASE_SCENARIO, 'manifests/web.yaml': deployment, 'traces/web.csv': BASE_TRACE });
    try {
      const { loadScenario } = await import('../../src/scenario/load-scenario.js');
      const scenario = await loadScenario(dir);
      const fields = scenario.warnings.map((w) => w.field);
      expect(fields).toEqual(expect.arrayContaining(['spec.template.spec.topologySpreadConstraints[0]']));
      expect(fields).not.toContain('spec.strategy');
      expect(scenario.workloads[0]?.rollout?.strategy).toEqual({ type: 'Recreate' });
      expect(fields).not.toContain('spec.template.spec.topologySpreadConstraints');
      expect(fields.filter((f) => f?.startsWith('spec.template.spec.affinity'))).toEqual([]);
      // Explicit constraints are modelled; one without a labelSelector selects no pod (LabelSelectorAsSelector(nil)).
      const spread = scenario.warnings.find((w) => w.field === 'spec.template.spec.topologySpreadConstraints[0]');
      expect(spread?.message).toMatch(/no labelSelector: the constraint selects no pod/);
      const template = scenario.workloads[0]?.template;
      expect(template?.hasTopologySpreadConstraints).toBe(true);
      expect(template?.topologySpreadConstraints).toEqual([
        { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: undefined, minDomains: 1, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore', matchLabelKeys: [] },
      ]);
    } finally {
      await removeFolder(dir);
    }
  });
});

describe('pod template volumes', () => {
  it('keeps the names of the node-local volumes: hostPath, and emptyDir on any medium but Memory (utils/drain isLocalVolume)', async () => {
    const { loadFolder } = await import('./helpers/scenario-folder.js');
    const { BASE_SCENARIO, BASE_DEPLOYMENT, BASE_TRACE } = await import('./helpers/base-scenario.js');
    const volumes = [
      '      volumes:',
      '        - {name: cache, emptyDir: {}}',
      '        - {name: shm, emptyDir: {medium: Memory}}',
      '        - {name: logs, hostPath: {path: /var/log}}',
      '        - {name: huge, emptyDir: {medium: HugePages}}',
      '        - {name: config, configMap: {name: web}}',
      '      containers:',
    ].join('\n');
    const scenario = await loadFolder({
      'scenario.yaml': BASE_SCENARIO,
      'manifests/web.yaml': BASE_DEPLOYMENT.replace('      containers:', volumes),
      'traces/web.csv': BASE_TRACE,
    });
    expect(scenario.workloads[0]?.template.localStorageVolumes).toEqual(['cache', 'logs', 'huge']);
    const plain = await loadFolder({ 'scenario.yaml': BASE_SCENARIO, 'manifests/web.yaml': BASE_DEPLOYMENT, 'traces/web.csv': BASE_TRACE });
    expect(plain.workloads[0]?.template.localStorageVolumes).toBeUndefined();
  });
});
