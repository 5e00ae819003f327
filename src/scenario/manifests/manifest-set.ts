/**
 * What the manifest loaders produce: the modelled objects (workloads, HPAs, KEDA objects), each with
 * the DocRef it came from so that later cross checks can point at the exact field, and the handler
 * contract every kind in ./registry.ts implements.
 */
import type { HpaSpec } from '../../autoscalers/hpa/types.js';
import type { ParsedTrigger, ScaledJobSpec, ScaledObjectSpec } from '../../autoscalers/keda/types.js';
import type { ProblemSink } from '../problem-sink.js';
import type { DaemonSetSpec, ElasticWorkloadSpec, JobTemplateSpec, PodDisruptionBudgetSpec, WorkloadSpec } from '../types.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldPath } from '../yaml/field-path.js';
import type { FieldTree } from './known-fields.js';
import type { PriorityClassEntry } from './priority-class.js';
import type { LimitRangeEntry } from './limit-range.js';
import type { NamespaceEntry } from './namespace.js';
import type { ResourceQuotaSpec } from '../resource-quota-types.js';
import type { RuntimeClassEntry } from './runtime-class.js';

export interface WorkloadEntry {
  spec: WorkloadSpec;
  ref: DocRef;
  /** Field path of each regular container, aligned with spec.template.containers. */
  containerPaths: FieldPath[];
  /** Field path of each sidecar, aligned with spec.template.sidecars. */
  sidecarPaths: FieldPath[];
}

export interface DaemonSetEntry {
  spec: DaemonSetSpec;
  ref: DocRef;
}

export interface HpaEntry {
  spec: HpaSpec;
  ref: DocRef;
}

export interface ScaledObjectEntry {
  spec: ScaledObjectSpec;
  ref: DocRef;
  /** Each trigger's scaler settings, aligned with spec.triggers (undefined where it had problems). */
  parsed: (ParsedTrigger | undefined)[];
  /** autoscaling.keda.sh/paused or paused-replicas: KEDA leaves the target alone (at `replicas` when set). */
  paused?: { replicas?: number };
  /** scaledobject.keda.sh/transfer-hpa-ownership: KEDA adopts the HPA named by hpaName. */
  transferHpaOwnership: boolean;
}

export interface ScaledJobEntry {
  spec: ScaledJobSpec;
  ref: DocRef;
  parsed: (ParsedTrigger | undefined)[];
  template: JobTemplateSpec;
}

/**
 * A TriggerAuthentication or ClusterTriggerAuthentication: its identity and where its parameters
 * come from (never their values: those are read from ConfigMaps and Secrets only where needed).
 */
export interface TriggerAuthenticationEntry {
  kind: 'TriggerAuthentication' | 'ClusterTriggerAuthentication';
  name: string;
  /** '' for ClusterTriggerAuthentication (cluster-scoped). */
  namespace: string;
  /** spec.env, spec.configMapTargetRef and spec.secretTargetRef, in that order (KEDA's resolveAuthRef: a later one wins). */
  params: readonly AuthParamRef[];
  /** Other parameter sources (hashiCorpVault, azureKeyVault, podIdentity…), by field name: not resolved. */
  otherSources: readonly string[];
  ref: DocRef;
}

/** Where one authentication parameter comes from. */
export type AuthParamRef =
  | { parameter: string; source: 'env'; name: string; containerName: string }
  | { parameter: string; source: 'ConfigMap' | 'Secret'; name: string; key: string };

/** A v1 ConfigMap or Secret: its keys and values (a Secret's decoded), read only for KEDA's authParams and env. */
export interface ConfigDataEntry {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  namespace: string;
  data: Readonly<Record<string, string>>;
  ref: DocRef;
}

export interface ElasticWorkloadEntry {
  spec: ElasticWorkloadSpec;
  ref: DocRef;
  /** spec.replicas was not written: it takes the source workload's replicas once that is found. */
  replicasDefaulted: boolean;
  /** sourceTarget.max was not written (the source then keeps none beyond its min). */
  sourceMaxDefaulted: boolean;
}

export interface ResourceQuotaEntry {
  spec: ResourceQuotaSpec;
  ref: DocRef;
}

export interface PodDisruptionBudgetEntry {
  spec: PodDisruptionBudgetSpec;
  ref: DocRef;
}

export interface ManifestSet {
  workloads: WorkloadEntry[];
  hpas: HpaEntry[];
  scaledObjects: ScaledObjectEntry[];
  scaledJobs: ScaledJobEntry[];
  triggerAuthentications: TriggerAuthenticationEntry[];
  /** v1 ConfigMaps and Secrets, in reading order. */
  configData: ConfigDataEntry[];
  elasticWorkloads: ElasticWorkloadEntry[];
  podDisruptionBudgets: PodDisruptionBudgetEntry[];
  /** scheduling.k8s.io/v1 PriorityClasses (cluster-scoped), in reading order. */
  priorityClasses: PriorityClassEntry[];
  /** v1 LimitRanges (namespaced), in reading order; limit-ranger.ts applies them to the pod templates. */
  limitRanges: LimitRangeEntry[];
  /** node.k8s.io/v1 RuntimeClasses (cluster-scoped), in reading order. */
  runtimeClasses: RuntimeClassEntry[];
  /** apps/v1 DaemonSets, in reading order. */
  daemonSets: DaemonSetEntry[];
  /** v1 ResourceQuotas (namespaced), in reading order. */
  resourceQuotas: ResourceQuotaEntry[];
  /** v1 Namespaces (cluster-scoped), in reading order: their labels, for namespaceSelector. */
  namespaces: NamespaceEntry[];
  /**
   * `Kind/namespace/name` of objects that could not be read (their problems are already reported):
   * references to them are not reported again as missing.
   */
  broken: Set<string>;
  /**
   * True when a listed file or folder could not be read or parsed: objects may be missing, so
   * "no such workload" is not reported (it would only repeat the read problem).
   */
  incomplete: boolean;
}

export function objectKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

/** Records the object at `ref` as unreadable, by the name and namespace it was written with. */
export function markBroken(out: ManifestSet, kind: string, ref: DocRef): void {
  const name = ref.valueAt(['metadata', 'name']);
  const namespace = ref.valueAt(['metadata', 'namespace']);
  if (typeof name !== 'string') return;
  out.broken.add(objectKey(kind, typeof namespace === 'string' && namespace ? namespace : 'default', name));
}

/** An empty set, for the reader and for tests. */
export function emptyManifestSet(): ManifestSet {
  return { workloads: [], hpas: [], scaledObjects: [], scaledJobs: [], triggerAuthentications: [], configData: [], elasticWorkloads: [], podDisruptionBudgets: [], priorityClasses: [], limitRanges: [], resourceQuotas: [], daemonSets: [], runtimeClasses: [], namespaces: [], broken: new Set(), incomplete: false };
}

/** How the simulator treats a kind: loads it, ignores it with a warning, or rejects it for now. */
export type KindSupport = 'modelled' | 'ignored' | 'unsupported';

export interface ManifestKindHandler {
  /** API group ('' for the core group), e.g. 'apps', 'autoscaling', 'keda.sh'. */
  group: string;
  kind: string;
  support: KindSupport;
  /** Versions this handler reads; undefined = any version of the group. */
  versions?: readonly string[];
  /** Reads one object (a document or a List item). `apiVersion` is as written. */
  load(ref: DocRef, apiVersion: string, out: ManifestSet, sink: ProblemSink): void;
  /** The fields an object of this kind and version may carry (known-fields.ts); undefined: not checked. */
  fields?: (version: string) => FieldTree | undefined;
}
