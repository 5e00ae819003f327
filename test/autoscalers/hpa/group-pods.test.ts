import { describe, expect, it } from 'vitest';
import { classifyPod, type PodObservation } from '../../../src/autoscalers/hpa/group-pods.js';

const NOW = 1000;
const CONFIG = { cpuInitializationPeriodSeconds: 300, initialReadinessDelaySeconds: 30 };

/** A Running pod started `startAgo` s ago, Ready=`ready` since `transitionAgo` s ago, sampled `sampleAgo` s ago. */
function pod(over: Partial<PodObservation> & { startAgo?: number; ready?: PodObservation['ready'] } = {}): PodObservation {
  const { startAgo = 600, ...rest } = over;
  return {
    name: 'p',
    phase: 'Running',
    deleting: false,
    startTimeSeconds: NOW - startAgo,
    ready: { status: true, lastTransitionSeconds: NOW - 580 },
    sample: { timestampSeconds: NOW, windowSeconds: 30 },
    ...rest,
  };
}

describe('classifyPod(pod, resource, now, config)', () => {
  it.each<[string, PodObservation, string | undefined, string]>([
    ['a deleting pod is ignored, even when Pending with a sample', pod({ phase: 'Pending', deleting: true }), 'cpu', 'ignored'],
    ['a Failed pod is ignored', pod({ phase: 'Failed' }), 'cpu', 'ignored'],
    ['a Pending pod is unready, not missing', pod({ phase: 'Pending', sample: undefined }), 'cpu', 'unready'],
    ['a Running pod without a sample is missing', pod({ sample: undefined }), 'cpu', 'missing'],
    ['missing beats the cpu readiness rules', pod({ sample: undefined, ready: undefined }), 'cpu', 'missing'],
    ['cpu: no Ready condition makes it unready', pod({ ready: undefined }), 'cpu', 'unready'],
    ['cpu: no startTime makes it unready', pod({ startTimeSeconds: undefined }), 'cpu', 'unready'],
    ['cpu: a long-running Ready pod is ready', pod(), 'cpu', 'ready'],
    [
      'cpu: inside the init period and Ready=False is unready',
      pod({ startAgo: 60, ready: { status: false, lastTransitionSeconds: NOW - 50 } }),
      'cpu',
      'unready',
    ],
    [
      'cpu: inside the init period, Ready, but the sample window does not cover a full window since Ready',
      pod({ startAgo: 60, ready: { status: true, lastTransitionSeconds: NOW - 20 }, sample: { timestampSeconds: NOW, windowSeconds: 30 } }),
      'cpu',
      'unready',
    ],
    [
      'cpu: inside the init period, Ready, sample exactly one window after the transition is ready',
      pod({ startAgo: 60, ready: { status: true, lastTransitionSeconds: NOW - 30 }, sample: { timestampSeconds: NOW, windowSeconds: 30 } }),
      'cpu',
      'ready',
    ],
    [
      'cpu: the init period ends strictly (start + period == now is past it)',
      pod({ startAgo: 300, ready: { status: true, lastTransitionSeconds: NOW - 1 } }),
      'cpu',
      'ready',
    ],
    [
      'cpu: past the init period, Ready=False and never Ready since start is unready',
      pod({ startAgo: 600, ready: { status: false, lastTransitionSeconds: NOW - 590 } }),
      'cpu',
      'unready',
    ],
    [
      'cpu: past the init period, became NotReady later is counted as ready',
      pod({ startAgo: 600, ready: { status: false, lastTransitionSeconds: NOW - 100 } }),
      'cpu',
      'ready',
    ],
    [
      'cpu: readiness delay is strict (transition exactly start + delay counts as was-Ready)',
      pod({ startAgo: 600, ready: { status: false, lastTransitionSeconds: NOW - 570 } }),
      'cpu',
      'ready',
    ],
    ['memory skips the readiness rules: NotReady with a sample is ready', pod({ ready: { status: false, lastTransitionSeconds: NOW - 5 }, startAgo: 10 }), 'memory', 'ready'],
    ['Pods metrics (no resource) skip the readiness rules', pod({ ready: undefined }), undefined, 'ready'],
  ])('%s', (_name, observation, resource, expected) => {
    const result = classifyPod(observation, resource, NOW, CONFIG);
    expect(result.podClass).toBe(expected);
    expect(result.reason.length).toBeGreaterThan(0);
  });
});
