import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { planStartup, probeReadySeconds } from '../../src/cluster/startup-timeline.js';
import { makeTemplate } from '../helpers/builders.js';

const probe = (over: Partial<{ initialDelaySeconds: number; periodSeconds: number; successThreshold: number }> = {}) => ({
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
  ...over,
});

describe('probeReadySeconds (kubelet probe defaults)', () => {
  it.each([
    ['no readiness probe: Ready when the containers run', undefined, undefined, 0],
    ['first probe after initialDelaySeconds', probe({ initialDelaySeconds: 5 }), undefined, 5],
    ['successThreshold 3 needs two more periods', probe({ initialDelaySeconds: 5, successThreshold: 3 }), undefined, 25],
    ['readiness waits for the startup probe', probe({ initialDelaySeconds: 5 }), probe({ initialDelaySeconds: 20 }), 20],
  ])('%s', (_n, readiness, startup, expected) => {
    expect(probeReadySeconds(readiness, startup)).toBe(expected);
  });
});

describe('planStartup', () => {
  it('adds image pull, one start per plain init container and container start; no jitter gives the table values', () => {
    const delays = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };
    const t = planStartup(makeTemplate({ initContainerCount: 2 }), delays, new Rng(1).stream('startup'));
    expect(t).toEqual({ schedulingSeconds: 1, bindToContainerStartSeconds: 8, containerStartToReadySeconds: 0 });
  });

  it('jitters each delay within ±jitterRatio', () => {
    const delays = { schedulingSeconds: 10, imagePullSeconds: 10, containerStartSeconds: 0, terminationSeconds: 2, jitterRatio: 0.2 };
    const s = new Rng(9).stream('startup');
    for (let i = 0; i < 200; i++) {
      const t = planStartup(makeTemplate(), delays, s);
      expect(t.schedulingSeconds).toBeGreaterThanOrEqual(8);
      expect(t.schedulingSeconds).toBeLessThanOrEqual(12);
    }
  });
});
