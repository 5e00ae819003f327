/**
 * The ResourceQuotas of the run and what each counts (status.used, which the quota admission plugin
 * reads and adds the new pod to), kept as pods come and go:
 * - a pod create is admitted or forbidden by the quotas of its namespace that count it
 *   (quota-usage.ts admitByQuotas; the quota admission plugin, last of the API server's admission
 *   chain), and an admitted pod is charged at once (the plugin writes the new usage with the create);
 * - a pod stops being charged when it is gone or finished: the resource quota controller's
 *   replenishment (resource_quota_monitor.go: a pod's delete event, or an update that ends its
 *   charge, QuotaV1Pod old && !new) recalculates the namespace's quotas within milliseconds
 *   upstream, at the same instant here;
 * - a terminating pod is charged until its deletion grace period has passed twice over
 *   (quota-charge.ts quotaChargesPod), but no pod event marks that instant, so status.used keeps it
 *   until the next recalculation of its quotas: the controller's periodic full resync
 *   (--resource-quota-sync-period, resource-quota-resync.ts) or a replenishment for another pod of
 *   the namespace, whichever comes first. Only a pod whose kubelet is down outlives its charge (the
 *   simulated kubelet confirms a deletion within the grace period: node-health.ts
 *   finishTermination), so only those are tracked (terminationHeld); once a recalculation drops
 *   one, its removal releases nothing more.
 * - a controller whose creates were refused tells the ledger (its FailedCreate event): counted per
 *   quota, and passed to whoever listens (the run's decision records).
 * Pods of a namespace without quotas cost a WeakMap lookup per create and removal.
 */
import type { PodTemplateSpec, QuotaResource, ResourceQuotaSpec } from '../scenario/types.js';
import type { PodOwner, SimPod } from './model.js';
import { quotaChargeEndSeconds, quotaChargesPod } from './quota-charge.js';
import { admitByQuotas, podQuotaUsage, quotaCountsPod, type QuotaAdmission, type QuotaAmounts } from './quota-usage.js';

/** A sync's refused pod creates, as the controller's FailedCreate event tells them. */
export interface CreateFailure {
  /** The event's source, e.g. replicaset-controller. */
  controller: 'replicaset-controller' | 'statefulset-controller' | 'job-controller';
  /** The object that creates the pods: the Deployment (its ReplicaSet), StatefulSet or Job. */
  object: string;
  /** Pods refused in the sync. */
  pods: number;
  /** The ResourceQuota that refused them. */
  quota: string;
  /** The event's message, e.g. `Error creating: pods "web-0000a" is forbidden: exceeded quota: …`. */
  message: string;
}

/** The API server's error for a create admission refused: `pods "web-0000a" is forbidden: exceeded quota: …`. */
export function podCreateForbidden(pod: string, reason: string): string {
  return `pods "${pod}" is forbidden: ${reason}`;
}

interface QuotaState {
  spec: ResourceQuotaSpec;
  used: QuotaAmounts;
  /** The most `used` reached, per resource. */
  peak: QuotaAmounts;
  failedCreates: number;
  refusedPods: number;
}

/** What a pod of one template does to the quotas: the ones counting it, and its usage. */
interface Charge {
  counting: QuotaState[];
  usage: QuotaAmounts;
}

/** A charged pod whose termination waits for its kubelet: whether a recalculation has dropped it yet. */
interface HeldPod {
  charge: Charge;
  dropped: boolean;
}

/** One quota's standing, for reports and tests. */
export interface QuotaStatus {
  name: string;
  namespace: string;
  hard: QuotaAmounts;
  used: QuotaAmounts;
  peakUsed: QuotaAmounts;
  /** Controller syncs that had creates refused by this quota, and the creates refused. */
  failedCreates: number;
  refusedPods: number;
}

export class QuotaLedger {
  private readonly quotas: QuotaState[];
  private readonly charges = new WeakMap<PodTemplateSpec, Charge>();
  private readonly failureListeners: ((owner: PodOwner, failure: CreateFailure) => void)[] = [];
  /** Charged pods whose termination waits for their kubelet, in the order they were held. */
  private readonly held = new Map<SimPod, HeldPod>();
  private readonly lapseListeners: ((chargeEndSeconds: number) => void)[] = [];

  /** `specs` in the order the admission checks them (by namespace, then name: load-scenario.ts). */
  constructor(specs: readonly ResourceQuotaSpec[]) {
    const zeros = (spec: ResourceQuotaSpec): QuotaAmounts => Object.fromEntries(Object.keys(spec.hard).map((r) => [r, 0]));
    this.quotas = specs.map((spec) => ({ spec, used: zeros(spec), peak: zeros(spec), failedCreates: 0, refusedPods: 0 }));
  }

