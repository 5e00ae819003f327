/**
 * Bad inputs: each case edits one file of the small valid scenario and expects loadScenario to
 * reject it with a UserInputError that names the file, the 1-based line, the field and what is wrong.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserInputError, type InputProblem } from '../../src/errors/user-input-error.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { BASE_DEPLOYMENT, BASE_SCENARIO, BASE_TRACE, baseFiles, hpaV2 } from './helpers/base-scenario.js';
import { POD_AFFINITY_CASES } from './helpers/pod-affinity-cases.js';
import { lines, removeFolder, writeScenarioFolder, type FolderFiles } from './helpers/scenario-folder.js';

interface Expected {
  file: string;
  line?: number;
  field?: string;
  message: string;
  hint?: string;
}

interface BadCase {
  name: string;
  files: FolderFiles;
  expected: Expected;
}

const DEPLOYMENT_NO_REQUESTS = BASE_DEPLOYMENT.replace('          resources:\n            requests: {cpu: 100m, memory: 64Mi}\n', '          image: nginx\n');
const withHpa = (...spec: string[]) => ({ 'manifests/web.yaml': `${BASE_DEPLOYMENT}---\n${hpaV2('web', ...spec)}` });
const withDeployment = (deployment: string) => ({ 'manifests/web.yaml': deployment });
const scenarioWith = (from: string, to: string) => ({ 'scenario.yaml': BASE_SCENARIO.replace(from, to) });
const trace = (...rows: string[]) => ({ 'traces/web.csv': lines('timestamp,value', ...rows) });
const WEB_YAML = 'manifests/web.yaml';
const HPA = 16; // line offset of the HPA document in manifests/web.yaml

/** BASE_DEPLOYMENT with one topology spread constraint (its lines start at line 12: `maxSkew` on 13). */
const withSpread = (...constraint: string[]) =>
  withDeployment(BASE_DEPLOYMENT.replace('    spec:\n      containers:', ['    spec:', '      topologySpreadConstraints:', ...constraint.map((l, i) => `${i === 0 ? '        - ' : '          '}${l}`), '      containers:'].join('\n')));
const SPREAD = 'spec.template.spec.topologySpreadConstraints[0]';

