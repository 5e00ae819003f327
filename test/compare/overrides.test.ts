import { describe, expect, it } from 'vitest';
import { parseFieldPath, parseOverrides } from '../../src/compare/overrides.js';
import { UserInputError } from '../../src/errors/user-input-error.js';

describe('parseFieldPath', () => {
  it.each([
    ['spec.maxReplicas', ['spec', 'maxReplicas']],
    ['spec.metrics[0].resource.target.averageUtilization', ['spec', 'metrics', 0, 'resource', 'target', 'averageUtilization']],
    ['spec.triggers[1].metadata.lagThreshold', ['spec', 'triggers', 1, 'metadata', 'lagThreshold']],
    ['spec.hard["requests.cpu"]', ['spec', 'hard', 'requests.cpu']],
    ['metadata.annotations["autoscaling.keda.sh/paused-replicas"]', ['metadata', 'annotations', 'autoscaling.keda.sh/paused-replicas']],
    ['spec.matrix[0][1]["a \\"b\\""].c', ['spec', 'matrix', 0, 1, 'a "b"', 'c']],
  ])('%s', (text, expected) => {
    expect(parseFieldPath(text)).toEqual(expected);
  });

  it('rejects malformed paths', () => {
    expect(parseFieldPath('spec..x')).toBeUndefined();
    expect(parseFieldPath('spec.metrics[x]')).toBeUndefined();
    expect(parseFieldPath('spec.hard[requests.cpu]')).toBeUndefined();
    expect(parseFieldPath('spec.hard["requests.cpu"')).toBeUndefined();
    expect(parseFieldPath('["spec"]')).toBeUndefined();
    expect(parseFieldPath('spec.')).toBeUndefined();
    expect(parseFieldPath('')).toBeUndefined();
  });
});

describe('parseOverrides', () => {
  it('reads target, path and a YAML value; several separated by ";"', () => {
    const patches = parseOverrides('HorizontalPodAutoscaler/web:spec.maxReplicas=20; scenario:spec.workloads.web.trace=nasa ;ScaledObject/w:spec.triggers[0].metadata={lagThreshold: "40"}', '--variant x');
    expect(patches.map(({ target, path, value }) => ({ target, path, value }))).toEqual([
      { target: 'HorizontalPodAutoscaler/web', path: ['spec', 'maxReplicas'], value: 20 },
      { target: 'scenario', path: ['spec', 'workloads', 'web', 'trace'], value: 'nasa' },
      { target: 'ScaledObject/w', path: ['spec', 'triggers', 0, 'metadata'], value: { lagThreshold: '40' } },
    ]);
  });

  it('a quoted key may hold dots, slashes and "="', () => {
    const patches = parseOverrides('ResourceQuota/compute:spec.hard["requests.cpu"]=1500m; Deployment/web:metadata.annotations["a=b/c"]=x', '--variant q');
    expect(patches.map(({ target, path, value }) => ({ target, path, value }))).toEqual([
      { target: 'ResourceQuota/compute', path: ['spec', 'hard', 'requests.cpu'], value: '1500m' },
      { target: 'Deployment/web', path: ['metadata', 'annotations', 'a=b/c'], value: 'x' },
    ]);
  });

  it.each([['no target', 'spec.maxReplicas=3'], ['no value', 'HorizontalPodAutoscaler/web:spec.maxReplicas'], ['a bad path', 'scenario:spec..x=1']])(
    'rejects %s with the flag named',
    (_n, text) => {
      expect(() => parseOverrides(text, '--variant v')).toThrow(UserInputError);
      try {
        parseOverrides(text, '--variant v');
      } catch (e) {
        expect((e as UserInputError).problems[0]?.field).toBe('--variant v');
      }
    },
  );
});
