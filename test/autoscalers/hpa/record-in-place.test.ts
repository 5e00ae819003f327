/**
 * The HPA controller hands its recommendation list to each sync to be recorded into in place
 * (recordInPlace): the same stabilized counts, reasons, windows and lists, sync after sync, as
 * recording into a new list each time, for both stabilizations.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stabilizeWithBehavior } from '../../../src/autoscalers/hpa/behavior-stabilize.js';
import { stabilizeLegacy } from '../../../src/autoscalers/hpa/legacy-normalize.js';
import { recordRecommendationAt, StabilizationWindow } from '../../../src/autoscalers/hpa/recommendation-history.js';
import type { TimestampedRecommendation } from '../../../src/autoscalers/hpa/types.js';
import { windowText } from '../../../src/engine/window-text.js';

/** One sync: seconds since the previous one, and the metrics' desired count. */
const syncs = fc.array(fc.record({ afterSeconds: fc.integer({ min: 0, max: 120 }), desired: fc.integer({ min: 0, max: 12 }) }), { minLength: 1, maxLength: 80 });

/** What a sync shows: the stabilized count, the reason, the window's text and entries, and the list after it. */
interface Shown {
  stabilizedReplicas: number;
  reason: string;
  window: string;
  entries: ReturnType<StabilizationWindow['entries']>;
  list: TimestampedRecommendation[];
}

type Stabilize = (records: readonly TimestampedRecommendation[], nowSeconds: number, desired: number, inPlace: boolean) => {
  stabilizedReplicas: number;
  reason: string;
  window: StabilizationWindow;
  recommendations: TimestampedRecommendation[];
};

/** Runs the syncs from the list [{2, 0}], recording by copy or in place; what each sync showed, read at once. */
function run(stabilize: Stabilize, steps: readonly { afterSeconds: number; desired: number }[], inPlace: boolean): Shown[] {
  let list: readonly TimestampedRecommendation[] = [{ replicas: 2, timestampSeconds: 0 }];
  let nowSeconds = 0;
  const shown: Shown[] = [];
  for (const step of steps) {
    nowSeconds += step.afterSeconds;
    const result = stabilize(list, nowSeconds, step.desired, inPlace);
    // The decision log reads the window during the sync, before the next one records again.
    shown.push({
      stabilizedReplicas: result.stabilizedReplicas,
      reason: result.reason,
      window: windowText(result.window),
      entries: result.window.entries(),
      list: result.recommendations.map((r) => ({ ...r })),
    });
    list = result.recommendations;
  }
  return shown;
}

const legacy =
  (windowSeconds: number): Stabilize =>
  (records, nowSeconds, desiredReplicas, recordInPlace) =>
    stabilizeLegacy({ nowSeconds, desiredReplicas, windowSeconds, recommendations: records, recordInPlace });

const behavior =
  (upSeconds: number, downSeconds: number): Stabilize =>
  (records, nowSeconds, desiredReplicas, recordInPlace) =>
    stabilizeWithBehavior({ nowSeconds, currentReplicas: 3, desiredReplicas, scaleUpWindowSeconds: upSeconds, scaleDownWindowSeconds: downSeconds, recommendations: records, recordInPlace });

describe('recording a sync into the list in place', () => {
  it('legacy: every sync shows what recording into a new list shows', () => {
    fc.assert(
      fc.property(syncs, fc.constantFrom(0, 15, 60, 300), (steps, windowSeconds) => {
        expect(run(legacy(windowSeconds), steps, true)).toEqual(run(legacy(windowSeconds), steps, false));
      }),
    );
  });

  it('behavior: every sync shows what recording into a new list shows', () => {
    fc.assert(
      fc.property(syncs, fc.constantFrom(0, 30, 300), fc.constantFrom(0, 60, 300), (steps, upSeconds, downSeconds) => {
        expect(run(behavior(upSeconds, downSeconds), steps, true)).toEqual(run(behavior(upSeconds, downSeconds), steps, false));
      }),
    );
  });

  it('overwrites the outdated record it reuses and returns the same list; the window leaves that slot out', () => {
    const list = [
      { replicas: 4, timestampSeconds: 0 },
      { replicas: 5, timestampSeconds: 200 },
    ];
    const reused = list[0]!;
    const result = stabilizeLegacy({ nowSeconds: 400, desiredReplicas: 3, windowSeconds: 300, recommendations: list, recordInPlace: true });
    expect(result.recommendations).toBe(list);
    expect(list[0]).toBe(reused);
    expect(list).toEqual([
      { replicas: 3, timestampSeconds: 400 },
      { replicas: 5, timestampSeconds: 200 },
    ]);
    expect(result.stabilizedReplicas).toBe(5);
    expect(result.window.recordedIndex).toBe(0);
    expect(windowText(result.window)).toBe('5@-200s');
  });

  it('appends when nothing is outdated, and by copy leaves the input list and its records alone', () => {
    const records = [{ replicas: 4, timestampSeconds: 390 }];
    const inPlace = recordRecommendationAt(records, 1, 6, 400, true);
    expect(inPlace).toBe(records);
    expect(records).toEqual([
      { replicas: 4, timestampSeconds: 390 },
      { replicas: 6, timestampSeconds: 400 },
    ]);
    const copied = recordRecommendationAt(records, 0, 7, 410);
    expect(copied).not.toBe(records);
    expect(copied).toEqual([
      { replicas: 7, timestampSeconds: 410 },
      { replicas: 6, timestampSeconds: 400 },
    ]);
    expect(records[0]).toEqual({ replicas: 4, timestampSeconds: 390 });
  });

  it('a window over a list recorded in place lists every slot but the recorded one', () => {
    const window = new StabilizationWindow(
      [
        { replicas: 1, timestampSeconds: 100 },
        { replicas: 2, timestampSeconds: 100 },
      ],
      100,
      300,
      true,
      1,
    );
    expect(window.entries()).toEqual([{ replicas: 1, ageSeconds: 0 }]);
  });
});
