import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { planBindToStart, planStartup, planVirtualBindToStart, probeReadySeconds } from '../../src/cluster/startup-timeline.js';
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

describe('planVirtualBindToStart (§5.2: sandbox, then image pull, where the charge starts)', () => {
  const delays = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };
  const virtual = { sandboxSeconds: 8, imagePullSeconds: 50, cachedImagePullSeconds: 3, imageCache: false, containerStartSeconds: 2 };
  it.each([
    ['no cache: sandbox 8 + pull 50 + start 2', virtual, 0, { sandboxSeconds: 8, bindToContainerStartSeconds: 60 }],
    ['image cache: sandbox 8 + pull 3 + start 2', { ...virtual, imageCache: true }, 0, { sandboxSeconds: 8, bindToContainerStartSeconds: 13 }],
    ['one init container adds a start', virtual, 1, { sandboxSeconds: 8, bindToContainerStartSeconds: 62 }],
  ])('%s', (_name, v, initContainerCount, expected) => {
    expect(planVirtualBindToStart(makeTemplate({ initContainerCount }), v, delays, new Rng(1).stream('startup'))).toEqual(expected);
  });

  it('draws as planBindToStart does: same total from the same stream', () => {
    const jittered = { ...delays, jitterRatio: 0.2 };
    const a = planVirtualBindToStart(makeTemplate(), virtual, jittered, new Rng(7).stream('startup'));
    expect(planBindToStart(makeTemplate(), virtual, jittered, new Rng(7).stream('startup'))).toBe(a.bindToContainerStartSeconds);
    expect(a.sandboxSeconds).toBeGreaterThanOrEqual(8 * 0.8);
    expect(a.sandboxSeconds).toBeLessThanOrEqual(8 * 1.2);
  });
});
