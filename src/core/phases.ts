/**
 * The fixed order of work within one simulated instant. Events at the same time run by phase, then
 * in insertion order (SimPy's counter), so a run never depends on container order.
 */
export const Phase = Object.freeze({
  /** Load changes (trace breakpoints) take effect first. */
  LOAD: 0,
  /** Pod and node lifecycle transitions (scheduled, started, ready, terminated). */
  LIFECYCLE: 1,
  /** Scheduling cycles bind pending pods. */
  SCHEDULE: 2,
  /** metrics-server scrapes. */
  METRICS: 3,
  /** Autoscaler syncs (HPA, KEDA, cluster-autoscaler). */
  CONTROL: 4,
  /** Workload controllers act on new replica counts. */
  RECONCILE: 5,
  /** Recorders sample the state; they never change it. */
  OBSERVE: 6,
});

export type PhaseValue = (typeof Phase)[keyof typeof Phase];
