import { describe, expect, it } from 'vitest';
import { recordRecommendation, seedRecommendations } from '../../../src/autoscalers/hpa/recommendation-history.js';

describe('recommendation history', () => {
  it('seeds {currentReplicas, now} only when there is no list yet (recordInitialRecommendation)', () => {
    expect(seedRecommendations(undefined, 7, 100)).toEqual([{ replicas: 7, timestampSeconds: 100 }]);
    expect(seedRecommendations([], 7, 100)).toEqual([]);
    expect(seedRecommendations([{ replicas: 3, timestampSeconds: 5 }], 7, 100)).toEqual([{ replicas: 3, timestampSeconds: 5 }]);
  });

  it('overwrites the LAST outdated slot, as upstream does, and leaves the input alone', () => {
    const input = [
      { replicas: 1, timestampSeconds: 0 },
      { replicas: 2, timestampSeconds: 90 },
      { replicas: 3, timestampSeconds: 10 },
    ];
    const out = recordRecommendation(input, 9, 100, (r) => r.timestampSeconds < 50);
    expect(out).toEqual([
      { replicas: 1, timestampSeconds: 0 },
      { replicas: 2, timestampSeconds: 90 },
      { replicas: 9, timestampSeconds: 100 },
    ]);
    expect(input[2]).toEqual({ replicas: 3, timestampSeconds: 10 });
  });

  it('appends when no slot is outdated', () => {
    expect(recordRecommendation([{ replicas: 2, timestampSeconds: 90 }], 9, 100, () => false)).toHaveLength(2);
  });
});
