import { describe, expect, it } from 'vitest';
import { formatClock, formatSimTime } from '../../src/explain/format-sim-time.js';

describe('formatClock', () => {
  it.each([
    [0, '0h00m00s'],
    [157.4, '0h02m37s'],
    [3600, '1h00m00s'],
    [184500, '2d03h15m00s'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatClock(seconds)).toBe(text);
  });

  it('prints times as decisions.csv holds them', () => {
    expect(formatSimTime(136.189)).toBe('t=136.189 s (0h02m16s)');
  });
});
