/**
 * Parsed pod template → PodTemplateSpec, applying the API server's defaulting and validation that
 * matter to the simulation: requests default to limits (SetDefaults_Pod / defaultResourceRequirements),
 * requests must not exceed limits (ValidateResourceRequirements), sidecars are init containers with
 * restartPolicy: Always, an Exists toleration carries no value (ValidateTolerations), and the
 * topology spread constraints', node affinity's and inter-pod affinity's checks
 * (topology-spread-constraints.ts, node-affinity.ts, pod-affinity.ts). hostPath volumes and
 * emptyDir volumes not in memory are node-local storage (cluster-autoscaler utils/drain
 * isLocalVolume), which keeps a node from scale-down.
 */
import type { ContainerSpec, PodTemplateSpec, ProbeSpec, Toleration } from '../types.js';
import type { EnvFromSource, EnvVar } from '../pod-template-types.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldPath } from '../yaml/field-path.js';
import type { ProblemSink } from '../problem-sink.js';
import type { ContainerInput, PodTemplateInput, ResourcesInput, VolumeInput } from './pod-template-schema.js';
import { toNodeAffinity } from './node-affinity.js';
import { toInterPodAffinity } from './pod-affinity.js';
import { toTopologySpreadConstraints } from './topology-spread-constraints.js';

export interface PodTemplateResult {
  template: PodTemplateSpec;
  containerPaths: FieldPath[];
  sidecarPaths: FieldPath[];
}

/** Converts the template at `path` of `ref`; problems go to `sink`. */
export function toPodTemplate(input: PodTemplateInput, ref: DocRef, path: FieldPath, sink: ProblemSink): PodTemplateResult {
  const spec = input.spec;
  const containerPaths = spec.containers.map((_, i): FieldPath => [...path, 'spec', 'containers', i]);
  const containers = spec.containers.map((c, i) => toContainer(c, false, ref, containerPaths[i] ?? [], sink));
  const sidecars: ContainerSpec[] = [];
  const sidecarPaths: FieldPath[] = [];
  const initContainers: ContainerSpec[] = [];
  let initContainerCount = 0;
  spec.initContainers.forEach((c, i) => {
    const p: FieldPath = [...path, 'spec', 'initContainers', i];
    const sidecar = c.restartPolicy === 'Always';
    const container = toContainer(c, sidecar, ref, p, sink);
    initContainers.push(container);
    if (!sidecar) {
      initContainerCount++;
      return;
    }
    sidecars.push(container);
    sidecarPaths.push(p);
  });
  const podResources = effectiveResources(spec.resources);
  const nodeAffinityInput = spec.affinity?.nodeAffinity;
  const nodeAffinity = nodeAffinityInput == null ? undefined : toNodeAffinity(nodeAffinityInput, ref, [...path, 'spec', 'affinity', 'nodeAffinity'], sink);
  const podAffinity = toInterPodAffinity(ref, [...path, 'spec', 'affinity'], sink);
  const template: PodTemplateSpec = {
    labels: input.metadata.labels,
    annotations: input.metadata.annotations,
    containers,
    sidecars,
    initContainerCount,
    initContainers,
    nodeSelector: spec.nodeSelector,
    tolerations: spec.tolerations.map((t, i) => toToleration(t, ref, [...path, 'spec', 'tolerations', i], sink)),
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds,
    ...localStorage(spec.volumes),
    ...(podResources.cpuRequest !== undefined ? { podCpuRequestMillicores: podResources.cpuRequest } : {}),
    ...(podResources.memoryRequest !== undefined ? { podMemoryRequestBytes: podResources.memoryRequest } : {}),
    ...(podResources.cpuLimit !== undefined ? { podCpuLimitMillicores: podResources.cpuLimit } : {}),
    ...(podResources.memoryLimit !== undefined ? { podMemoryLimitBytes: podResources.memoryLimit } : {}),
    ...(spec.activeDeadlineSeconds !== undefined ? { activeDeadlineSeconds: spec.activeDeadlineSeconds } : {}),
    ...(spec.runtimeClassName !== undefined ? { runtimeClassName: spec.runtimeClassName } : {}),
    ...(spec.topologySpreadConstraints.length > 0
      ? {
          hasTopologySpreadConstraints: true,
          topologySpreadConstraints: toTopologySpreadConstraints(spec.topologySpreadConstraints, ref, [...path, 'spec', 'topologySpreadConstraints'], sink),
        }
      : {}),
    ...(nodeAffinity !== undefined ? { nodeAffinity } : {}),
    ...(podAffinity !== undefined ? { podAffinity } : {}),
  };
  return { template, containerPaths, sidecarPaths };
}

/** utils/drain isLocalVolume: hostPath, or emptyDir on any medium but Memory. */
function isLocalVolume(volume: VolumeInput): boolean {
  return (volume.hostPath !== undefined && volume.hostPath !== null) || (volume.emptyDir !== undefined && volume.emptyDir !== null && volume.emptyDir.medium !== 'Memory');
}

function localStorage(volumes: readonly VolumeInput[]): Pick<PodTemplateSpec, 'localStorageVolumes'> {
  const names = volumes.filter(isLocalVolume).map((v) => v.name);
  return names.length > 0 ? { localStorageVolumes: names } : {};
}

