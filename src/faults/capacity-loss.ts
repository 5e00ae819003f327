/**
 * capacityLoss: the cloud cannot launch instances in a zone, or of one pool (its instance type out
 * of stock, as EC2's InsufficientInstanceCapacity), from `from` to `to`, while the nodes already
 * running, or already booting, stay up (a nodeFailure of a zone with capacityLost takes both). Launches there are held
 * (src/cloud/cloud-capacity.ts, node-group.ts): reported, each fails with an OutOfResource creation
 * error the cluster-autoscaler handles at its next loop (backoff, deletion); unreported, the
 * instance never comes up and the group's scale-up times out after --max-node-provision-time.
 * Counted once in the summary's faults when the loss begins.
 */
import { scopeKey } from '../cloud/cloud-capacity.js';
import { Phase } from '../core/phases.js';
import type { CapacityLossFault } from '../scenario/fault-types.js';
import type { FaultEnv } from './fault-env.js';

const COMPONENT = 'faults/capacityLoss';

export function scheduleCapacityLoss(fault: CapacityLossFault, env: FaultEnv): void {
  const key = scopeKey(fault.scope);
  env.sim.scheduleAt(Math.max(fault.fromSeconds, env.sim.nowSeconds), Phase.LIFECYCLE, COMPONENT, () => {
    // Out of stock: new launches fail, instances already booting come up.
    env.capacity.lose(key, fault.loss, false);
    env.fired('capacityLoss');
  });
  if (Number.isFinite(fault.toSeconds)) env.sim.scheduleAt(fault.toSeconds, Phase.LIFECYCLE, COMPONENT, () => env.capacity.restore(key, fault.loss, false));
}
