/**
 * State a component keeps per pod (metrics-server's last scrape, a workload's usage counters), held
 * in the pod's own slot array instead of a Map keyed by pod.
 *
 * Why not a Map: pods come and go over hours of simulated time, and each set or delete on a Map
 * that has lived that long eventually rehashes it into a new table. The new table lives for hours
 * too, so V8 promotes it to the old generation, where the next rehash makes it garbage; the old
 * generation (and the RSS) then grew with the length of the run (nasa-diurnal looped for 120 days:
 * +4.4 MiB with Maps, +2.1 MiB once metrics-server and the usage ledgers used slots). A slot dies with its pod.
 *
 * Slots are numbered once per process, at module load, so every simulation in a process (a sweep's
 * worker runs many) uses the same small array layout. A pod's array is made full length, holding
 * `undefined`, so that every read is in bounds and every array has the same elements kind.
 */
import type { SimPod } from './model.js';

let slotCount = 0;

/** A new pod's slot array: one `undefined` per slot defined so far. */
export function emptyPodSlots(): unknown[] {
  const slots: unknown[] = [];
  for (let i = 0; i < slotCount; i++) slots.push(undefined);
  return slots;
}

export class PodSlot<T> {
  readonly index: number;

  /** @param owner who keeps the state (for readers of a debugger, not used at run time). */
  constructor(readonly owner: string) {
    this.index = slotCount++;
  }

  get(pod: SimPod): T | undefined {
    return pod.slots[this.index] as T | undefined;
  }

  set(pod: SimPod, value: T): void {
    pod.slots[this.index] = value;
  }

  clear(pod: SimPod): void {
    pod.slots[this.index] = undefined;
  }
}
