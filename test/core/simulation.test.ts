import { describe, expect, it } from 'vitest';
import { Phase } from '../../src/core/phases.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation, SimulationError, type EventTally, type EventTimer } from '../../src/core/simulation.js';

describe('Simulation', () => {
  it('runs same-time events by phase, then in insertion order (time-stamped log)', () => {
    const sim = new Simulation();
    const log: [string, number][] = [];
    sim.scheduleAt(5, Phase.CONTROL, 'a', () => log.push(['control-1', sim.nowSeconds]));
    sim.scheduleAt(5, Phase.METRICS, 'b', () => log.push(['metrics', sim.nowSeconds]));
    sim.scheduleAt(5, Phase.CONTROL, 'c', () => log.push(['control-2', sim.nowSeconds]));
    sim.scheduleAt(1, Phase.OBSERVE, 'd', () => log.push(['observe', sim.nowSeconds]));
    sim.scheduleAt(5, Phase.LOAD, 'e', () => log.push(['load', sim.nowSeconds]));
    sim.runUntil(10);
    expect(log).toEqual([
      ['observe', 1],
      ['load', 5],
      ['metrics', 5],
      ['control-1', 5],
      ['control-2', 5],
    ]);
    expect(sim.nowSeconds).toBe(10);
  });

  it('fires periodic processes at start + k·interval without float drift', () => {
    const sim = new Simulation();
    const times: number[] = [];
    sim.every(0.1, 0.1, Phase.CONTROL, 'tick', () => times.push(sim.nowSeconds));
    sim.runUntil(1000);
    expect(times).toHaveLength(9999);
    expect(times[9998]).toBe(0.1 + 9998 * 0.1);
    // Repeated addition would have drifted; k·interval lands exactly on the product.
    expect(times[2]).toBe(0.1 + 2 * 0.1);
  });

  it("calls a one-off event's handler with no argument and a periodic process's with k; a periodic process past its end is never queued", () => {
    const sim = new Simulation();
    const calls: unknown[][] = [];
    sim.scheduleAt(1, Phase.LOAD, 'once', (...args: unknown[]) => calls.push(['once', ...args]));
    sim.every(0, 2, Phase.CONTROL, 'tick', (...args: unknown[]) => calls.push(['tick', ...args]), 5);
    const late = sim.every(10, 1, Phase.CONTROL, 'late', () => calls.push(['late']), 10);
    late.cancel();
    sim.runUntil(20);
    expect(calls).toEqual([['tick', 0], ['once'], ['tick', 1], ['tick', 2]]);
    expect(sim.eventsProcessed).toBe(4);
  });

  it('runs events strictly before the end time and stops periodic work when cancelled', () => {
    const sim = new Simulation();
    const log: number[] = [];
    const handle = sim.every(0, 15, Phase.CONTROL, 'hpa', (k) => log.push(k));
    sim.runUntil(45);
    expect(log).toEqual([0, 1, 2]);
    handle.cancel();
    sim.runUntil(100);
    expect(log).toEqual([0, 1, 2]);
  });

  it('a periodic process cancelled from its own handler fires no more, and the cancel costs no event', () => {
    const sim = new Simulation();
    const log: string[] = [];
    const handle = sim.every(0, 10, Phase.CONTROL, 'poll', (k) => {
      log.push(`poll ${k}@${sim.nowSeconds}`);
      if (k === 1) handle.cancel();
    });
    sim.scheduleAt(25, Phase.LOAD, 'load', () => log.push(`load@${sim.nowSeconds}`));
    sim.runUntil(60);
    expect(log).toEqual(['poll 0@0', 'poll 1@10', 'load@25']);
    expect(sim.eventsProcessed).toBe(3);
  });

  it('queues the next firing after the handler ran: events the handler schedules at that instant run first', () => {
    const sim = new Simulation();
    const log: string[] = [];
    sim.every(0, 5, Phase.CONTROL, 'tick', (k) => {
      log.push(`tick ${k}`);
      if (k === 0) sim.scheduleAt(5, Phase.CONTROL, 'same-phase', () => log.push('scheduled by tick 0'));
    });
    sim.runUntil(6);
    // Both at t = 5 in one phase: the one-shot was queued before tick 1 was.
    expect(log).toEqual(['tick 0', 'scheduled by tick 0', 'tick 1']);
  });

  it('two periodic processes keep their order at shared instants over many firings (one event object each)', () => {
    const sim = new Simulation();
    const log: string[] = [];
    sim.every(0, 15, Phase.CONTROL, 'a', () => log.push('a'));
    sim.every(0, 15, Phase.CONTROL, 'b', () => log.push('b'));
    sim.runUntil(15 * 1000);
    expect(log).toHaveLength(2000);
    expect(log.every((x, i) => x === (i % 2 === 0 ? 'a' : 'b'))).toBe(true);
  });

  it('stops the run loudly with the component and time when a handler throws', () => {
    const sim = new Simulation();
    sim.scheduleAt(7, Phase.CONTROL, 'hpa/web', () => {
      throw new Error('boom');
    });
    expect(() => sim.runUntil(10)).toThrow(SimulationError);
    expect(() => new Simulation().scheduleAt(-1, Phase.LOAD, 'x', () => {})).toThrow(/cannot schedule/);
    try {
      const s = new Simulation();
      s.scheduleAt(7, Phase.CONTROL, 'hpa/web', () => {
        throw new Error('boom');
      });
      s.runUntil(10);
    } catch (e) {
      expect((e as SimulationError).message).toBe('hpa/web failed at t=7s: boom');
    }
  });

  it('counts processed events and skips cancelled ones', () => {
    const sim = new Simulation();
    const log: string[] = [];
    const h = sim.scheduleAt(2, Phase.LOAD, 'x', () => log.push('x'));
    sim.scheduleAt(3, Phase.LOAD, 'y', () => log.push('y'));
    h.cancel();
    sim.runUntil(5);
    expect(log).toEqual(['y']);
    expect(sim.eventsProcessed).toBe(1);
  });

  it("gives each firing's wall time to its component's tally, by the timer's clock (time-stamped log)", () => {
    // A fake clock: each handler says how many milliseconds it takes.
    let clockMs = 0;
    const tallies = new Map<string, EventTally>();
    const asked: string[] = [];
    const timer: EventTimer = {
      nowMs: () => clockMs,
      tally: (component) => {
        asked.push(component);
        const t = tallies.get(component) ?? { wallMs: 0, events: 0 };
        tallies.set(component, t);
        return t;
      },
    };
    const sim = new Simulation(timer);
    const log: [number, string][] = [];
    sim.every(0, 15, Phase.CONTROL, 'hpa/web', () => {
      log.push([sim.nowSeconds, 'hpa/web']);
      clockMs += 2;
    });
    sim.scheduleAt(20, Phase.METRICS, 'metrics-server', () => {
      log.push([sim.nowSeconds, 'metrics-server']);
      clockMs += 7;
      sim.scheduleAfter(0, Phase.RECONCILE, 'deployment/web', () => {
        log.push([sim.nowSeconds, 'deployment/web']);
        clockMs += 1;
      });
    });
    sim.runUntil(60);
    expect(log).toEqual([
      [0, 'hpa/web'],
      [15, 'hpa/web'],
      [20, 'metrics-server'],
      [20, 'deployment/web'],
      [30, 'hpa/web'],
      [45, 'hpa/web'],
    ]);
    expect(Object.fromEntries(tallies)).toEqual({
      'hpa/web': { wallMs: 8, events: 4 },
      'metrics-server': { wallMs: 7, events: 1 },
      'deployment/web': { wallMs: 1, events: 1 },
    });
    // Asked once per periodic process or scheduled event, not per firing.
    expect(asked).toEqual(['hpa/web', 'metrics-server', 'deployment/web']);
    expect(sim.eventsProcessed).toBe(6);
  });

  it('tallies a failing event too, and fails with the same SimulationError as without a timer', () => {
    const tally: EventTally = { wallMs: 0, events: 0 };
    let clockMs = 0;
    const sim = new Simulation({ nowMs: () => (clockMs += 3), tally: () => tally });
    sim.scheduleAt(4, Phase.CONTROL, 'keda/orders', () => {
      throw new Error('boom');
    });
    const error = (() => {
      try {
        sim.runUntil(10);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SimulationError);
    expect((error as SimulationError).message).toBe('keda/orders failed at t=4s: boom');
    expect(tally).toEqual({ wallMs: 3, events: 1 });
  });
});

describe('Rng', () => {
  it('gives the same numbers for the same seed and stream name', () => {
    const a = new Rng(42).stream('scheduler');
    const b = new Rng(42).stream('scheduler');
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
  });

  it('keeps named streams independent: drawing from one does not shift another', () => {
    const r1 = new Rng(1);
    const r2 = new Rng(1);
    r1.stream('other').next();
    r1.stream('other').next();
    expect(r1.stream('hpa').next()).toBe(r2.stream('hpa').next());
    expect(new Rng(1).stream('hpa').next()).not.toBe(new Rng(2).stream('hpa').next());
  });

  it('draws integers in range and jitters within ±ratio', () => {
    const s = new Rng(3).stream('x');
    for (let i = 0; i < 1000; i++) {
      const n = s.int(7);
      expect(n >= 0 && n < 7 && Number.isInteger(n)).toBe(true);
      const j = s.jitter(10, 0.2);
      expect(j >= 8 && j <= 12).toBe(true);
    }
    expect(s.jitter(10, 0)).toBe(10);
  });
});
