/**
 * Which zones the cloud can launch instances in now: a zone outage with its capacity lost (a
 * nodeFailure of a zone with `capacityLost`, src/faults/node-failure.ts) takes the zone out until the
 * fault's recovery; overlapping outages of one zone count, and the zone is back when the last ends.
 * A node group of a zone that is out launches nothing (node-group.ts): its desired capacity still
 * counts the instances asked for, none of them runs or is billed. How the cluster-autoscaler learns
 * of it depends on the outage:
 * - `reported`: the launch fails and the cloud provider lists the instance with an OutOfResource
 *   creation error, as the AWS provider does for an auto-scaling group whose scaling activity failed
 *   (asg_cache.go createPlaceholdersForDesiredNonStartedInstances: every placeholder of the group,
 *   placeholder-cannot-be-fulfilled), so also the instances already waiting when a reported loss
 *   begins; the autoscaler backs the group off and deletes the instances at its next loop
 *   (clusterstate.go handleInstanceCreationErrors, static_autoscaler.go deleteCreatedNodesWithErrors);
 * - `unreported`: the instance is accepted and never comes up, so only the group's scale-up request
 *   timing out after --max-node-provision-time backs it off (removeOldUnregisteredNodes deletes it).
 * An outage of each kind at once reports. The callbacks waiting on a zone run in the order they were
 * added when it is back; those told of a reported loss, in the order they were added, when it begins.
 */
export type CapacityLoss = 'reported' | 'unreported';

/** The creation error a reported loss gives an instance: its class (cloudprovider.OutOfResourcesErrorClass, "OutOfResource") and the AWS provider's code. */
export const OUT_OF_RESOURCES = 'OutOfResource/placeholder-cannot-be-fulfilled';

export class ZoneCapacity {
  private readonly outages = new Map<string, { count: number; reported: number }>();
  private readonly waiting = new Map<string, Array<() => void>>();
  private readonly reportedListeners = new Map<string, Array<() => void>>();

  /** Whether `zone` cannot launch instances now; a pool without a zone never is out. */
  isOut(zone: string | undefined): boolean {
    return zone !== undefined && this.outages.has(zone);
  }

  /** The creation error a launch in `zone` fails with now: OUT_OF_RESOURCES while a reported loss lasts, else none. */
  creationError(zone: string | undefined): string | undefined {
    const outage = zone === undefined ? undefined : this.outages.get(zone);
    return outage !== undefined && outage.reported > 0 ? OUT_OF_RESOURCES : undefined;
  }

  /** One more outage of `zone` starts. */
  lose(zone: string, loss: CapacityLoss): void {
    const outage = this.outages.get(zone) ?? { count: 0, reported: 0 };
    outage.count++;
    if (loss === 'reported') outage.reported++;
    this.outages.set(zone, outage);
    if (loss === 'reported') for (const listener of this.reportedListeners.get(zone) ?? []) listener();
  }

  /** Calls `listener` each time a reported loss of `zone` begins. */
  onReportedLoss(zone: string, listener: () => void): void {
    const list = this.reportedListeners.get(zone);
    if (list === undefined) this.reportedListeners.set(zone, [listener]);
    else list.push(listener);
  }

  /** One outage of `zone` (lost as `loss`) ends; when it was the last, the zone's waiting callbacks run. */
  restore(zone: string, loss: CapacityLoss): void {
    const outage = this.outages.get(zone);
    if (outage === undefined) return;
    outage.count--;
    if (loss === 'reported') outage.reported--;
    if (outage.count > 0) return;
    this.outages.delete(zone);
    const callbacks = this.waiting.get(zone) ?? [];
    this.waiting.delete(zone);
    for (const callback of callbacks) callback();
  }

  /** Runs `callback` when `zone` is back (the caller checked it is out). */
  whenRestored(zone: string, callback: () => void): void {
    const list = this.waiting.get(zone);
    if (list === undefined) this.waiting.set(zone, [callback]);
    else list.push(callback);
  }
}
