import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planScaledObjectScale, type ExecutorInput } from '../../../src/autoscalers/keda/executor.js';
import { calculateKafkaLag } from '../../../src/autoscalers/keda/scalers/kafka-lag.js';
import { compileFormula } from '../../../src/autoscalers/keda/scaling-modifiers.js';

const SEED = { seed: 20_240_115, numRuns: 500 };

const executorInput: fc.Arbitrary<ExecutorInput> = fc
  .record({
    minReplicaCount: fc.integer({ min: 0, max: 10 }),
    idle: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
    currentReplicas: fc.integer({ min: 0, max: 20 }),
    isActive: fc.boolean(),
    isError: fc.boolean(),
    fallbackReplicas: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    lastActiveAge: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
    creationAge: fc.integer({ min: 0, max: 1000 }),
    cooldown: fc.integer({ min: 0, max: 600 }),
    initialCooldown: fc.integer({ min: 0, max: 600 }),
    pausedScaleIn: fc.boolean(),
    pausedScaleOut: fc.boolean(),
    forceActivation: fc.boolean(),
  })
  .filter((r) => r.idle === undefined || r.idle < r.minReplicaCount)
  .map((r) => ({
    minReplicaCount: r.minReplicaCount,
    ...(r.idle === undefined ? {} : { idleReplicaCount: r.idle }),
    currentReplicas: r.currentReplicas,
    isActive: r.isActive,
    isError: r.isError,
    ...(r.fallbackReplicas === undefined ? {} : { fallback: { replicas: r.fallbackReplicas } }),
    ...(r.lastActiveAge === undefined ? {} : { lastActiveTimeSeconds: 1000 - r.lastActiveAge }),
    creationSeconds: 1000 - r.creationAge,
    nowSeconds: 1000,
    cooldownPeriodSeconds: r.cooldown,
    initialCooldownPeriodSeconds: r.initialCooldown,
    pausedScaleIn: r.pausedScaleIn,
    pausedScaleOut: r.pausedScaleOut,
    forceActivation: r.forceActivation,
  }));

describe('executor properties', () => {
  it('when active, a write is never below max(min, 1); when inactive, never below idle (else min)', () => {
    fc.assert(
      fc.property(executorInput, (input) => {
        const { scaleTo } = planScaledObjectScale(input);
        if (scaleTo === null) return;
        const active = input.isActive || input.forceActivation;
        expect(scaleTo).toBeGreaterThanOrEqual(active ? Math.max(input.minReplicaCount, 1) : (input.idleReplicaCount ?? input.minReplicaCount));
        expect(scaleTo).not.toBe(input.currentReplicas);
      }),
      SEED,
    );
  });

  it('paused-scale-in never lowers and paused-scale-out never raises the count', () => {
    fc.assert(
      fc.property(executorInput, (input) => {
        const { scaleTo } = planScaledObjectScale(input);
        if (scaleTo === null) return;
        if (input.pausedScaleIn) expect(scaleTo).toBeGreaterThan(input.currentReplicas);
        if (input.pausedScaleOut && (input.isActive || input.forceActivation)) expect(scaleTo).toBeLessThan(input.currentReplicas + 1);
      }),
      SEED,
    );
  });
});

type Tree = { kind: 'num'; value: number } | { kind: 'var'; name: 'a' | 'b' | 'c' } | { kind: 'nil' } | { kind: 'op'; op: string; left: Tree; right: Tree };

/** Binary precedence as expr-lang orders it (?? above * / % above + -). */
const PRECEDENCE: Record<string, number> = { '+': 1, '-': 1, '*': 2, '/': 2, '%': 2, '??': 3 };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: 0, max: 9 }).map((value): Tree => ({ kind: 'num', value })),
    fc.constantFrom<'a' | 'b' | 'c'>('a', 'b', 'c').map((name): Tree => ({ kind: 'var', name })),
    fc.constant<Tree>({ kind: 'nil' }),
    fc
      .record({ kind: fc.constant('op' as const), op: fc.constantFrom('+', '-', '*', '/', '%', '??'), left: tie('tree'), right: tie('tree'), modulus: fc.integer({ min: 1, max: 9 }) })
      // expr-lang's % needs an int on one side (float64 % float64 does not compile): a literal divisor.
      .map(({ modulus, ...op }): Tree => (op.op === '%' ? { ...op, right: { kind: 'num', value: modulus } } : op)),
  ),
})).tree;

/** Minimal parentheses: a child binding looser than its parent, or a right child binding equally, is wrapped. */
function render(t: Tree): string {
  if (t.kind === 'num') return String(t.value);
  if (t.kind === 'var') return t.name;
  if (t.kind === 'nil') return 'nil';
  const p = PRECEDENCE[t.op] ?? 0;
  const side = (c: Tree, right: boolean) => (c.kind === 'op' && ((PRECEDENCE[c.op] ?? 0) < p || (right && (PRECEDENCE[c.op] ?? 0) === p)) ? `(${render(c)})` : render(c));
  return `${side(t.left, false)} ${t.op} ${side(t.right, true)}`;
}

/** Reference semantics: float arithmetic, nil propagating, ?? replacing nil. */
function reference(t: Tree, env: Record<string, number | null>): number | null {
  if (t.kind === 'num') return t.value;
  if (t.kind === 'var') return env[t.name] ?? null;
  if (t.kind === 'nil') return null;
  const l = reference(t.left, env);
  if (t.op === '??') return l ?? reference(t.right, env);
  const r = reference(t.right, env);
  if (l === null || r === null) return null;
  return t.op === '+' ? l + r : t.op === '-' ? l - r : t.op === '*' ? l * r : t.op === '/' ? l / r : l % r;
}

describe('formula properties', () => {
  it('evaluation matches a reference evaluator on random arithmetic with nil and ??', () => {
    const value = fc.option(fc.integer({ min: -20, max: 20 }), { nil: null, freq: 4 });
    fc.assert(
      fc.property(tree, value, value, value, (t, a, b, c) => {
        const compiled = compileFormula(render(t), ['a', 'b', 'c']);
        expect(compiled.ok).toBe(true);
        if (!compiled.ok) return;
        expect(compiled.evaluate({ a, b, c })).toBe(reference(t, { a, b, c }));
      }),
      SEED,
    );
  });

  it('never accepts an identifier that is not a trigger name', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/), (name) => {
        fc.pre(!['a', 'nil', 'true', 'false', 'this', 'null'].includes(name));
        expect(compileFormula(`a + ${name}`, ['a']).ok).toBe(false);
      }),
      SEED,
    );
  });
});

describe('kafka lag properties', () => {
  it('without allowIdleConsumers the metric never exceeds partitions × lagThreshold + (lagThreshold − 1); activity ignores the cap', () => {
    const settings = { allowIdleConsumers: false, limitToPartitionsWithLag: false, ensureEvenDistributionOfPartitions: false, excludePersistentLag: false };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 100 }), (lags, lagThreshold) => {
        const r = calculateKafkaLag(lags, undefined, { ...settings, lagThreshold });
        // Integer division lets up to lagThreshold − 1 over the bound through (35 / 10 = 3 is not > 3).
        expect(r.totalLag).toBeLessThan((lags.length + 1) * lagThreshold);
        expect(r.totalLagWithPersistent).toBe(lags.reduce((s, x) => s + x, 0));
      }),
      SEED,
    );
  });
});
