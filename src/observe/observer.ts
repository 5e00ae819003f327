/**
 * Observer hooks (vitest reporter style): optional callbacks the simulation calls; observers only
 * record, they never change the run.
 */
import type { CaDecisionRecord, HpaDecisionRecord, KedaDecisionRecord } from './records.js';

export interface SimObserver {
  hpaDecision?(record: HpaDecisionRecord): void;
  kedaDecision?(record: KedaDecisionRecord): void;
  caDecision?(record: CaDecisionRecord): void;
}

/** Fans one hook call out to many observers. */
export class ObserverHub implements SimObserver {
  constructor(private readonly observers: SimObserver[] = []) {}

  add(observer: SimObserver): void {
    this.observers.push(observer);
  }

  hpaDecision(record: HpaDecisionRecord): void {
    for (const o of this.observers) o.hpaDecision?.(record);
  }

  kedaDecision(record: KedaDecisionRecord): void {
    for (const o of this.observers) o.kedaDecision?.(record);
  }

  caDecision(record: CaDecisionRecord): void {
    for (const o of this.observers) o.caDecision?.(record);
  }
}
