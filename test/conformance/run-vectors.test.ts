import { describe, expect, it } from 'vitest';
import { compareExpected, jsonEqual } from '../../src/conformance/compare-expected.js';
import { createAdapterRegistry, defaultAdapterRegistry, HPA_VECTOR_ADAPTERS } from '../../src/conformance/registry.js';
import { CA_VECTOR_ADAPTERS } from '../../src/conformance/ca-adapters.js';
import { KEDA_VECTOR_ADAPTERS } from '../../src/conformance/keda-adapters.js';
import { countResults, runVectors } from '../../src/conformance/run-vectors.js';
import type { VectorAdapter } from '../../src/conformance/vector-types.js';

const echo: VectorAdapter = (input) => ({ ...(input as Record<string, unknown>) });

describe('compareExpected', () => {
  it.each([
    ['equal numbers and strings pass', { a: 1, b: 'x' }, { a: 1, b: 'x', extra: true }, []],
    ['keys absent from expected are unconstrained', {}, { anything: 1 }, []],
    ['numbers compare exactly', { a: 1 }, { a: 1.0000001 }, ['a: expected 1, actual 1.0000001']],
    ['a missing actual key mismatches', { a: 1 }, {}, ['a: expected 1, actual (absent)']],
    ['null must be null', { a: null }, { a: 0 }, ['a: expected null, actual 0']],
    ['strings compare exactly', { c: 'TooFewReplicas' }, { c: 'toofewreplicas' }, ['c: expected "TooFewReplicas", actual "toofewreplicas"']],
  ] as const)('%s', (_name, expected, actual, mismatches) => {
    expect(compareExpected(expected, actual)).toEqual(mismatches);
  });

  it('compares arrays and objects structurally', () => {
    expect(jsonEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
  });
});

describe('runVectors: input fields the adapter never read', () => {
  // Reads input.a and input.list[i].x only.
  const partial: VectorAdapter = (input) => {
    const i = input as { a: number; list: { x: number }[] };
    return { sum: i.a + i.list.reduce((s, e) => s + e.x, 0) };
  };
  const registry = createAdapterRegistry({ partial });

  it('lists every unread key by path in actual.unreadInputFields and on the result; the vector still passes', () => {
    const [r] = runVectors([{ id: 'u', kind: 'partial', input: { a: 1, typo: 2, list: [{ x: 1 }, { x: 2, note: 'why' }], nested: { deep: 1 } }, expected: { sum: 4 } }], registry);
    expect(r).toMatchObject({ pass: true, unreadInputFields: ['typo', 'list[1].note', 'nested'] });
    expect(r?.actual).toEqual({ sum: 4, unreadInputFields: ['typo', 'list[1].note', 'nested'] });
  });

  it('adds nothing when every field was read', () => {
    const [r] = runVectors([{ id: 'r', kind: 'partial', input: { a: 1, list: [{ x: 1 }] }, expected: { sum: 2 } }], registry);
    expect(r?.actual).toEqual({ sum: 2 });
    expect(r?.unreadInputFields).toBeUndefined();
  });

  it('an adapter of the registry reports a field it does not model (hpa.legacyConvert has no "tolerance")', () => {
    const [r] = runVectors([{ id: 'l', kind: 'hpa.legacyConvert', input: { currentReplicas: 3, desiredReplicas: 5, min: 1, max: 10, tolerance: 0.2 }, expected: { desiredReplicas: 5 } }]);
    expect(r).toMatchObject({ pass: true, unreadInputFields: ['tolerance'] });
  });
});

describe('runVectors', () => {
  const registry = createAdapterRegistry({ echo });

  it('passes when every expected key matches, fails with mismatch lines otherwise', () => {
    const results = runVectors(
      [
        { id: 'v1', kind: 'echo', input: { x: 1 }, expected: { x: 1 } },
        { id: 'v2', kind: 'echo', input: { x: 1 }, expected: { x: 2 } },
      ],
      registry,
    );
    expect(results[0]).toMatchObject({ id: 'v1', pass: true, actual: { x: 1 } });
    expect(results[1]).toMatchObject({ id: 'v2', pass: false, mismatches: ['x: expected 2, actual 1'] });
  });

  it('skips kinds without an adapter (pass null)', () => {
    const [r] = runVectors([{ id: 'k1', kind: 'keda.executor', input: {}, expected: { scaleTo: 1 } }], registry);
    expect(r).toEqual({ id: 'k1', kind: 'keda.executor', pass: null, skipped: true });
  });

  it('reports an adapter that throws as a failure with its message', () => {
    const throwing = createAdapterRegistry({ boom: () => { throw new Error('input.x: expected a number'); } });
    const [r] = runVectors([{ id: 'b', kind: 'boom', input: {}, expected: {} }], throwing);
    expect(r).toMatchObject({ id: 'b', pass: false, error: 'input.x: expected a number' });
  });

  it.each([
    ['not an object', 42, 'vector is not a JSON object'],
    ['no id', { kind: 'echo', input: {}, expected: {} }, 'no string "id"'],
    ['no kind', { id: 'x', input: {}, expected: {} }, 'no string "kind"'],
    ['no input', { id: 'x', kind: 'echo', expected: {} }, 'no "input"'],
  ])('fails a malformed vector (%s)', (_name, vector, message) => {
    const [r] = runVectors([vector], registry);
    expect(r?.pass).toBe(false);
    expect(r?.error).toContain(message);
  });

  it('never hands `expected` to the adapter: it gets a copy of `input` only', () => {
    const seen: unknown[] = [];
    const spy = createAdapterRegistry({ spy: (input) => (seen.push(input), { n: 1 }) });
    const input = { a: { b: 1 } };
    runVectors([{ id: 's', kind: 'spy', input, expected: { n: 1, secret: 'do-not-read' } }], spy);
    expect(seen).toEqual([{ a: { b: 1 } }]);
    expect(seen[0]).not.toBe(input);
    expect(JSON.stringify(seen)).not.toContain('do-not-read');
  });

  it('computes the same actual when `expected` is removed or wrong (and then fails)', () => {
    const vector = {
      id: 'hpa-legacy-x',
      kind: 'hpa.legacyConvert',
      input: { currentReplicas: 3, desiredReplicas: 1000, minReplicas: 1, maxReplicas: 2000, scaleUpLimitFactor: 2, scaleUpLimitMinimum: 4 },
      expected: { desiredReplicas: 6, condition: 'ScaleUpLimit' },
    };
    const { expected: _dropped, ...withoutExpected } = vector;
    const [good, missing, wrong] = runVectors([vector, withoutExpected, { ...vector, expected: { desiredReplicas: 7 } }]);
    expect(good).toMatchObject({ pass: true, actual: { desiredReplicas: 6, condition: 'ScaleUpLimit' } });
    expect(missing?.actual).toEqual(good?.actual);
    expect(missing).toMatchObject({ pass: false, error: 'vector has no "expected" object' });
    expect(wrong?.actual).toEqual(good?.actual);
    expect(wrong?.pass).toBe(false);
  });

  it('counts passed, failed and skipped', () => {
    const results = runVectors(
      [
        { id: 'a', kind: 'echo', input: { x: 1 }, expected: { x: 1 } },
        { id: 'b', kind: 'echo', input: { x: 1 }, expected: { x: 0 } },
        { id: 'c', kind: 'ca.binpacking', input: {}, expected: {} },
      ],
      registry,
    );
    expect(countResults(results)).toEqual({ passed: 1, failed: 1, skipped: 1 });
  });
});

describe('adapter registry', () => {
  it('registers every hpa kind of the §8 table', () => {
    expect(Object.keys(HPA_VECTOR_ADAPTERS).sort()).toEqual(
      ['hpa.behaviorLimit', 'hpa.behaviorRate', 'hpa.behaviorStabilize', 'hpa.groupPods', 'hpa.legacyConvert', 'hpa.legacyStabilize', 'hpa.reconcile', 'hpa.replicaCalc', 'hpa.timeline'].sort(),
    );
    expect([...defaultAdapterRegistry().keys()].sort()).toEqual(
      [...Object.keys(HPA_VECTOR_ADAPTERS), ...Object.keys(KEDA_VECTOR_ADAPTERS), ...Object.keys(CA_VECTOR_ADAPTERS)].sort(),
    );
  });

  it('a malformed hpa input fails with the field path, not a crash', () => {
    const [r] = runVectors([{ id: 'bad', kind: 'hpa.legacyConvert', input: { currentReplicas: 'three' }, expected: {} }]);
    expect(r).toMatchObject({ pass: false, error: 'input.currentReplicas: expected a number, got string "three"' });
  });
});
