/**
 * Resolved scenario rollouts (spec.rollouts, resolve-rollouts.ts): which Deployment or StatefulSet
 * gets a new revision and when. Times are seconds since t = 0.
 */

/** A Deployment's or StatefulSet's pod template changing (spec.rollouts): a new revision, as `kubectl rollout restart` makes. */
export interface RolloutSpec {
  /** The workload's name and namespace. */
  workload: string;
  namespace: string;
  /** The first rollout, seconds since t = 0. */
  atSeconds: number;
  /** Repeats this long after each one; undefined = once. */
  everySeconds?: number;
}
