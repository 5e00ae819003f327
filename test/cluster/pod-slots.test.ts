import { describe, expect, it } from 'vitest';
import { PodSlot } from '../../src/cluster/pod-slots.js';
import { makePod } from '../helpers/builders.js';

describe('PodSlot', () => {
  it('keeps each slot’s value on each pod apart, and clears one without touching the others', () => {
    const first = new PodSlot<number>('first');
    const second = new PodSlot<string>('second');
    const a = makePod();
    const b = makePod();
    expect(second.index).toBeGreaterThan(first.index);
    expect(first.get(a)).toBeUndefined();
    first.set(a, 1);
    second.set(a, 'x');
    first.set(b, 2);
    expect([first.get(a), second.get(a), first.get(b), second.get(b)]).toEqual([1, 'x', 2, undefined]);
    first.clear(a);
    expect([first.get(a), second.get(a), first.get(b)]).toEqual([undefined, 'x', 2]);
  });

  it('gives a new pod one empty place per slot defined, so reads stay in bounds', () => {
    const late = new PodSlot<number>('late');
    const pod = makePod();
    expect(pod.slots.length).toBeGreaterThan(late.index);
    expect(pod.slots.every((v) => v === undefined)).toBe(true);
    expect(late.get(pod)).toBeUndefined();
  });
});
