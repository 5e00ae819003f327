/**
 * The ResourceQuotas of the run and what each counts (status.used), kept as pods come and go:
 * - a pod create is admitted or forbidden by the quotas of its namespace that count it
 *   (quota-usage.ts admitByQuotas; the quota admission plugin, last of the API server's admission
 *   chain), and an admitted pod is charged at once (the plugin writes the new usage with the create);
 * - a pod stops being charged when it is gone or finished (PodUsageFunc charges no terminal pod;
 *   the resource quota controller's replenishment on the pod's delete event, within milliseconds
 *   upstream, at the same instant here). A terminating pod stays charged until it is gone, as
 *   upstream charges it until its deletion grace period has passed twice over (QuotaV1Pod), which
 *   the simulated kubelet never reaches.
 * - a controller whose creates were refused tells the ledger (its FailedCreate event): counted per
 *   quota, and passed to whoever listens (the run's decision records).
 * Pods of a namespace without quotas cost a WeakMap lookup per create and removal.
 */
import type { PodTemplateSpec, QuotaResource, ResourceQuotaSpec } from '../scenario/types.js';
import type { PodOwner } from './model.js';
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

  /** A charged pod of `template` is gone or finished. */
  release(namespace: string, template: PodTemplateSpec): void {
    this.apply(this.chargeOf(namespace, template), -1);
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
