/**
 * Alibaba's ElasticWorkload (autoscaling.alibabacloud.com/v1beta1, docs/fidelity-spec.md §5.1): the
 * total (spec.replicas, the scale subresource an HPA writes) is split into the source Deployment —
 * clamp(total, min, max) — and the ordered elastic units, each a clone of the source template with
 * its own labels, nodeSelector and tolerations (e.g. to the virtual-kubelet node), each up to its max.
 * Scale-in takes replicas from the units first (the last unit first), the source keeps its own.
 */
import type { ElasticWorkloadSpec, PodTemplateSpec, WorkloadSpec } from '../scenario/types.js';
import type { Cluster } from './cluster.js';
import { isActive, type PodOwner, type SimPod } from './model.js';
import { templateRequests } from './pod-requests.js';
import { choosePodsToDelete } from './replica-set-order.js';
import type { Simulation } from '../core/simulation.js';
import { WorkloadController } from './workload-controller.js';

interface Part {
  name: string;
  template: PodTemplateSpec;
  min: number;
  max: number;
}

/** How many replicas each part gets for a total: the source first (within min..max), then units in order. */
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
  private created = 0;

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
    this.parts = [
      { name: source.name, template: base, min: elastic.sourceTarget.min, max: elastic.sourceTarget.max },
      ...elastic.elasticUnits.map((u) => ({
        name: `${elastic.name}-unit-${u.name}`,
        template: {
          ...base,
          labels: { ...base.labels, ...u.labels },
          annotations: { ...base.annotations, ...u.annotations },
          nodeSelector: { ...base.nodeSelector, ...u.nodeSelector },
          tolerations: [...base.tolerations, ...u.tolerations],
        },
        min: u.min ?? 0,
        max: u.max ?? Number.POSITIVE_INFINITY,
      })),
    ];
  }

  /** Active pods per part (0 = source, then the units in order). */
  podsPerPart(): number[] {
    const counts = this.parts.map(() => 0);
    for (const pod of this.pods) if (isActive(pod)) counts[this.partOf.get(pod) ?? 0]!++;
    return counts;
  }

  /** The part (source or unit name) a pod belongs to. */
  partName(pod: SimPod): string {
    return this.parts[this.partOf.get(pod) ?? 0]!.name;
  }

  protected nameFor(_index: number): string {
    return `${this.parts[0]!.name}-${(this.created++).toString(36).padStart(5, '0')}`;
  }

  override warmStart(sinceSeconds: number): SimPod[] {
    const running: SimPod[] = [];
    distributeElastic(this.specReplicas, this.parts).forEach((count, i) => {
      const part = this.parts[i]!;
      for (let k = 0; k < count; k++) {
        const name = this.partPodName(i);
        const pod = this.cluster.createRunningPod(this.owner, part.template, templateRequests(part.template), name, sinceSeconds);
        const created = pod ?? this.cluster.createPod(this.owner, part.template, templateRequests(part.template), name);
        this.partOf.set(created, i);
        if (pod) running.push(pod);
      }
    });
    return running;
  }

  reconcile(): void {
    const want = distributeElastic(this.specReplicas, this.parts);
    const have: SimPod[][] = this.parts.map(() => []);
    for (const pod of this.pods) if (isActive(pod)) have[this.partOf.get(pod) ?? 0]!.push(pod);
    // Scale-in: the last unit first, the source last.
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const extra = have[i]!.length - want[i]!;
      if (extra > 0) for (const pod of choosePodsToDelete(have[i]!, extra, this.sim.nowSeconds)) this.deletePod(pod);
    }
    this.parts.forEach((part, i) => {
      for (let k = have[i]!.length; k < want[i]!; k++) {
        const pod = this.cluster.createPod(this.owner, part.template, templateRequests(part.template), this.partPodName(i));
        this.partOf.set(pod, i);
      }
    });
  }

  private partPodName(i: number): string {
    return `${this.parts[i]!.name}-${(this.created++).toString(36).padStart(5, '0')}`;
  }
}
