/**
 * Alibaba's ElasticWorkload (autoscaling.alibabacloud.com/v1beta1, docs/fidelity-spec.md §5.1): the
 * total (spec.replicas, the scale subresource an HPA writes) is split into the source workload —
 * clamp(total, min, max) — and the ordered elastic units, each a clone of the source workload with
 * its own labels, nodeSelector and tolerations (e.g. to the virtual-kubelet node), each up to its max.
 * Scale-in takes replicas from the units first (the last unit first), the source keeps its own.
 *
 * The ElasticWorkload only sets each part's replicas. Each part is a workload of the source's kind
 * and keeps that kind's own controller rules: a Deployment part deletes in ReplicaSet order, a
 * StatefulSet part names pods by ordinal and, with OrderedReady, creates and deletes them one at a
 * time (stateful_set_control.go), as the source and its clones do in a cluster running the add-on.
 */
import { elasticUnitTemplate } from './elastic-unit-template.js';
import type { ElasticWorkloadSpec, WorkloadSpec } from '../scenario/types.js';
import type { Cluster } from './cluster.js';
import { DeploymentController } from './deployment-controller.js';
import { isActive, type PodOwner, type SimPod } from './model.js';
import { StatefulSetController } from './stateful-set-controller.js';
import type { Simulation } from '../core/simulation.js';
import { WorkloadController, type PodPartition } from './workload-controller.js';

interface Part {
  controller: WorkloadController;
  min: number;
  max: number;
}

/**
 * How many replicas each part gets for a total: the source first (within min..max), then units in
 * order, each up to its max. A unit's min is not applied: its meaning is not documented (the loader
 * warns when one is set).
 */
export function distributeElastic(total: number, parts: readonly { min: number; max: number }[]): number[] {
  const out = parts.map(() => 0);
  let left = total;
  parts.forEach((part, i) => {
    const isSource = i === 0;
    const take = Math.max(isSource ? part.min : 0, Math.min(left, part.max));
    out[i] = take;
    left -= take;
  });
  return out;
}

export class ElasticWorkloadController extends WorkloadController {
  private readonly parts: Part[];
  private readonly partOf = new Map<SimPod, number>();

  constructor(
    readonly elastic: ElasticWorkloadSpec,
    source: WorkloadSpec,
    owner: PodOwner,
    cluster: Cluster,
    sim: Simulation,
  ) {
    super(source, owner, cluster, sim);
    this.specReplicas = elastic.replicas;
    const base = source.template;
    const partSpecs: { spec: WorkloadSpec; min: number; max: number }[] = [
      { spec: source, min: elastic.sourceTarget.min, max: elastic.sourceTarget.max },
      ...elastic.elasticUnits.map((u) => ({
        spec: {
          ...source,
          name: `${elastic.name}-unit-${u.name}`,
          template: elasticUnitTemplate(base, u),
        },
        min: u.min ?? 0,
        max: u.max ?? Number.POSITIVE_INFINITY,
      })),
    ];
    const want = distributeElastic(this.specReplicas, partSpecs);
    this.parts = partSpecs.map((p, index) => {
      const spec = { ...p.spec, replicas: want[index]! };
      const partition: PodPartition = { index, partOf: this.partOf };
      const controller =
        spec.kind === 'StatefulSet' ? new StatefulSetController(spec, owner, cluster, sim, partition) : new DeploymentController(spec, owner, cluster, sim, partition);
      return { controller, min: p.min, max: p.max };
    });
  }

  override get initialReplicas(): number {
    return this.elastic.replicas;
  }

  /** Active pods per part (0 = source, then the units in order). */
  podsPerPart(): number[] {
    const counts = this.parts.map(() => 0);
    for (const pod of this.pods) if (isActive(pod)) counts[this.partOf.get(pod) ?? 0]!++;
    return counts;
  }

  /** The part (source or unit workload name) a pod belongs to. */
  partName(pod: SimPod): string {
    return this.parts[this.partOf.get(pod) ?? 0]!.controller.spec.name;
  }

  protected nameFor(_index: number): string {
    throw new Error('an ElasticWorkload creates pods through its parts');
  }

  override warmStart(sinceSeconds: number): SimPod[] {
    return this.parts.flatMap((part) => part.controller.warmStart(sinceSeconds));
  }

  override podChanged(pod: SimPod): void {
    this.parts[this.partOf.get(pod) ?? 0]?.controller.podChanged(pod);
  }

  /** Sets each part's replicas and lets it reconcile now: parts that shrink first (the last unit first), then the others in order. */
  reconcile(): void {
    const want = distributeElastic(this.specReplicas, this.parts);
    const active = this.podsPerPart();
    const shrinking = this.parts.map((_, i) => i).filter((i) => active[i]! > want[i]!);
    const others = this.parts.map((_, i) => i).filter((i) => active[i]! <= want[i]!);
    for (const i of [...shrinking.reverse(), ...others]) {
      const controller = this.parts[i]!.controller;
      controller.specReplicas = want[i]!;
      controller.sync();
    }
  }
}