const CASES: BadCase[] = [
  {
    name: 'topology spread maxSkew 0',
    files: withSpread('maxSkew: 0', 'topologyKey: topology.kubernetes.io/zone', 'whenUnsatisfiable: DoNotSchedule', 'labelSelector: {matchLabels: {app: web}}'),
    expected: { file: WEB_YAML, line: 13, field: `${SPREAD}.maxSkew`, message: 'an integer ≥ 1' },
  },
  {
    name: 'topology spread whenUnsatisfiable unknown',
    files: withSpread('maxSkew: 1', 'topologyKey: topology.kubernetes.io/zone', 'whenUnsatisfiable: Never', 'labelSelector: {matchLabels: {app: web}}'),
    expected: { file: WEB_YAML, line: 15, field: `${SPREAD}.whenUnsatisfiable`, message: 'expected "DoNotSchedule" or "ScheduleAnyway", got "Never"' },
  },
  {
    name: 'topology spread without topologyKey',
    files: withSpread('maxSkew: 1', 'whenUnsatisfiable: DoNotSchedule'),
    expected: { file: WEB_YAML, field: `${SPREAD}.topologyKey`, message: 'a node label key' },
  },
  {
    name: 'topology spread minDomains with ScheduleAnyway',
    files: withSpread('maxSkew: 1', 'topologyKey: zone', 'whenUnsatisfiable: ScheduleAnyway', 'minDomains: 3', 'labelSelector: {matchLabels: {app: web}}'),
    expected: { file: WEB_YAML, line: 16, field: `${SPREAD}.minDomains`, message: 'minDomains can only be set when whenUnsatisfiable is DoNotSchedule' },
  },
  {
    name: 'topology spread In requirement without values',
    files: withSpread('maxSkew: 1', 'topologyKey: zone', 'whenUnsatisfiable: DoNotSchedule', 'labelSelector: {matchExpressions: [{key: app, operator: In}]}'),
    expected: { file: WEB_YAML, line: 16, field: `${SPREAD}.labelSelector.matchExpressions[0].values`, message: 'values must be non-empty when operator is In' },
  },
  {
    name: 'topology spread unknown operator',
    files: withSpread('maxSkew: 1', 'topologyKey: zone', 'whenUnsatisfiable: DoNotSchedule', 'labelSelector: {matchExpressions: [{key: app, operator: Equals, values: [web]}]}'),
    expected: { file: WEB_YAML, line: 16, field: `${SPREAD}.labelSelector.matchExpressions[0].operator`, message: 'expected "In" or "NotIn" or "Exists" or "DoesNotExist", got "Equals"' },
  },
  {
    name: 'topology spread matchLabelKeys without a labelSelector',
    files: withSpread('maxSkew: 1', 'topologyKey: zone', 'whenUnsatisfiable: DoNotSchedule', 'matchLabelKeys: [pod-template-hash]'),
    expected: { file: WEB_YAML, line: 16, field: `${SPREAD}.matchLabelKeys`, message: 'matchLabelKeys must not be specified when labelSelector is not set' },
  },
  {
    name: 'topology spread field misspelt',
    files: withSpread('maxSkew: 1', 'topologyKey: zone', 'whenUnsatisfiable: DoNotSchedule', 'labelSelector: {matchLabels: {app: web}}', 'minDomain: 2'),
    expected: { file: WEB_YAML, line: 17, field: `${SPREAD}.minDomain`, message: 'unknown field "minDomain": did you mean "minDomains"?' },
  },
  {
    name: 'topology spread constraint given twice',
    files: withDeployment(
      BASE_DEPLOYMENT.replace(
        '    spec:\n      containers:',
        lines('    spec:', '      topologySpreadConstraints:', '        - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}', '        - {maxSkew: 2, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}', '      containers:').trimEnd(),
      ),
    ),
    expected: { file: WEB_YAML, line: 14, field: 'spec.template.spec.topologySpreadConstraints[1].topologyKey', message: 'is already given above' },
  },
  {
    name: 'topology spread nodeTaintsPolicy unknown',
    files: withSpread('maxSkew: 1', 'topologyKey: zone', 'whenUnsatisfiable: DoNotSchedule', 'nodeTaintsPolicy: honor'),
    expected: { file: WEB_YAML, line: 16, field: `${SPREAD}.nodeTaintsPolicy`, message: 'expected "Honor" or "Ignore", got "honor"' },
  },
  ...POD_AFFINITY_CASES,
  {
    name: 'malformed YAML in scenario.yaml',
    files: { 'scenario.yaml': lines('apiVersion: scalesim.dev/v1alpha1', 'kind: Scenario', 'spec:', '  seed: [1, 2', '  nodePools: []') },
    expected: { file: 'scenario.yaml', line: 5, message: 'YAML syntax error' },
  },
  {
    name: 'malformed YAML in a manifest',
    files: { 'manifests/broken.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: x', ' bad: indentation') },
    expected: { file: 'manifests/broken.yaml', line: 5, message: 'YAML syntax error' },
  },
  {
    name: 'duplicate key in scenario.yaml',
    files: scenarioWith('  nodePools:', '  nodePools: []\n  nodePools:'),
    expected: { file: 'scenario.yaml', line: 9, message: 'Map keys must be unique' },
  },
  {
    name: 'unknown kind',
    files: { 'manifests/widget.yaml': lines('apiVersion: example.com/v1', 'kind: Widget', 'metadata: {name: w}') },
    expected: { file: 'manifests/widget.yaml', line: 2, field: 'kind', message: 'unknown kind example.com/v1/Widget', hint: 'apps/v1 Deployment' },
  },
  {
    name: 'misspelt kind',
    files: { 'manifests/typo.yaml': lines('apiVersion: apps/v1', 'kind: Deploymnet', 'metadata: {name: w}') },
    expected: { file: 'manifests/typo.yaml', line: 2, field: 'kind', message: 'unknown kind apps/v1/Deploymnet', hint: 'did you mean "Deployment"?' },
  },
  {
    name: 'an ElasticWorkload without spec',
    files: { 'manifests/ew.yaml': lines('apiVersion: autoscaling.alibabacloud.com/v1beta1', 'kind: ElasticWorkload', 'metadata: {name: web}') },
    expected: { file: 'manifests/ew.yaml', line: 1, field: 'spec', message: 'required field is missing' },
  },
  {
    name: 'an apiVersion the kind does not have',
    files: withDeployment(BASE_DEPLOYMENT.replace('apiVersion: apps/v1', 'apiVersion: apps/v1beta1')),
    expected: { file: WEB_YAML, line: 1, field: 'apiVersion', message: 'apiVersion apps/v1beta1 is not supported for Deployment', hint: 'apps/v1' },
  },
  {
    name: 'a duration over a century',
    files: scenarioWith('spec:\n', 'spec:\n  duration: 1000000000d\n'),
    expected: { file: 'scenario.yaml', line: 4, field: 'spec.duration', message: 'is more than 100 years of simulated time', hint: 'check the units' },
  },
  {
    name: 'unknown field in scenario.yaml',
    files: scenarioWith('spec:\n', 'spec:\n  seeed: 3\n'),
    expected: { file: 'scenario.yaml', line: 4, field: 'spec.seeed', message: 'unknown field "seeed"', hint: 'did you mean "seed"?' },
  },
  {
    name: 'unknown field deep in a trace binding',
    files: scenarioWith('      valueKind: countPerBucket', '      valueKind: countPerBucket\n      scael: 2'),
    expected: { file: 'scenario.yaml', line: 8, field: 'spec.traces.web.scael', message: 'unknown field "scael"', hint: 'did you mean "scale"?' },
  },
  {
    name: 'wrong apiVersion of the scenario',
    files: scenarioWith('scalesim.dev/v1alpha1', 'scalesim.dev/v1'),
    expected: { file: 'scenario.yaml', line: 1, field: 'apiVersion', message: 'expected "scalesim.dev/v1alpha1", got "scalesim.dev/v1"' },
  },
  {
    name: 'missing required valueKind',
    files: scenarioWith('      valueKind: countPerBucket\n', ''),
    expected: { file: 'scenario.yaml', line: 5, field: 'spec.traces.web.valueKind', message: 'required field is missing; expected "countPerBucket" or' },
  },
  {
    name: 'misspelt enum value',
    files: scenarioWith('valueKind: countPerBucket', 'valueKind: countPerBuckets'),
    expected: { file: 'scenario.yaml', line: 7, field: 'spec.traces.web.valueKind', message: 'expected "countPerBucket" or "ratePerSecond" or "activeUsers"', hint: 'did you mean "countPerBucket"?' },
  },
  {
    name: 'node pool cpu quantity "4 cores"',
    files: scenarioWith('cpu: "4"', 'cpu: 4 cores'),
    expected: { file: 'scenario.yaml', line: 11, field: 'spec.nodePools[0].cpu', message: '"4 cores" is not a Kubernetes quantity' },
  },
  {
    name: 'metrics-server resolution below 10 s',
    files: scenarioWith('  workloads:', '  controllers:\n    metricsServer: {metricResolution: 5s}\n  workloads:'),
    expected: { file: 'scenario.yaml', line: 14, field: 'spec.controllers.metricsServer.metricResolution', message: 'at least 10 s' },
  },
  {
    name: 'an unrendered Helm template among the manifests',
    files: { 'manifests/chart.yaml': lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: {{ .Values.name }}') },
    expected: { file: 'manifests/chart.yaml', line: 4, message: 'expected a Kubernetes manifest, got a template: `{{ … }}` is Helm (Go template) syntax', hint: 'render the chart first' },
  },
  {
    name: 'a resource other than cpu and memory whose value is no quantity',
    files: withDeployment(BASE_DEPLOYMENT.replace('{cpu: 100m, memory: 64Mi}', '{cpu: 100m, memory: 64Mi, nvidia.com/gpu: {count: 1}}')),
    expected: { file: WEB_YAML, line: 15, field: 'spec.template.spec.containers[0].resources.requests["nvidia.com/gpu"]', message: 'expected a number or Kubernetes quantity such as 0.05 or 50m, got a mapping' },
  },
  {
    name: 'Utilization HPA over pods without CPU requests',
    files: { 'manifests/web.yaml': `${DEPLOYMENT_NO_REQUESTS}---\n${hpaV2('web', '  maxReplicas: 10')}` },
    expected: { file: WEB_YAML, line: 13, field: 'spec.template.spec.containers[0].resources.requests.cpu', message: 'container "web" has no cpu request, but HorizontalPodAutoscaler web' },
  },
  {
    name: 'memory Utilization HPA over a container without a memory request',
    files: withDeployment(
      `${BASE_DEPLOYMENT.replace('{cpu: 100m, memory: 64Mi}', '{cpu: 100m}')}---\n${hpaV2('web', '  maxReplicas: 10', '  metrics:', '    - type: Resource', '      resource: {name: memory, target: {type: Utilization, averageUtilization: 70}}')}`,
    ),
    expected: { file: WEB_YAML, line: 15, field: 'spec.template.spec.containers[0].resources.requests.memory', message: 'no memory request' },
  },
  {
    name: 'Utilization HPA over a sidecar without a CPU request',
    files: withDeployment(
      `${BASE_DEPLOYMENT.replace('      containers:', '      initContainers:\n        - {name: proxy, restartPolicy: Always}\n      containers:')}---\n${hpaV2('web', '  maxReplicas: 10')}`,
    ),
    expected: { file: WEB_YAML, line: 13, field: 'spec.template.spec.initContainers[0].resources.requests.cpu', message: 'container "proxy" has no cpu request' },
  },
  {
    name: 'ContainerResource metric naming a missing container',
    files: withHpa('  maxReplicas: 3', '  metrics:', '    - type: ContainerResource', '      containerResource: {name: cpu, container: app, target: {type: Utilization, averageUtilization: 60}}'),
    expected: { file: WEB_YAML, line: HPA + 10, field: 'spec.metrics[0].containerResource.container', message: 'has no container "app"' },
  },
  {
    name: 'a resource metric the simulator does not model',
    files: withHpa('  maxReplicas: 3', '  metrics:', '    - type: Resource', '      resource: {name: ephemeral-storage, target: {type: AverageValue, averageValue: 1Gi}}'),
    expected: { file: WEB_YAML, line: HPA + 10, field: 'spec.metrics[0].resource.name', message: 'resource "ephemeral-storage" is not modelled' },
  },
  {
    name: 'a metric type without its source',
    files: withHpa('  maxReplicas: 3', '  metrics:', '    - type: External', '      pods: {metric: {name: x}, target: {type: AverageValue, averageValue: "1"}}'),
    expected: { file: WEB_YAML, line: HPA + 9, field: 'spec.metrics[0].external', message: 'must populate information for the given metric source' },
  },
  {
    name: 'a Value target of zero',
    files: {
      ...withHpa('  maxReplicas: 3', '  metrics:', '    - type: External', '      external: {metric: {name: queue}, target: {type: Value, value: "0"}}'),
      'scenario.yaml': `${BASE_SCENARIO}  series:\n    queue: {trace: web}\n`,
    },
    expected: { file: WEB_YAML, line: HPA + 10, field: 'spec.metrics[0].external.target.value', message: 'must be positive' },
  },
  {
    name: 'minReplicas > maxReplicas',
    files: withHpa('  minReplicas: 5', '  maxReplicas: 2'),
    expected: { file: WEB_YAML, line: HPA + 8, field: 'spec.maxReplicas', message: 'must be greater than or equal to `minReplicas` (5)' },
  },
  {
    name: 'maxReplicas 0',
    files: withHpa('  maxReplicas: 0'),
    expected: { file: WEB_YAML, line: HPA + 7, field: 'spec.maxReplicas', message: 'must be greater than 0' },
  },
  {
    name: 'minReplicas 0 without an Object or External metric',
    files: withHpa('  minReplicas: 0', '  maxReplicas: 3'),
    expected: { file: WEB_YAML, line: HPA + 7, field: 'spec.minReplicas', message: 'requires at least one Object or External metric' },
  },
  {
    name: 'stabilizationWindowSeconds above 3600',
    files: withHpa('  maxReplicas: 3', '  behavior:', '    scaleDown: {stabilizationWindowSeconds: 4000}'),
    expected: { file: WEB_YAML, line: HPA + 9, field: 'spec.behavior.scaleDown.stabilizationWindowSeconds', message: 'must be ≤ 3600' },
  },
  {
    name: 'policy periodSeconds 0',
    files: withHpa('  maxReplicas: 3', '  behavior:', '    scaleUp:', '      policies: [{type: Pods, value: 4, periodSeconds: 0}]'),
    expected: { file: WEB_YAML, line: HPA + 10, field: 'spec.behavior.scaleUp.policies[0].periodSeconds', message: 'must be ≥ 1' },
  },
  {
    name: 'Utilization target on a Pods metric',
    files: {
      ...withHpa('  maxReplicas: 3', '  metrics:', '    - type: Pods', '      pods:', '        metric: {name: pps}', '        target: {type: Utilization, averageUtilization: 50}'),
      'scenario.yaml': `${BASE_SCENARIO}  series:\n    pps: {workload: web, quantity: offeredRequestsPerSecond}\n`,
    },
    expected: { file: WEB_YAML, line: HPA + 12, field: 'spec.metrics[0].pods.target.type', message: 'target type Utilization is not valid for a pods metric', hint: 'AverageValue' },
  },
  {
    name: 'Pods metric without a series',
    files: withHpa('  maxReplicas: 3', '  metrics:', '    - type: Pods', '      pods:', '        metric: {name: packets-per-second}', '        target: {type: AverageValue, averageValue: "1"}'),
    expected: { file: WEB_YAML, line: HPA + 11, field: 'spec.metrics[0].pods.metric.name', message: 'Pods metric "packets-per-second" has no series', hint: 'spec.series.packets-per-second' },
  },
  {
    name: 'scaleTargetRef to a missing Deployment',
    files: { 'manifests/web.yaml': `${BASE_DEPLOYMENT}---\n${hpaV2('web', '  maxReplicas: 10').replace('name: web}', 'name: webb}')}` },
    expected: { file: WEB_YAML, line: HPA + 6, field: 'spec.scaleTargetRef', message: 'no Deployment "webb" in namespace "default"', hint: 'did you mean "web"?' },
  },
  {
    name: 'two HPAs on one Deployment',
    files: { 'manifests/web.yaml': `${BASE_DEPLOYMENT}---\n${hpaV2('web', '  maxReplicas: 10')}---\n${hpaV2('web-2', '  maxReplicas: 4')}` },
    expected: { file: WEB_YAML, line: 30, field: 'spec.scaleTargetRef.name', message: 'already the target of HorizontalPodAutoscaler web', hint: 'one HorizontalPodAutoscaler per workload' },
  },
  {
    name: 'quantity "200x"',
    files: withDeployment(BASE_DEPLOYMENT.replace('cpu: 100m', 'cpu: 200x')),
    expected: { file: WEB_YAML, line: 15, field: 'spec.template.spec.containers[0].resources.requests.cpu', message: '"200x" is not a Kubernetes quantity' },
  },
  {
    name: 'quantity "-1"',
    files: withDeployment(BASE_DEPLOYMENT.replace('memory: 64Mi', 'memory: "-1"')),
    expected: { file: WEB_YAML, line: 15, field: 'spec.template.spec.containers[0].resources.requests.memory', message: 'must be greater than or equal to 0' },
  },
  {
    name: 'request above limit',
    files: withDeployment(BASE_DEPLOYMENT.replace('{cpu: 100m, memory: 64Mi}', '{cpu: "2"}\n            limits: {cpu: "1"}')),
    expected: { file: WEB_YAML, line: 15, field: 'spec.template.spec.containers[0].resources.requests.cpu', message: 'must be less than or equal to the cpu limit' },
  },
  {
    name: 'selector that does not match the template labels',
    files: withDeployment(BASE_DEPLOYMENT.replace('labels: {app: web}', 'labels: {app: wbe}')),
    expected: { file: WEB_YAML, line: 10, field: 'spec.template.metadata.labels', message: '`selector` does not match template `labels`' },
  },
  {
    name: 'Deployment without containers',
    files: withDeployment(BASE_DEPLOYMENT.replace(/ {6}containers:[\s\S]*$/, '      containers: []\n')),
    expected: { file: WEB_YAML, line: 12, field: 'spec.template.spec.containers', message: 'must have at least 1 item(s)' },
  },
  { name: 'trace value NaN', files: trace('2024-01-01T00:00:00Z,1', '2024-01-01T00:01:00Z,NaN'), expected: { file: 'traces/web.csv', line: 3, field: 'value', message: '"NaN" is not a finite number' } },
  { name: 'negative trace value', files: trace('2024-01-01T00:00:00Z,-5'), expected: { file: 'traces/web.csv', line: 2, field: 'value', message: 'negative' } },
  {
    name: 'out-of-order trace',
    files: trace('2024-01-01T00:01:00Z,1', '2024-01-01T00:00:00Z,1'),
    expected: { file: 'traces/web.csv', line: 3, field: 'timestamp', message: 'timestamp out of order: earlier than line 2' },
  },
  {
    name: 'duplicated trace timestamp',
    files: trace('2024-01-01T00:00:00Z,1', '2024-01-01T00:01:00Z,1', '2024-01-01T00:01:00Z,2'),
    expected: { file: 'traces/web.csv', line: 4, field: 'timestamp', message: 'duplicated timestamp' },
  },
  { name: 'unparseable timestamp', files: trace('July 1st,1'), expected: { file: 'traces/web.csv', line: 2, field: 'timestamp', message: '"July 1st" is not an ISO-8601 timestamp' } },
  { name: 'empty trace file', files: { 'traces/web.csv': '' }, expected: { file: 'traces/web.csv', line: 1, message: 'the trace file is empty' } },
  { name: 'trace with a header only', files: { 'traces/web.csv': 'timestamp,value\r\n' }, expected: { file: 'traces/web.csv', line: 1, message: 'no data rows' } },
  {
    name: 'trace without a value column',
    files: { 'traces/web.csv': 'timestamp,count\n2024-01-01T00:00:00Z,1\n' },
    expected: { file: 'traces/web.csv', line: 1, field: 'value', message: 'no "value" column' },
  },
  { name: 'missing trace file', files: { 'traces/web.csv': null }, expected: { file: 'scenario.yaml', line: 6, field: 'spec.traces.web.file', message: 'file or folder not found' } },
  {
    name: 'unknown trace format',
    files: scenarioWith('      valueKind: countPerBucket', '      valueKind: countPerBucket\n      format: cvs'),
    expected: { file: 'scenario.yaml', line: 8, field: 'spec.traces.web.format', message: 'unknown trace format "cvs"', hint: 'did you mean "csv"?' },
  },
  {
    name: 'activeUsers without requestsPerUserPerSecond',
    files: scenarioWith('valueKind: countPerBucket', 'valueKind: activeUsers'),
    expected: { file: 'scenario.yaml', line: 7, field: 'spec.traces.web.valueKind', message: 'valueKind activeUsers requires requestsPerUserPerSecond' },
  },
  {
    name: 'a shift that moves the whole trace before t=0',
    files: scenarioWith('      valueKind: countPerBucket', '      valueKind: countPerBucket\n      shift: -1h'),
    expected: { file: 'scenario.yaml', line: 8, field: 'spec.traces.web.shift', message: 'the whole trace falls before simulation time 0' },
  },
  {
    name: 'unknown trace name in a workload',
    files: scenarioWith('      trace: web', '      trace: wbe'),
    expected: { file: 'scenario.yaml', line: 15, field: 'spec.workloads.web.trace', message: 'trace "wbe" is not defined under spec.traces', hint: 'did you mean "web"?' },
  },
  {
    name: 'workload without a Deployment',
    files: scenarioWith('    web:\n      trace: web', '    api:\n      trace: web'),
    expected: { file: 'scenario.yaml', line: 14, field: 'spec.workloads.api', message: 'no Deployment or StatefulSet named "api"' },
  },
  {
    name: 'series with both a trace and a workload',
    files: { 'scenario.yaml': `${BASE_SCENARIO}  series:\n    rps: {trace: web, workload: web, quantity: servedRequestsPerSecond}\n` },
    expected: { file: 'scenario.yaml', line: 18, field: 'spec.series.rps.workload', message: 'set either trace or workload, not both' },
  },
  { name: 'missing manifests folder', files: { 'manifests/web.yaml': null }, expected: { file: 'scenario.yaml', line: 3, field: 'spec.manifests[0]', message: 'file or folder not found', hint: 'spec.manifests defaults to ["manifests"]' } },
  { name: 'missing scenario.yaml', files: { 'scenario.yaml': null }, expected: { file: 'scenario.yaml', message: 'file or folder not found' } },
  { name: 'empty scenario.yaml', files: { 'scenario.yaml': '# nothing yet\n' }, expected: { file: 'scenario.yaml', line: 1, message: 'scenario.yaml is empty' } },
];

