/**
 * How a workload's served rate splits over ready pods of different capacities (pods capped at
 * different CPU: an ElasticWorkload's ECS pods at their node's CPU, its ECI pods at their size).
 * The pods share one fluid queue (src/load/workload-flow.ts): the load is spread evenly, and what a
 * pod at its capacity cannot take goes to the others. So the pods serve up to a common level: each
 * pod of class k serves min(capacity_k, level), and the level is where those sum to the served rate.
 * With one capacity for all pods this is the even share, served ÷ pods.
 */

/**
 * The level for `servedRps` over `pods[k]` ready pods of capacity `capacityRps[k]` requests/s each,
 * visiting the classes in `ascending` order of capacity. Infinity when the rate fills every pod to
 * its capacity (or no pod is ready): each pod then serves its capacity.
 */
export function servedLevelRps(servedRps: number, pods: readonly number[], capacityRps: readonly number[], ascending: readonly number[]): number {
  let rest = servedRps;
  let podsLeft = 0;
  for (let k = 0; k < pods.length; k++) podsLeft += pods[k]!;
  for (let i = 0; i < ascending.length && podsLeft > 0; i++) {
    const k = ascending[i]!;
    const n = pods[k]!;
    if (n === 0) continue;
    const even = rest / podsLeft;
    const capacity = capacityRps[k]!;
    if (even <= capacity) return even;
    rest -= n * capacity;
    podsLeft -= n;
  }
  return Infinity;
}
