/**
 * Where a run's wall time goes, by component: the EventTimer handed to the simulation kernel
 * (src/core/simulation.ts) for `npm run bench:components`, and the table read off it. Components
 * are the kernel's names (`hpa/web`, `keda/orders`, `metrics-server`, `cluster-autoscaler`…); by
 * kind, those sharing the part before the first `/` are added up. A benchmark's bookkeeping: it
 * records what ran, and nothing in it reaches back into the simulation.
 */
import type { EventTally, EventTimer } from '../core/simulation.js';

export type ProfileGrouping = 'kind' | 'instance';

/** The tallies of one run, filled by the kernel; the clock is the caller's (performance.now). */
export class ComponentProfile implements EventTimer {
  private readonly tallies = new Map<string, EventTally>();

  constructor(private readonly clock: () => number) {}

  nowMs(): number {
    return this.clock();
  }

  tally(component: string): EventTally {
    let tally = this.tallies.get(component);
    if (tally === undefined) {
      tally = { wallMs: 0, events: 0 };
      this.tallies.set(component, tally);
    }
    return tally;
  }

  /** Each component's tally (components scheduled but never fired have 0 events). */
  entries(): [string, EventTally][] {
    return [...this.tallies];
  }
}

export interface ComponentRow {
  component: string;
  events: number;
  wallMs: number;
  /** Share of the time the events took (their sum), percent. */
  sharePercent: number;
  microsecondsPerEvent: number;
}

export interface ProfileSummary {
  rows: ComponentRow[];
  /** Components left out past `top`, and their events and wall time together. */
  rest: { components: number; events: number; wallMs: number } | undefined;
  events: number;
  /** Σ of every event's wall time. */
  eventsWallMs: number;
}

/** The component's kind: its name up to the first `/` (`hpa/web` → `hpa`). */
export function componentKind(component: string): string {
  const slash = component.indexOf('/');
  return slash < 0 ? component : component.slice(0, slash);
}

/**
 * The tallies grouped by kind or instance, most wall time first (then by name), keeping `top` rows
 * (all when undefined); components that never fired are left out.
 */
export function summarizeProfile(tallies: Iterable<[string, EventTally]>, by: ProfileGrouping, top?: number): ProfileSummary {
  const groups = new Map<string, EventTally>();
  for (const [component, tally] of tallies) {
    if (tally.events === 0) continue;
    const key = by === 'kind' ? componentKind(component) : component;
    const group = groups.get(key) ?? { wallMs: 0, events: 0 };
    group.wallMs += tally.wallMs;
    group.events += tally.events;
    groups.set(key, group);
  }
  let events = 0;
  let eventsWallMs = 0;
  for (const g of groups.values()) {
    events += g.events;
    eventsWallMs += g.wallMs;
  }
  const all = [...groups]
    .map(([component, g]) => ({
      component,
      events: g.events,
      wallMs: g.wallMs,
      sharePercent: eventsWallMs > 0 ? (100 * g.wallMs) / eventsWallMs : 0,
      microsecondsPerEvent: (1000 * g.wallMs) / g.events,
    }))
    .sort((a, b) => b.wallMs - a.wallMs || (a.component < b.component ? -1 : a.component > b.component ? 1 : 0));
  const kept = top === undefined ? all : all.slice(0, top);
  const left = all.slice(kept.length);
  const rest = left.length === 0 ? undefined : { components: left.length, events: left.reduce((n, r) => n + r.events, 0), wallMs: left.reduce((n, r) => n + r.wallMs, 0) };
  return { rows: kept, rest, events, eventsWallMs };
}