async function problemsFor(files: FolderFiles): Promise<{ dir: string; problems: InputProblem[] }> {
  const dir = await writeScenarioFolder({ ...baseFiles(), ...files });
  try {
    await loadScenario(dir);
  } catch (e) {
    if (!isUserInputError(e)) throw e;
    return { dir, problems: e.problems.map((p) => ({ ...p, file: path.relative(dir, p.file) })) };
  } finally {
    await removeFolder(dir);
  }
  throw new Error('loadScenario accepted a bad input');
}

describe('loadScenario rejects bad input with located problems', () => {
  it('has a table of at least 20 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, { files, expected }) => {
    const { problems } = await problemsFor(files);
    const { message, hint, ...where } = expected;
    expect(problems).toContainEqual(
      expect.objectContaining({
        ...where,
        message: expect.stringContaining(message),
        ...(hint ? { hint: expect.stringContaining(hint) } : {}),
      }),
    );
  });

  it('reports problems of several files together, in one UserInputError', async () => {
    const { problems } = await problemsFor({
      ...scenarioWith('spec:\n', 'spec:\n  seeed: 3\n'),
      ...trace('2024-01-01T00:00:00Z,abc'),
      'manifests/widget.yaml': lines('apiVersion: example.com/v1', 'kind: Widget'),
      'manifests/web.yaml': `${DEPLOYMENT_NO_REQUESTS}---\n${hpaV2('web', '  minReplicas: 5', '  maxReplicas: 2')}`,
    });
    const summary = problems.map((p) => `${p.file}:${p.line} ${p.field ?? ''}`);
    expect(summary).toEqual(
      expect.arrayContaining([
        'scenario.yaml:4 spec.seeed',
        'traces/web.csv:2 value',
        'manifests/widget.yaml:2 kind',
        `${WEB_YAML}:${HPA + 7} spec.maxReplicas`, // the Deployment without requests is one line shorter
        `${WEB_YAML}:13 spec.template.spec.containers[0].resources.requests.cpu`,
      ]),
    );
  });

  it('still checks the trace file of a binding that has schema problems', async () => {
    const { problems } = await problemsFor({ ...scenarioWith('valueKind: countPerBucket', 'valueKind: countPerBucket\n      scale: 0'), ...trace('2024-01-01T00:00:00Z,x') });
    expect(problems.map((p) => `${p.file}:${p.line} ${p.field}`)).toEqual(['scenario.yaml:8 spec.traces.web.scale', 'traces/web.csv:2 value']);
  });

  it('formats every problem as file:line:column: field: message', async () => {
    const dir = await writeScenarioFolder({ ...baseFiles(), ...scenarioWith('cpu: "4"', 'cpu: 200x') });
    try {
      await expect(loadScenario(dir)).rejects.toThrow(`${path.join(dir, 'scenario.yaml')}:11:12: spec.nodePools[0].cpu: "200x" is not a Kubernetes quantity`);
    } finally {
      await removeFolder(dir);
    }
  });

  it('rejects invalid overrides', async () => {
    const dir = await writeScenarioFolder(baseFiles());
    try {
      await expect(loadScenario(dir, { seed: -1, durationSeconds: Number.NaN })).rejects.toMatchObject({
        problems: [
          { file: '(command line)', field: '--seed' },
          { file: '(command line)', field: '--duration' },
        ],
      });
    } finally {
      await removeFolder(dir);
    }
  });
});

