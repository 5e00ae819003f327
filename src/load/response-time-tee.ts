/**
 * Where a load flow's served requests' response times go (LoadFlow.responseTimeSink): a
 * ResponseTimeAccumulator, or a tee that adds each piece to two of them, the run's mixture and a
 * stretch's (a rollout's: engine/rollout-windows.ts). Both receive the same pieces in the same order.
 */
import type { ResponseTimeAccumulator } from './response-time-accumulator.js';

export type ResponseTimeSink = Pick<ResponseTimeAccumulator, 'add' | 'addWaitRange'>;

export class ResponseTimeTee implements ResponseTimeSink {
  constructor(
    private readonly first: ResponseTimeSink,
    private readonly second: ResponseTimeSink,
  ) {}

  add(servedRequests: number, waitSeconds: number, sojournMeanSeconds: number): void {
    this.first.add(servedRequests, waitSeconds, sojournMeanSeconds);
    this.second.add(servedRequests, waitSeconds, sojournMeanSeconds);
  }

  addWaitRange(requests: number, waitFromSeconds: number, waitToSeconds: number, sojournMeanSeconds: number): void {
    this.first.addWaitRange(requests, waitFromSeconds, waitToSeconds, sojournMeanSeconds);
    this.second.addWaitRange(requests, waitFromSeconds, waitToSeconds, sojournMeanSeconds);
  }
}
