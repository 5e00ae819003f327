/** The stabilization window cell of decisions.csv: youngest first, ties in list order, only the records inside. */
import { describe, expect, it } from 'vitest';
import { StabilizationWindow } from '../../src/autoscalers/hpa/recommendation-history.js';
import { windowText } from '../../src/engine/window-text.js';

const NOW = 900;
const rec = (replicas: number, ageSeconds: number) => ({ replicas, timestampSeconds: NOW - ageSeconds });

describe('windowText', () => {
  it('writes replicas@-age, youngest first', () => {
    const window = new StabilizationWindow([rec(3, 45), rec(5, 15), rec(4, 30)], NOW, 300, true);
    expect(windowText(window)).toBe('5@-15s 4@-30s 3@-45s');
  });

  it('keeps list order for equal ages (a stable sort)', () => {
    const window = new StabilizationWindow([rec(7, 30), rec(2, 15), rec(9, 30), rec(1, 15)], NOW, 300, true);
    expect(windowText(window)).toBe('2@-15s 1@-15s 7@-30s 9@-30s');
  });

  it('leaves out the records outside the bound: inclusive (legacy) or strict (behavior)', () => {
    const records = [rec(1, 300), rec(2, 301), rec(3, 0)];
    expect(windowText(new StabilizationWindow(records, NOW, 300, true))).toBe('3@-0s 1@-300s');
    expect(windowText(new StabilizationWindow(records, NOW, 300, false))).toBe('3@-0s');
  });

  it('is empty for an empty window, and the same text on a second write', () => {
    expect(windowText(StabilizationWindow.EMPTY)).toBe('');
    const window = new StabilizationWindow(Array.from({ length: 30 }, (_, i) => rec(i, 15 * ((i * 7) % 30))), NOW, 1e9, true);
    const first = windowText(window);
    expect(windowText(window)).toBe(first);
    expect(first.split(' ')).toHaveLength(30);
    expect(first.startsWith('0@-0s ')).toBe(true);
  });

  it('matches the entries sorted by age', () => {
    const window = new StabilizationWindow([rec(4, 90), rec(6, 15), rec(5, 60), rec(8, 400)], NOW, 300, false);
    const entries = window.entries().sort((a, b) => a.ageSeconds - b.ageSeconds);
    expect(windowText(window)).toBe(entries.map((e) => `${e.replicas}@-${e.ageSeconds}s`).join(' '));
  });
});
