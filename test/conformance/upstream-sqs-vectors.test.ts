/**
 * The aws-sqs-queue vectors of test/fixtures (19, docs/fidelity-spec.md §8 format, derived from
 * kedacore/keda's aws_sqs_queue_scaler_test.go rows: metadata with the TriggerAuthentication's
 * `authParams` and the container's `resolvedEnv`, and the mock queue's 200 visible, 100 in-flight
 * and 50 delayed messages) run through the conformance runner: every one must pass.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runVectors } from '../../src/conformance/run-vectors.js';
import { everyVectorPasses } from './helpers/vector-file-suite.js';

const vectors = JSON.parse(readFileSync(new URL('../fixtures/upstream-sqs-vectors.json', import.meta.url), 'utf8')) as Record<string, unknown>[];
const results = runVectors(vectors);

describe('upstream-sqs-vectors.json', () => {
  it('holds 19 keda.scaler vectors with distinct ids, each naming its upstream test', () => {
    expect(vectors).toHaveLength(19);
    expect(new Set(vectors.map((v) => v.id)).size).toBe(19);
    for (const v of vectors) {
      expect(v.kind).toBe('keda.scaler');
      expect((v.source as { test?: string }).test).toMatch(/^(TestSQSParseMetadata|TestAWSSQS|GetMetricsAndActivity)/);
    }
  });

  everyVectorPasses(results);

  it('a <key>FromEnv with no resolvedEnv reads as missing (ScalerConfig.ResolvedEnv empty), not as left to the env', () => {
    const [result] = runVectors([
      { id: 'local-01', kind: 'keda.scaler', controller: 'keda', source: { repo: 'scalesim', file: 'test', test: 'local' }, input: { trigger: 'aws-sqs-queue', metadata: { queueURLFromEnv: 'QUEUE_URL', awsRegion: 'eu-west-1' } }, expected: { parseError: true } },
    ]);
    expect(result!.pass).toBe(true);
  });
});