describe('warnings (not errors)', () => {
  it.each([
    ['an HPA on a workload without a load model', { 'scenario.yaml': BASE_SCENARIO.replace(/ {2}workloads:[\s\S]*$/, '  duration: 1h\n') }, 'has no load model'],
    ['a run longer than a non-looping trace', scenarioWith('spec:\n', 'spec:\n  duration: 1h\n'), 'its rate is 0 afterwards'],
    ['a shift that moves the whole trace past the end of the run', { 'scenario.yaml': BASE_SCENARIO.replace('spec:\n', 'spec:\n  duration: 1h\n').replace('      valueKind: countPerBucket', '      valueKind: countPerBucket\n      shift: 10h') }, 'the trace starts at 36000 s, at or after the run ends at 3600 s: its rate is 0 for the whole run'],
    ['a kustomization file beside the manifests', { 'manifests/kustomization.yaml': lines('apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'resources: [web.yaml]') }, 'kustomize.config.k8s.io/v1beta1/Kustomization is not modelled; ignored'],
    ['a PrometheusRule whose annotations hold template text (data, not a Helm template)', { 'manifests/rules.yaml': lines('apiVersion: monitoring.coreos.com/v1', 'kind: PrometheusRule', 'metadata: {name: web}', 'spec:', '  groups:', '    - name: web', '      rules:', '        - alert: WebDown', '          expr: up == 0', '          annotations:', '            summary: Instance {{ $labels.instance }} down', '            description: |', '              {{ $labels.instance }} has been down for {{ $value }}.') }, 'monitoring.coreos.com/v1/PrometheusRule is not modelled; ignored'],
    ['an ignored kind', { 'manifests/svc.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata: {name: web}') }, 'v1/Service is not modelled; ignored'],
    ['minReplicas 0 with an External metric', {
      ...withHpa('  minReplicas: 0', '  maxReplicas: 3', '  metrics:', '    - type: External', '      external:', '        metric: {name: queue}', '        target: {type: AverageValue, averageValue: "30"}'),
      'scenario.yaml': `${BASE_SCENARIO}  series:\n    queue: {trace: web}\n`,
    }, 'HPAScaleToZero'],
  ])('%s', async (_name, files, fragment) => {
    const dir = await writeScenarioFolder({ ...baseFiles(), ...files, 'traces/web.csv': BASE_TRACE });
    try {
      const scenario = await loadScenario(dir);
      expect(scenario.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining(fragment));
    } finally {
      await removeFolder(dir);
    }
  });
});

describe('files that are not UTF-8 text', () => {
  it.each([
    ['scenario.yaml in UTF-16 with its byte order mark', 'scenario.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BASE_SCENARIO, 'utf16le')]), /the file is UTF-16 text; scalesim reads UTF-8/, /save it as UTF-8/],
    ['a trace in UTF-16 without one', 'traces/web.csv', Buffer.from(BASE_TRACE, 'utf16le'), /the file is UTF-16 text/, /save it as UTF-8/],
    ['a manifest that is a binary file', 'manifests/web.yaml', Buffer.concat([Buffer.from('apiVersion: apps/v1\n'), Buffer.from([0, 1, 2, 3]), Buffer.alloc(200, 0x41)]), /holds NUL bytes: it is not a text file/, /YAML, CSV or JSON text/],
  ])('%s is named as such, in one short problem', async (_name, file, bytes, message, hint) => {
    const dir = await writeScenarioFolder(baseFiles());
    try {
      writeFileSync(path.join(dir, file), bytes);
      let problems: InputProblem[] = [];
      try {
        await loadScenario(dir);
      } catch (e) {
        if (!isUserInputError(e)) throw e;
        problems = e.problems;
      }
      const found = problems.find((p) => message.test(p.message));
      expect(found, JSON.stringify(problems)).toBeDefined();
      expect(found!.hint).toMatch(hint);
      expect(found!.message.length).toBeLessThan(120);
    } finally {
      await removeFolder(dir);
    }
  });
});

describe('a bucket that is not the rows\' step', () => {
  it('warns that counts per bucket are spread over another width, and says nothing when it matches', async () => {
    const { loadFolder } = await import('./helpers/scenario-folder.js');
    const withBucket = (bucket: string) => loadFolder({ ...baseFiles(), 'scenario.yaml': BASE_SCENARIO.replace('      valueKind: countPerBucket', `      valueKind: countPerBucket\n      bucket: ${bucket}`) });
    const wrong = await withBucket('5m');
    expect(wrong.warnings).toContainEqual(
      expect.objectContaining({ field: 'spec.traces.web.bucket', message: 'bucket is 300 s but most rows are 60 s apart: each count is spread over 300 s, so the load is 0.200× what the rows say per second' }),
    );
    const right = await withBucket('1m');
    expect(right.warnings.filter((w) => w.field === 'spec.traces.web.bucket')).toEqual([]);
  });
});

describe('the hint for a number written as a string', () => {
  it.each([
    ['"30"', 'write the number without quotes'],
    ['30%', 'write the number alone, without the % sign'],
    ['"40;50"', undefined],
  ])('averageUtilization: %s', async (value, hint) => {
    const files = { 'manifests/web.yaml': `${BASE_DEPLOYMENT}---\n${hpaV2('web', '  maxReplicas: 10', '  metrics:', '    - type: Resource', '      resource:', '        name: cpu', `        target: {type: Utilization, averageUtilization: ${value}}`)}` };
    const { problems } = await problemsFor(files);
    const found = problems.find((p) => p.field === 'spec.metrics[0].resource.target.averageUtilization');
    expect(found, JSON.stringify(problems)).toBeDefined();
    expect(found!.hint).toBe(hint);
  });
});

