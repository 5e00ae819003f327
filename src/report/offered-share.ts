/**
 * Served and dropped shares of the offered requests: summary.json's servedPercent and
 * droppedPercent per workload, and compare's and sweep's served/dropped % (a ratio of sums over the
 * workloads judged, so a workload offered nothing adds 0 to both sides and changes no one's share).
 * A workload offered no request over the whole run has no share: null, never 100% served of
 * nothing. The views print null as an absent figure ("—", an empty CSV cell); an SLO clause on
 * served or dropped cannot be violated by it and leaves it out (../sweep/slo.ts). Reporting only:
 * no upstream behaviour.
 */
import { roundFigure } from './round-figure.js';

/** Decimals of a share in percent. */
export const SHARE_DECIMALS = 4;

/** `partRequests` as a percentage of `offeredRequests`, or null when none were offered. */
export function percentOfOffered(partRequests: number, offeredRequests: number): number | null {
  return offeredRequests > 0 ? roundFigure((100 * partRequests) / offeredRequests, SHARE_DECIMALS) : null;
}
