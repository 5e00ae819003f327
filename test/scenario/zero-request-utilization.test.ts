/**
 * A Utilization HPA over containers whose request is 0 (src/scenario/hpa-cross-checks.ts): the
 * manifests are valid, but utilization is usage ÷ the pod's summed request, so every sync fails
 * (FailedGetResourceMetric, "no metrics returned matched known pods"). Loading warns at the zero
 * request, naming the HPA, the container and the Deployment; a request > 0 in the sum, or an
 * AverageValue target, gives no warning.
 */
import { describe, expect, it } from 'vitest';
import { BASE_DEPLOYMENT, baseFiles, hpaV2 } from './helpers/base-scenario.js';
import { lineOf } from './helpers/keda-scenario.js';
import { lines, loadFolder } from './helpers/scenario-folder.js';

const WEB = 'manifests/web.yaml';
const ZERO = /is 0 (cpu|memory)/;

const CPU_UTILIZATION = ['  maxReplicas: 10', '  metrics:', '    - type: Resource', '      resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}'];

async function zeroWarnings(deployment: string, ...hpa: string[]) {
  const manifest = `${deployment}---\n${hpaV2('web', ...hpa)}`;
  const scenario = await loadFolder({ ...baseFiles(), [WEB]: manifest });
  return { manifest, scenario, warnings: scenario.warnings.filter((w) => ZERO.test(w.message)) };
}

const zeroCpu = BASE_DEPLOYMENT.replace('requests: {cpu: 100m, memory: 64Mi}', 'requests: {cpu: "0", memory: 64Mi}');

describe('a cpu request of 0 under a cpu Utilization HPA', () => {
  it('warns at the request, naming the HPA, the container and the Deployment; the scenario still loads', async () => {
    const { manifest, scenario, warnings } = await zeroWarnings(zeroCpu, ...CPU_UTILIZATION);
    expect(scenario.hpas).toHaveLength(1);
    expect(warnings).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/manifests\/web\.yaml$/),
        line: lineOf(manifest, 'cpu: "0"'),
        field: 'spec.template.spec.containers[0].resources.requests.cpu',
        message: expect.stringMatching(/^the request of container "web" of Deployment web is 0 cpu, but HorizontalPodAutoscaler web \(.*web\.yaml:\d+\) targets cpu Utilization/),
      }),
    ]);
    expect(warnings[0]?.message).toContain('the HPA can never compute cpu utilization and every sync fails (FailedGetResourceMetric');
    expect(warnings[0]?.hint).toMatch(/set resources\.requests\.cpu above 0, or use an AverageValue target in HorizontalPodAutoscaler web/);
  });

  it('also for the default metric (no metrics: cpu Utilization 80%) and autoscaling/v1', async () => {
    expect((await zeroWarnings(zeroCpu, '  maxReplicas: 10')).warnings).toHaveLength(1);
    const v1 = `${zeroCpu}---\n${hpaV2('web', '  maxReplicas: 10', '  targetCPUUtilizationPercentage: 50').replace('autoscaling/v2', 'autoscaling/v1')}`;
    const scenario = await loadFolder({ ...baseFiles(), [WEB]: v1 });
    expect(scenario.warnings.filter((w) => ZERO.test(w.message))).toHaveLength(1);
  });

  it('also when the request is defaulted from a limit of 0', async () => {
    const deployment = BASE_DEPLOYMENT.replace('requests: {cpu: 100m, memory: 64Mi}', 'requests: {memory: 64Mi}\n            limits: {cpu: "0"}');
    const { warnings } = await zeroWarnings(deployment, ...CPU_UTILIZATION);
    expect(warnings).toEqual([expect.objectContaining({ field: 'spec.template.spec.containers[0].resources.requests.cpu' })]);
  });

  it('a ContainerResource metric on the zero-request container names FailedGetContainerResourceMetric', async () => {
    const { warnings } = await zeroWarnings(zeroCpu, '  maxReplicas: 10', '  metrics:', '    - type: ContainerResource', '      containerResource: {name: cpu, container: web, target: {type: Utilization, averageUtilization: 60}}');
    expect(warnings).toEqual([expect.objectContaining({ field: 'spec.template.spec.containers[0].resources.requests.cpu', message: expect.stringContaining('FailedGetContainerResourceMetric') })]);
  });

  it('a pod-level request of 0 (spec.template.spec.resources) warns at that field', async () => {
    const deployment = BASE_DEPLOYMENT.replace('      containers:', '      resources: {requests: {cpu: "0", memory: 64Mi}}\n      containers:');
    const { manifest, warnings } = await zeroWarnings(deployment, ...CPU_UTILIZATION);
    expect(warnings).toEqual([
      expect.objectContaining({ line: lineOf(manifest, 'resources: {requests: {cpu: "0"'), field: 'spec.template.spec.resources.requests.cpu', message: expect.stringMatching(/^the pod-level request \(spec\.template\.spec\.resources\) of Deployment web is 0 cpu/) }),
    ]);
  });

  it('a memory request of 0 under a memory Utilization HPA warns the same way', async () => {
    const deployment = BASE_DEPLOYMENT.replace('requests: {cpu: 100m, memory: 64Mi}', 'requests: {cpu: 100m, memory: "0"}');
    const { warnings } = await zeroWarnings(deployment, '  maxReplicas: 10', '  metrics:', '    - type: Resource', '      resource: {name: memory, target: {type: Utilization, averageUtilization: 60}}');
    expect(warnings).toEqual([expect.objectContaining({ field: 'spec.template.spec.containers[0].resources.requests.memory', message: expect.stringContaining('is 0 memory') })]);
  });
});

describe('no warning when utilization is defined or not used', () => {
  it('another container requests cpu: the pod sum is above 0', async () => {
    const deployment = `${zeroCpu}${lines('        - name: app', '          resources: {requests: {cpu: 200m, memory: 64Mi}}')}`;
    expect((await zeroWarnings(deployment, ...CPU_UTILIZATION)).warnings).toEqual([]);
  });

  it('an AverageValue target does not divide by the request', async () => {
    const { warnings } = await zeroWarnings(zeroCpu, '  maxReplicas: 10', '  metrics:', '    - type: Resource', '      resource: {name: cpu, target: {type: AverageValue, averageValue: 100m}}');
    expect(warnings).toEqual([]);
  });

  it('a ContainerResource metric on a container with a request', async () => {
    const deployment = `${zeroCpu}${lines('        - name: app', '          resources: {requests: {cpu: 200m, memory: 64Mi}}')}`;
    const { warnings } = await zeroWarnings(deployment, '  maxReplicas: 10', '  metrics:', '    - type: ContainerResource', '      containerResource: {name: cpu, container: app, target: {type: Utilization, averageUtilization: 60}}');
    expect(warnings).toEqual([]);
  });

  it('the base Deployment (cpu 100m)', async () => {
    expect((await zeroWarnings(BASE_DEPLOYMENT, ...CPU_UTILIZATION)).warnings).toEqual([]);
  });
});
