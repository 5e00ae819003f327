import { describe, expect, it } from 'vitest';
import { buildExpanderChain, checkExpanderNames } from '../../../src/autoscalers/cluster-autoscaler/expanders/chain.js';
import type { ExpanderContext, ExpansionOption } from '../../../src/autoscalers/cluster-autoscaler/expanders/expander.js';
import { wasteScore } from '../../../src/autoscalers/cluster-autoscaler/expanders/least-waste.js';
import { podPricePerHour, preferredNodeCpuMillicores, priceScore } from '../../../src/autoscalers/cluster-autoscaler/expanders/price.js';
import { expanderNames, findExpander } from '../../../src/autoscalers/cluster-autoscaler/expanders/registry.js';
import type { CaNodeGroup, CaPod } from '../../../src/autoscalers/cluster-autoscaler/types.js';
import { GIB, group, pods, seeded, template } from './builders.js';

const podList: CaPod[] = pods('p', 6, 500, GIB);
const groups: CaNodeGroup[] = [
  group('small', template(1000, 2 * GIB), { priceUsdPerHour: 0.05, priority: 10 }),
  group('large', template(4000, 8 * GIB), { priceUsdPerHour: 0.2, priority: 20 }),
  group('odd', template(3000, 4 * GIB), { priceUsdPerHour: 0.3 }),
  group('last', template(1000, 2 * GIB), { priority: -1 }),
  group('never', template(1000, 2 * GIB), { priority: -5 }),
  group('never2', template(1000, 2 * GIB), { priority: -2 }),
];
const ctx: ExpanderContext = { groups: new Map(groups.map((g) => [g.name, g])), pods: new Map(podList.map((p) => [p.name, p])), clusterNodeCount: 3 };
const opt = (groupName: string, nodeCount: number, podCount: number): ExpansionOption => ({ group: groupName, nodeCount, pods: podList.slice(0, podCount).map((p) => p.name) });

function best(name: string, options: ExpansionOption[]) {
  return (findExpander(name)?.create(seeded()).bestOptions(options, ctx) ?? []).map((o) => `${o.group}:${o.nodeCount}`);
}

describe('expanders', () => {
  it.each([
    ['most-pods keeps the options scheduling the most pods (ties kept)', 'most-pods', [opt('small', 3, 6), opt('large', 1, 4), opt('odd', 2, 6)], ['small:3', 'odd:2']],
    ['least-nodes keeps the fewest nodes, ignoring zero-node options', 'least-nodes', [opt('small', 3, 6), opt('large', 1, 4), opt('odd', 0, 6)], ['large:1']],
    ['least-waste keeps the least idle cpu + memory fraction', 'least-waste', [opt('small', 3, 6), opt('large', 1, 6)], ['small:3']],
    ['priority keeps the highest group priority; groups without one are not candidates', 'priority', [opt('small', 3, 6), opt('large', 1, 6), opt('odd', 2, 6)], ['large:1']],
    ['priority keeps everything when no group has a priority', 'priority', [opt('odd', 2, 6)], ['odd:2']],
    // priority.go starts its maximum at -1: -1 can win, anything below never does.
    ['priority keeps a group at -1 over one without a priority', 'priority', [opt('odd', 2, 6), opt('last', 3, 6)], ['last:3']],
    ['priority never keeps a group below -1 on its merit: with -2 and -5 alone, nothing is filtered', 'priority', [opt('never', 3, 6), opt('never2', 3, 6), opt('odd', 2, 6)], ['never:3', 'never2:3', 'odd:2']],
    ['priority keeps -1 over -5', 'priority', [opt('never', 3, 6), opt('last', 3, 6)], ['last:3']],
    ['price keeps the cheapest well-fitting option', 'price', [opt('small', 3, 6), opt('large', 1, 6)], ['small:3']],
    ['random returns exactly one option', 'random', [opt('small', 3, 6), opt('large', 1, 6)], 1],
  ] as const)('%s', (_name, expander, options, expected) => {
    const got = best(expander, [...options]);
    if (typeof expected === 'number') expect(got).toHaveLength(expected);
    else expect(got).toEqual(expected);
  });

  it('least-waste scores (avail − requested) / avail for cpu plus memory', () => {
    // 6 pods × 500m on 3 × 1000m: 0 idle cpu; 6 GiB on 3 × 2 GiB: 0 idle memory.
    expect(wasteScore(opt('small', 3, 6), ctx)).toBe(0);
    // 3000m on 4000m: 0.25 idle; 6 GiB on 8 GiB: 0.25 idle.
    expect(wasteScore(opt('large', 1, 6), ctx)).toBe(0.5);
  });

  it('price: pod price at GCE base rates, preferred node grows with the cluster, unknown prices drop out', () => {
    expect(podPricePerHour(1000, GIB)).toBeCloseTo(0.033174 + 0.004446, 12);
    expect([1, 3, 7, 21, 61, 201].map(preferredNodeCpuMillicores)).toEqual([1000, 2000, 4000, 8000, 16000, 32000]);
    const unpriced = { ...ctx, groups: new Map([['x', group('x', template(1000, GIB))]]) };
    expect(priceScore(opt('x', 1, 1), unpriced)).toBeUndefined();
    expect(best('price', [opt('odd', 2, 6)])).toEqual(['odd:2']);
  });

  it('the registry lists every expander with a test here', () => {
    expect(expanderNames()).toEqual(['least-nodes', 'least-waste', 'most-pods', 'price', 'priority', 'random']);
    expect(findExpander('grpc')).toBeUndefined();
  });
});

describe('expander chain (expander_factory.go, chain.go)', () => {
  it.each([
    ['an unknown name', ['least-waste', 'grpc'], /Expander grpc not supported/],
    ['a name given twice', ['most-pods', 'most-pods'], /Expander most-pods was specified multiple times/],
    ['anything after the random strategy', ['random', 'most-pods'], /Expander most-pods came after an expander random that will always return only one result/],
  ])('rejects %s, like the CA factory', (_name, names, message) => {
    expect(checkExpanderNames(names)).toMatch(message);
    expect(() => buildExpanderChain(names, seeded())).toThrow(message);
  });

  it.each([[['least-waste']], [['priority', 'least-waste']], [['most-pods', 'random']], [[]]])('accepts %j', (names) => {
    expect(checkExpanderNames(names)).toBeUndefined();
  });

  it('applies filters in order and stops as soon as one option is left', () => {
    const chain = buildExpanderChain(['most-pods', 'least-nodes'], seeded());
    expect(chain.bestOption([opt('small', 3, 6), opt('large', 2, 6), opt('odd', 1, 4)], ctx)).toEqual(opt('large', 2, 6));
    expect(buildExpanderChain(['priority', 'least-nodes'], seeded()).bestOption([opt('small', 1, 6), opt('large', 3, 6)], ctx)?.group).toBe('large');
  });

  it('falls back to a random pick among the tied options, deterministic for a seed', () => {
    const tied = [opt('small', 2, 6), opt('large', 2, 6), opt('odd', 2, 6)];
    const pick = (seed: number) => buildExpanderChain(['least-nodes'], seeded(seed)).bestOption(tied, ctx)?.group;
    expect(pick(1)).toBe(pick(1));
    const seen = new Set(Array.from({ length: 40 }, (_, s) => pick(s)));
    expect(seen).toEqual(new Set(['small', 'large', 'odd']));
  });

  it('returns undefined when there is no option', () => {
    expect(buildExpanderChain(['least-waste'], seeded()).bestOption([], ctx)).toBeUndefined();
  });
});