function toContainer(c: ContainerInput, sidecar: boolean, ref: DocRef, path: FieldPath, sink: ProblemSink): ContainerSpec {
  const r = effectiveResources(c.resources);
  checkRequestWithinLimit(r.cpuRequest, r.cpuLimit, 'cpu', ref, path, sink);
  checkRequestWithinLimit(r.memoryRequest, r.memoryLimit, 'memory', ref, path, sink);
  return {
    name: c.name,
    ...(r.cpuRequest !== undefined ? { cpuRequestMillicores: r.cpuRequest } : {}),
    ...(r.cpuLimit !== undefined ? { cpuLimitMillicores: r.cpuLimit } : {}),
    ...(r.memoryRequest !== undefined ? { memoryRequestBytes: r.memoryRequest } : {}),
    ...(r.memoryLimit !== undefined ? { memoryLimitBytes: r.memoryLimit } : {}),
    ...(c.readinessProbe ? { readinessProbe: toProbe(c.readinessProbe) } : {}),
    ...(c.startupProbe ? { startupProbe: toProbe(c.startupProbe) } : {}),
    ...(c.livenessProbe ? { livenessProbe: toProbe(c.livenessProbe) } : {}),
    sidecar,
    ...(c.env !== undefined && c.env.length > 0 ? { env: toEnv(c.env) } : {}),
    ...(c.envFrom !== undefined && c.envFrom.length > 0 ? { envFrom: toEnvFrom(c.envFrom) } : {}),
  };
}

/** env in order, each entry a non-empty value, else its valueFrom (resolved in container-env.ts), else "". */
function toEnv(env: NonNullable<ContainerInput['env']>): EnvVar[] {
  return env.map((e): EnvVar => {
    const from = e.valueFrom;
    if ((e.value ?? '') !== '' || from === undefined) return { name: e.name, value: e.value ?? '' };
    if (from.secretKeyRef) return { name: e.name, from: { kind: 'Secret', ...pickKeyRef(from.secretKeyRef) } };
    if (from.configMapKeyRef) return { name: e.name, from: { kind: 'ConfigMap', ...pickKeyRef(from.configMapKeyRef) } };
    return { name: e.name, from: from.fieldRef ? { kind: 'field', fieldPath: from.fieldRef.fieldPath } : { kind: 'other' } };
  });
}

const pickKeyRef = (r: { name: string; key: string; optional: boolean }) => ({ name: r.name, key: r.key, optional: r.optional });

/** envFrom's ConfigMaps and Secrets, in order (a source naming neither is skipped, as the API server refuses it). */
function toEnvFrom(envFrom: NonNullable<ContainerInput['envFrom']>): EnvFromSource[] {
  return envFrom.flatMap((s): EnvFromSource[] => {
    if (s.configMapRef) return [{ kind: 'ConfigMap', name: s.configMapRef.name, prefix: s.prefix, optional: s.configMapRef.optional }];
    if (s.secretRef) return [{ kind: 'Secret', name: s.secretRef.name, prefix: s.prefix, optional: s.secretRef.optional }];
    return [];
  });
}

/** Requests with the API defaulting applied: a resource limited but not requested is requested at its limit. */
function effectiveResources(resources: ResourcesInput | undefined) {
  const requests = resources?.requests;
  const limits = resources?.limits;
  return {
    cpuRequest: requests?.cpu ?? limits?.cpu,
    cpuLimit: limits?.cpu,
    memoryRequest: requests?.memory ?? limits?.memory,
    memoryLimit: limits?.memory,
  };
}

function checkRequestWithinLimit(
  request: number | undefined,
  limit: number | undefined,
  resource: 'cpu' | 'memory',
  ref: DocRef,
  path: FieldPath,
  sink: ProblemSink,
): void {
  if (request === undefined || limit === undefined || request <= limit) return;
  const unit = resource === 'cpu' ? 'millicores' : 'bytes';
  sink.error(
    ref.problem(
      [...path, 'resources', 'requests', resource],
      `the ${resource} request (${request} ${unit}) must be less than or equal to the ${resource} limit (${limit} ${unit})`,
    ),
  );
}

function toProbe(p: ProbeSpec): ProbeSpec {
  const { initialDelaySeconds, periodSeconds, timeoutSeconds, successThreshold, failureThreshold } = p;
  return { initialDelaySeconds, periodSeconds, timeoutSeconds, successThreshold, failureThreshold };
}

/**
 * A toleration as the API server validates it (pkg/apis/core/validation ValidateTolerations): an
 * empty key needs operator Exists, Exists takes no value, and tolerationSeconds needs effect NoExecute.
 */
export function toToleration(
  t: { key?: string | undefined; operator: 'Equal' | 'Exists'; value?: string | undefined; effect?: string | undefined; tolerationSeconds?: number | null | undefined },
  ref: DocRef,
  path: FieldPath,
  sink: ProblemSink,
): Toleration {
  if ((t.key === undefined || t.key === '') && t.operator !== 'Exists') {
    sink.error(ref.problem([...path, 'operator'], 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
  }
  if (t.operator === 'Exists' && t.value) {
    sink.error(ref.problem([...path, 'value'], "value must be empty when `operator` is 'Exists'"));
  }
  const effect = t.effect === '' ? undefined : (t.effect as Toleration['effect']);
  const seconds = t.tolerationSeconds ?? undefined;
  if (seconds !== undefined && effect !== 'NoExecute') {
    sink.error(ref.problem([...path, 'effect'], "effect must be 'NoExecute' when `tolerationSeconds` is set"));
  }
  return {
    ...(t.key !== undefined && t.key !== '' ? { key: t.key } : {}),
    operator: t.operator,
    ...(t.value !== undefined && t.value !== '' ? { value: t.value } : {}),
    ...(effect ? { effect } : {}),
    ...(seconds !== undefined ? { tolerationSeconds: seconds } : {}),
  };
}
