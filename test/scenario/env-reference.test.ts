/**
 * `$(VAR)` expansion as KEDA's resolveEnvValue does it (src/scenario/keda/env-reference.ts): each
 * row worked out by hand from kedacore/keda pkg/scaling/resolver/scale_resolvers.go, quirks included
 * (the one row with a byte that is no character says where a JavaScript string must differ).
 */
import { describe, expect, it } from 'vitest';
import { expandEnvReferences, type EnvValue } from '../../src/scenario/keda/env-reference.js';

const VARS: Record<string, EnvValue> = {
  A: { value: '1', secret: false },
  NESTED: { value: '$(A)', secret: false },
  PASSWORD: { value: 'hunter2', secret: true },
  LATER: { unknown: 'Secret default/x is not in the manifests' },
};
const lookup = (name: string) => VARS[name];

describe('expandEnvReferences (resolveEnvValue)', () => {
  it.each([
    ['no reference', 'plain', 'plain'],
    ['a defined variable', '$(A)-x', '1-x'],
    ['after text', 'x$(A)', 'x1'],
    ['twice', '$(A)$(A)', '11'],
    ['an undefined variable stays as written', '$(B)-x', '$(B)-x'],
    ['$$ is one $, and the scan goes on after it', '$$(A)', '$(A)'],
    ['$$ then a reference', '$$$(A)', '$1'],
    ['a $ among the last three bytes stays (a$$)', 'a$$', 'a$$'],
    ['$$ with three bytes after', '$$ab', '$ab'],
    ['$( with fewer than three bytes after stays', '$(A', '$(A'],
    ['$( with no ) after stays', '$(AB', '$(AB'],
    ['$ and another byte stay', '$xyz', '$xyz'],
    ['an empty name is no variable', '$()x', '$()x'],
    ['no recursive expansion', '$(NESTED)', '$(A)'],
    // Go's string(byte): the first byte of é (0xC3) as a code point, Ã. The byte after it (0xA9) is no
    // character: Go's string keeps the raw byte, a JavaScript string cannot, and reads it as U+FFFD.
    ['a multi-byte character after $ is split as Go splits it', '$éx', '$Ã\uFFFDx'],
  ])('%s: %s → %s', (_what, value, expected) => {
    expect(expandEnvReferences(value, lookup)).toEqual({ value: expected, secret: false });
  });

  it('marks a value that took a Secret variable as secret', () => {
    expect(expandEnvReferences('amqp://user:$(PASSWORD)@rabbit', lookup)).toEqual({ value: 'amqp://user:hunter2@rabbit', secret: true });
  });

  it('is unknown when it takes a variable that cannot be known, saying why', () => {
    expect(expandEnvReferences('$(A)$(LATER)', lookup)).toEqual({ unknown: 'its $(LATER) is unknown: Secret default/x is not in the manifests' });
  });
});
