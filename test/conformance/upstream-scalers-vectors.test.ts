/**
 * The vectors of test/fixtures/upstream-scalers-vectors.json (207, docs/fidelity-spec.md §8 format,
 * derived from kedacore/keda's test tables for postgresql, metrics-api, the Redis list and stream
 * types, nats-jetstream, azure-servicebus, azure-queue and gcp-pubsub, and from their code) run
 * through the conformance runner: every one must pass.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runVectors } from '../../src/conformance/run-vectors.js';
import { everyVectorPasses } from './helpers/vector-file-suite.js';

const vectors = JSON.parse(readFileSync(new URL('../fixtures/upstream-scalers-vectors.json', import.meta.url), 'utf8')) as Record<string, unknown>[];
const results = runVectors(vectors);
const TYPES = ['azure-queue', 'azure-servicebus', 'gcp-pubsub', 'metrics-api', 'nats-jetstream', 'postgresql', 'redis-cluster', 'redis-cluster-streams', 'redis-sentinel', 'redis-sentinel-streams', 'redis-streams'];

describe('upstream-scalers-vectors.json', () => {
  it('holds 207 keda.scaler vectors with distinct ids over the eleven trigger types, each naming its upstream source', () => {
    expect(vectors).toHaveLength(207);
    expect(new Set(vectors.map((v) => v.id)).size).toBe(207);
    expect([...new Set(vectors.map((v) => (v.input as { trigger: string }).trigger))].sort()).toEqual(TYPES);
    for (const v of vectors) {
      expect(v.kind).toBe('keda.scaler');
      expect((v.source as { repo: string; file: string }).repo).toBe('kedacore/keda');
      expect((v.source as { file: string }).file).toMatch(/^pkg\/scalers\/.+\.go$/);
    }
  });

  it('pins both sides: refusals, accepted metadata and reads', () => {
    const expected = vectors.map((v) => v.expected as Record<string, unknown>);
    expect(expected.filter((e) => e.parseError === true).length).toBeGreaterThan(60);
    expect(expected.filter((e) => 'isActive' in e).length).toBeGreaterThan(30);
    expect(expected.filter((e) => 'hpaMetric' in e || 'hpaTarget' in e).length).toBeGreaterThan(90);
  });

  everyVectorPasses(results);
});