  /** Whether a pod of `template` in `namespace` may be created now; nothing is charged. */
  admit(namespace: string, template: PodTemplateSpec): QuotaAdmission {
    const charge = this.chargeOf(namespace, template);
    return admitByQuotas(charge.counting, charge.usage);
  }

  /** A pod of `template` was created in `namespace`. */
  charge(namespace: string, template: PodTemplateSpec): void {
    this.apply(this.chargeOf(namespace, template), 1);
  }

  /** A charged pod of `template` is gone or finished (nothing else recalculated: see podGone). */
  release(namespace: string, template: PodTemplateSpec): void {
    this.apply(this.chargeOf(namespace, template), -1);
  }

  /**
   * `pod` is gone or finished at `nowSeconds`: its charge is released unless a recalculation already
   * dropped it, and the replenishment recalculates its namespace's quotas (dropping the held pods
   * whose charge has ended).
   */
  podGone(pod: SimPod, nowSeconds: number): void {
    const held = this.held.get(pod);
    if (held === undefined) this.release(pod.owner.namespace, pod.template);
    else {
      this.held.delete(pod);
      if (!held.dropped) this.apply(held.charge, -1);
    }
    if (this.held.size > 0) this.recalculate(nowSeconds, pod.owner.namespace);
  }

  /**
   * `pod` (terminating) waits for its kubelet to confirm the deletion: it stays charged until a
   * recalculation after its charge ends; listeners hear when that is (the resync schedules one).
   */
  terminationHeld(pod: SimPod): void {
    const charge = this.chargeOf(pod.owner.namespace, pod.template);
    if (charge.counting.length === 0 || pod.deletionSeconds === undefined || pod.deletionGracePeriodSeconds === undefined || this.held.has(pod)) return;
    this.held.set(pod, { charge, dropped: false });
    const end = quotaChargeEndSeconds(pod.deletionSeconds, pod.deletionGracePeriodSeconds);
    for (const l of this.lapseListeners) l(end);
  }

  /** Hears, for each held pod, the instant after which it is no longer charged. */
  onChargeLapse(listener: (chargeEndSeconds: number) => void): void {
    this.lapseListeners.push(listener);
  }

  /** The resource quota controller's full resync: every quota recalculated at `nowSeconds`. */
  resync(nowSeconds: number): void {
    this.recalculate(nowSeconds, undefined);
  }

  /** Held pods a recalculation no longer charges (quotaChargesPod), of `namespace` or all, are dropped. */
  private recalculate(nowSeconds: number, namespace: string | undefined): void {
    for (const [pod, held] of this.held) {
      if (held.dropped || (namespace !== undefined && pod.owner.namespace !== namespace) || quotaChargesPod(pod, nowSeconds).charged) continue;
      held.dropped = true;
      this.apply(held.charge, -1);
    }
  }

  /** status.hard and status.used of every quota, and the most it used, in admission order. */
  statuses(): QuotaStatus[] {
    return this.quotas.map((q) => ({
      name: q.spec.name,
      namespace: q.spec.namespace,
      hard: { ...q.spec.hard },
      used: { ...q.used },
      peakUsed: { ...q.peak },
      failedCreates: q.failedCreates,
      refusedPods: q.refusedPods,
    }));
  }

  /** Hears of every FailedCreate. */
  onCreateFailed(listener: (owner: PodOwner, failure: CreateFailure) => void): void {
    this.failureListeners.push(listener);
  }

  /** `owner`'s controller had creates refused in a sync (failure.quota refused them). */
  createFailed(owner: PodOwner, failure: CreateFailure): void {
    const quota = this.quotas.find((q) => q.spec.namespace === owner.namespace && q.spec.name === failure.quota);
    if (quota !== undefined) {
      quota.failedCreates++;
      quota.refusedPods += failure.pods;
    }
    for (const l of this.failureListeners) l(owner, failure);
  }

  private apply(charge: Charge, sign: 1 | -1): void {
    for (const q of charge.counting) {
      for (const r of Object.keys(q.spec.hard) as QuotaResource[]) {
        const used = (q.used[r] ?? 0) + sign * (charge.usage[r] ?? 0);
        q.used[r] = used;
        if (used > (q.peak[r] ?? 0)) q.peak[r] = used;
      }
    }
  }

  private chargeOf(namespace: string, template: PodTemplateSpec): Charge {
    let charge = this.charges.get(template);
    if (charge === undefined) {
      const counting = this.quotas.filter((q) => q.spec.namespace === namespace && quotaCountsPod(q.spec, template));
      charge = { counting, usage: podQuotaUsage(template) };
      this.charges.set(template, charge);
    }
    return charge;
  }
}
