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

  it('clears a slot a pod never had without growing its array', () => {
    const late = new PodSlot<number>('late');
    const pod = makePod();
    late.clear(pod);
    expect(pod.slots.length).toBe(0);
  });
});
