/**
 * Where the cloud can launch instances now. A capacity loss covers a zone (a nodeFailure of a zone
 * with `capacityLost`, src/faults/node-failure.ts, or a capacityLoss fault) or one node pool (a
 * capacityLoss fault: an instance type out of stock, as EC2's InsufficientInstanceCapacity);
 * overlapping losses of one scope count, and the scope is back when the last ends. A node group
 * launches nothing while its zone or its pool is out (node-group.ts): its desired capacity still
 * counts the instances asked for, none of them runs or is billed. How the cluster-autoscaler learns
 * of it depends on the loss:
 * - `reported`: the launch fails and the cloud provider lists the instance with an OutOfResource
 *   creation error, as the AWS provider does for an auto-scaling group whose scaling activity failed
 *   (asg_cache.go createPlaceholdersForDesiredNonStartedInstances: every placeholder of the group,
 *   placeholder-cannot-be-fulfilled), so also the instances already waiting when a reported loss
 *   begins; the autoscaler backs the group off and deletes the instances at its next loop
 *   (clusterstate.go handleInstanceCreationErrors, static_autoscaler.go deleteCreatedNodesWithErrors);
 * - `unreported`: the instance is accepted and never comes up, so only the group's scale-up request
 *   timing out after --max-node-provision-time backs it off (removeOldUnregisteredNodes deletes it).
 * A loss of each kind at once reports. A zone that is down (a nodeFailure's) also holds the
 * instances already booting there: they register when it is back; a capacityLoss leaves them be (an
 * out-of-stock error stops new launches only). The callbacks waiting on a scope run, in the order
 * they were added, each time one of its losses ends (each checks again what it waits for); those
 * told of a reported loss, in the order they were added, when it begins.
 */
export type CapacityLoss = 'reported' | 'unreported';

/** The creation error a reported loss gives an instance: its class (cloudprovider.OutOfResourcesErrorClass, "OutOfResource") and the AWS provider's code. */
export const OUT_OF_RESOURCES = 'OutOfResource/placeholder-cannot-be-fulfilled';

/** What a loss covers: every pool of a zone, or one pool. */
export type CapacityScope = { zone: string } | { pool: string };

/** The key of a scope (zones and pools apart, whatever their names). */
export function scopeKey(scope: CapacityScope): string {
  return 'zone' in scope ? `zone\u0000${scope.zone}` : `pool\u0000${scope.pool}`;
}

export class CloudCapacity {
  private readonly losses = new Map<string, { count: number; reported: number; down: number }>();
  private readonly waiting = new Map<string, Array<() => void>>();
  private readonly reportedListeners = new Map<string, Array<() => void>>();

  /** The first of `keys` that cannot launch instances now, if any. */
  outKey(keys: readonly string[]): string | undefined {
    return keys.find((k) => this.losses.has(k));
  }

  /** The first of `keys` that is down (its booting instances held), if any. */
  downKey(keys: readonly string[]): string | undefined {
    return keys.find((k) => (this.losses.get(k)?.down ?? 0) > 0);
  }

  /** The creation error a launch under `keys` fails with now: OUT_OF_RESOURCES while a reported loss of any of them lasts, else none. */
  creationError(keys: readonly string[]): string | undefined {
    return keys.some((k) => (this.losses.get(k)?.reported ?? 0) > 0) ? OUT_OF_RESOURCES : undefined;
  }

  /** One more loss of `key` starts (`down`: its booting instances held too); a reported one tells its listeners. */
  lose(key: string, loss: CapacityLoss, down: boolean): void {
    const entry = this.losses.get(key) ?? { count: 0, reported: 0, down: 0 };
    entry.count++;
    if (loss === 'reported') entry.reported++;
    if (down) entry.down++;
    this.losses.set(key, entry);
    if (loss === 'reported') for (const listener of this.reportedListeners.get(key) ?? []) listener();
  }

  /** One loss of `key`, begun with the same `loss` and `down`, ends; the callbacks waiting on `key` run. */
  restore(key: string, loss: CapacityLoss, down: boolean): void {
    const entry = this.losses.get(key);
    if (entry === undefined || entry.count < 1 || (loss === 'reported' && entry.reported < 1) || (down && entry.down < 1)) throw new Error(`capacity of ${key}: no such loss to end`);
    entry.count--;
    if (loss === 'reported') entry.reported--;
    if (down) entry.down--;
    if (entry.count === 0) this.losses.delete(key);
    const callbacks = this.waiting.get(key) ?? [];
    this.waiting.delete(key);
    for (const callback of callbacks) callback();
  }

  /** Runs `callback` when a loss of `key` ends (the caller checks again what it waits for). */
  whenRestored(key: string, callback: () => void): void {
    const list = this.waiting.get(key);
    if (list === undefined) this.waiting.set(key, [callback]);
    else list.push(callback);
  }

  /** Calls `listener` each time a reported loss of `key` begins. */
  onReportedLoss(key: string, listener: () => void): void {
    const list = this.reportedListeners.get(key);
    if (list === undefined) this.reportedListeners.set(key, [listener]);
    else list.push(listener);
  }
}
