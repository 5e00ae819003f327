/**
 * Checks between ScaledObjects, their targets and the HPAs, as KEDA's admission webhook makes them
 * (scaledobject_webhook.go): the target exists; no HPA (verifyHpas) and no other ScaledObject
 * (verifyScaledObjects) scales it, and no two ScaledObjects generate the same HPA name; cpu and
 * memory triggers need the containers' requests and a minReplicaCount ≥ 1 (verifyCPUMemoryScalers).
 * An HPA the ScaledObject adopts (transfer-hpa-ownership) is returned, to be replaced by KEDA's.
 */
import type { HpaEntry, ManifestSet, ScaledObjectEntry, WorkloadEntry } from '../manifests/manifest-set.js';
import { objectKey } from '../manifests/manifest-set.js';
import { isResourceTriggerType } from '../../autoscalers/keda/scalers/registry.js';
import { elasticOwnerOf, reportSourceTargeted, type ElasticSources } from '../elastic-workload-checks.js';
import type { ProblemSink } from '../problem-sink.js';
import { findScaleTarget } from '../scale-target.js';

export interface ScaledObjectCheckContext {
  manifests: ManifestSet;
  /** Workload names that have a load model in spec.workloads. */
  loadModelNames: readonly string[];
  /** Each ElasticWorkload with its source workload. */
  elasticSources: ElasticSources;
  sink: ProblemSink;
}

export interface ScaledObjectTargets {
  /** Each checked ScaledObject's target. */
  targets: Map<ScaledObjectEntry, WorkloadEntry>;
  /** HPAs adopted by a ScaledObject (left out of the scenario: KEDA's generated HPA replaces them). */
  adoptedHpas: Set<HpaEntry>;
}

export function checkScaledObjects(ctx: ScaledObjectCheckContext): ScaledObjectTargets {
  const out: ScaledObjectTargets = { targets: new Map(), adoptedHpas: new Set() };
  const claimedBy = new Map<string, ScaledObjectEntry>();
  const hpaNames = new Map<string, ScaledObjectEntry>();
  for (const so of ctx.manifests.scaledObjects) {
    const hpaKey = `${so.spec.namespace}/${so.spec.hpaName}`;
    const sameHpa = hpaNames.get(hpaKey);
    if (sameHpa) ctx.sink.error(so.ref.problem(['metadata', 'name'], `the HPA "${so.spec.hpaName}" is already managed by the ScaledObject ${sameHpa.spec.name}`, 'set advanced.horizontalPodAutoscalerConfig.name to a name of its own'));
    else hpaNames.set(hpaKey, so);
    if (so.spec.scaleTargetRef.kind === 'ElasticWorkload') {
      ctx.sink.error(so.ref.problem(['spec', 'scaleTargetRef', 'kind'], 'a ScaledObject on an ElasticWorkload is not supported by the simulator', 'scale the ElasticWorkload with a HorizontalPodAutoscaler'));
      continue;
    }
    const target = findScaleTarget({ what: 'a ScaledObject', namespace: so.spec.namespace, scaleTargetRef: so.spec.scaleTargetRef, ref: so.ref }, ctx.manifests, ctx.sink);
    if (!target) continue;
    const elastic = elasticOwnerOf(target, ctx.elasticSources);
    if (elastic) {
      reportSourceTargeted('a ScaledObject', target, elastic, so.ref, ctx.sink);
      continue;
    }
    const key = objectKey(target.spec.kind, target.spec.namespace, target.spec.name);
    const first = claimedBy.get(key);
    if (first) {
      const at = first.ref.position();
      ctx.sink.error(so.ref.problem(['spec', 'scaleTargetRef', 'name'], `the workload '${target.spec.name}' of type '${target.spec.kind}' is already managed by the ScaledObject '${first.spec.name}' (${at.file}:${at.line})`, 'keep one ScaledObject per workload, with all the triggers in it'));
      continue;
    }
    claimedBy.set(key, so);
    out.targets.set(so, target);
    checkHpaConflicts(so, target, ctx, out.adoptedHpas);
    checkResourceTriggers(so, target, ctx.sink);
    if (!ctx.loadModelNames.includes(target.spec.name)) {
      ctx.sink.warn(
        so.ref.warning(['spec', 'scaleTargetRef', 'name'], `${target.spec.kind} ${target.spec.name} has no load model in scenario.yaml spec.workloads; it receives no traffic`, `add spec.workloads.${target.spec.name} with a trace`),
      );
    }
  }
  return out;
}

function checkHpaConflicts(so: ScaledObjectEntry, target: WorkloadEntry, ctx: ScaledObjectCheckContext, adopted: Set<HpaEntry>): void {
  for (const hpa of ctx.manifests.hpas) {
    const ref = hpa.spec.scaleTargetRef;
    if (hpa.spec.namespace !== so.spec.namespace || ref.kind !== target.spec.kind || ref.name !== target.spec.name) continue;
    if (so.transferHpaOwnership && hpa.spec.name === so.spec.hpaName) {
      adopted.add(hpa);
      ctx.sink.warn(hpa.ref.warning(['metadata', 'name'], `ScaledObject ${so.spec.name} takes over this HPA (transfer-hpa-ownership): the HPA KEDA generates replaces it`));
      continue;
    }
    const at = hpa.ref.position();
    const hint = so.transferHpaOwnership
      ? `to take the HPA over, set advanced.horizontalPodAutoscalerConfig.name: ${hpa.spec.name}`
      : 'remove the HorizontalPodAutoscaler (KEDA creates its own), or annotate the ScaledObject scaledobject.keda.sh/transfer-hpa-ownership: "true" and name the HPA in advanced.horizontalPodAutoscalerConfig.name';
    ctx.sink.error(so.ref.problem(['spec', 'scaleTargetRef', 'name'], `the workload '${target.spec.name}' of type '${target.spec.kind}' is already managed by the hpa '${hpa.spec.name}' (${at.file}:${at.line})`, hint));
  }
}

/** verifyCPUMemoryScalers: every (named) container requests or limits the resource; cpu/memory alone cannot scale to zero. */
function checkResourceTriggers(so: ScaledObjectEntry, target: WorkloadEntry, sink: ProblemSink): void {
  const resourceTriggers = so.spec.triggers.filter((t) => isResourceTriggerType(t.type));
  if (resourceTriggers.length === 0) return;
  for (const trigger of resourceTriggers) {
    const containerName = trigger.metadata.containerName;
    target.spec.template.containers.forEach((c, i) => {
      if (containerName && c.name !== containerName) return;
      const request = trigger.type === 'cpu' ? c.cpuRequestMillicores : c.memoryRequestBytes;
      if (request !== undefined && request > 0) return;
      sink.error(
        target.ref.problem(
          [...(target.containerPaths[i] ?? []), 'resources', 'requests', trigger.type],
          `the scaledobject has a ${trigger.type} trigger but the container ${c.name} doesn't have the ${trigger.type} request defined (ScaledObject ${so.spec.name})`,
          `set resources.requests.${trigger.type} on the container`,
        ),
      );
    });
  }
  if (resourceTriggers.length === so.spec.triggers.length && so.spec.minReplicaCount === 0) {
    sink.error(
      so.ref.problem(['spec', 'minReplicaCount'], "scaledobject has only cpu/memory triggers AND minReplica is 0 (scale to zero doesn't work in this case)", 'set minReplicaCount ≥ 1, or add an event trigger that can report inactivity'),
    );
  }
}
