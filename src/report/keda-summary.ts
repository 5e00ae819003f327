/**
 * The KEDA part of summary.json: per ScaledObject its polls and 0↔N transitions, per ScaledJob the
 * Jobs it ran and how long their work waited, per standalone queue its arrivals and backlog.
 */
import type { BuiltSimulation } from '../engine/build-simulation.js';

export interface ScaledObjectSummary {
  name: string;
  target: string;
  polls: number;
  scaleToZero: number;
  scaleFromZero: number;
}

export interface ScaledJobSummary {
  name: string;
  polls: number;
  jobsCreated: number;
  jobsSucceeded: number;
  messagesProcessed: number;
  peakParallelJobs: number;
  /** Age of the oldest waiting message when a Job took its work, averaged over Jobs that found work. */
  meanPickupWaitSeconds: number;
  maxPickupWaitSeconds: number;
}

export interface QueueSummary {
  name: string;
  arrivedMessages: number;
  takenMessages: number;
  rejectedMessages: number;
  backlogAtEndMessages: number;
  peakOldestMessageAgeSeconds: number;
}

export interface KedaSummary {
  scaledObjects: ScaledObjectSummary[];
  scaledJobs: ScaledJobSummary[];
  queues: QueueSummary[];
}

const r3 = (v: number): number => Math.round(v * 1000) / 1000;

export function summarizeKeda(built: BuiltSimulation): KedaSummary {
  return {
    scaledObjects: built.keda.scaledObjects.map((c) => ({
      name: c.spec.name,
      target: c.spec.scaleTargetRef.name,
      polls: c.counts.polls,
      scaleToZero: c.counts.scaleToZero,
      scaleFromZero: c.counts.scaleFromZero,
    })),
    scaledJobs: built.keda.scaledJobs.map((j) => {
      const c = j.counts;
      return {
        name: j.spec.name,
        polls: c.polls,
        jobsCreated: c.jobsCreated,
        jobsSucceeded: c.jobsSucceeded,
        messagesProcessed: c.messagesProcessed,
        peakParallelJobs: c.peakParallelJobs,
        meanPickupWaitSeconds: c.pickups > 0 ? r3(c.totalPickupWaitSeconds / c.pickups) : 0,
        maxPickupWaitSeconds: r3(c.maxPickupWaitSeconds),
      };
    }),
    queues: built.queues.map((q) => {
      const t = q.flow.totals;
      return {
        name: q.name,
        arrivedMessages: r3(t.offeredRequests),
        takenMessages: r3(t.servedRequests),
        rejectedMessages: r3(t.droppedRequests),
        backlogAtEndMessages: r3(q.flow.backlogRequests),
        peakOldestMessageAgeSeconds: r3(q.flow.peakOldestAgeSeconds),
      };
    }),
  };
}
