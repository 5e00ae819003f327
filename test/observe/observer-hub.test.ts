/**
 * ObserverHub (src/observe/observer.ts): whether some observer listens to a hook, or wants every
 * record of it, as the controllers ask at each sync; answers are remembered per hook, and an
 * observer added later is heard.
 */
import { describe, expect, it } from 'vitest';
import { listensTo, ObserverHub, wantsEvery, type SimObserver } from '../../src/observe/observer.js';
import type { HpaDecisionRecord } from '../../src/observe/records.js';

const everyHpa: SimObserver = { hpaDecision: () => {} };
const changesOnlyHpa: SimObserver = { changesOnly: true, hpaDecision: () => {} };
const kedaOnly: SimObserver = { kedaDecision: () => {} };

describe('ObserverHub', () => {
  it.each([
    ['no observer', [], false, false],
    ['an observer of another hook', [kedaOnly], false, false],
    ['one that wants every HPA decision', [everyHpa], true, true],
    ['one that wants changes only', [changesOnlyHpa], true, false],
    ['changes only beside every decision', [changesOnlyHpa, everyHpa], true, true],
  ] as const)('%s: listens %s, wants every %s', (_name, observers, listens, every) => {
    const hub = new ObserverHub([...observers]);
    // Asked twice: the second answer is the remembered one.
    for (let i = 0; i < 2; i++) {
      expect(listensTo(hub, 'hpaDecision')).toBe(listens);
      expect(wantsEvery(hub, 'hpaDecision')).toBe(every);
    }
  });

  it('hears an observer added after it was asked', () => {
    const hub = new ObserverHub([kedaOnly]);
    expect(hub.listens('hpaDecision')).toBe(false);
    expect(hub.wantsEvery('hpaDecision')).toBe(false);
    const seen: number[] = [];
    hub.add({ hpaDecision: (r: HpaDecisionRecord) => seen.push(r.timeSeconds) });
    expect(hub.listens('hpaDecision')).toBe(true);
    expect(hub.wantsEvery('hpaDecision')).toBe(true);
    hub.hpaDecision({ timeSeconds: 15 } as HpaDecisionRecord);
    expect(seen).toEqual([15]);
  });

  it('keeps its own list: changing the array it was made from changes nothing', () => {
    const observers: SimObserver[] = [kedaOnly];
    const hub = new ObserverHub(observers);
    observers.push(everyHpa);
    expect(hub.listens('hpaDecision')).toBe(false);
  });
});
