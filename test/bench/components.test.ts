/**
 * npm run bench:components: the profile's table (grouping, order, the rows past --top), its command
 * line, that timing a run changes none of its outputs, and the tool end to end (figures that add up,
 * exit 2 for a bad flag or folder).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ComponentProfile, componentKind, summarizeProfile } from '../../src/bench/component-profile.js';
import { parseComponentsArgs } from '../../src/bench/components-options.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import { MemoryTableSink } from '../../src/report/table-sink.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { ROOT } from '../helpers/run-cli.js';

const TALLIES: [string, { wallMs: number; events: number }][] = [
  ['hpa/web', { wallMs: 30, events: 10 }],
  ['hpa/api', { wallMs: 50, events: 10 }],
  ['metrics-server', { wallMs: 40, events: 4 }],
  ['deployment/web', { wallMs: 5, events: 2 }],
  ['keda/orders', { wallMs: 5, events: 1 }],
  ['cloud/workers', { wallMs: 0, events: 0 }],
];

describe('summarizeProfile', () => {
  it.each<[string, string]>([
    ['hpa/web', 'hpa'],
    ['metrics-server', 'metrics-server'],
    ['keda/ns/orders', 'keda'],
  ])('the kind of %s is %s', (component, kind) => {
    expect(componentKind(component)).toBe(kind);
  });

  it('adds up each kind, most wall time first, ties by name; components that never fired are left out', () => {
    const s = summarizeProfile(TALLIES, 'kind');
    expect(s.rows.map((r) => [r.component, r.events, r.wallMs, r.sharePercent, r.microsecondsPerEvent])).toEqual([
      ['hpa', 20, 80, 61.53846153846154, 4000],
      ['metrics-server', 4, 40, 30.76923076923077, 10000],
      ['deployment', 2, 5, 3.8461538461538463, 2500],
      ['keda', 1, 5, 3.8461538461538463, 5000],
    ]);
    expect(s.events).toBe(27);
    expect(s.eventsWallMs).toBe(130);
    expect(s.rest).toBeUndefined();
  });

  it('keeps instances apart, and puts the rows past top together', () => {
    const s = summarizeProfile(TALLIES, 'instance', 2);
    expect(s.rows.map((r) => r.component)).toEqual(['hpa/api', 'metrics-server']);
    expect(s.rest).toEqual({ components: 3, events: 13, wallMs: 40 });
    expect(s.rows.reduce((n, r) => n + r.sharePercent, 0) + (100 * s.rest!.wallMs) / s.eventsWallMs).toBeCloseTo(100, 10);
  });

  it('returns the same tally for the same component (one per process, however often it is scheduled)', () => {
    const p = new ComponentProfile(() => 0);
    expect(p.tally('deployment/web')).toBe(p.tally('deployment/web'));
    expect(p.entries()).toHaveLength(1);
  });
});

describe('parseComponentsArgs', () => {
  it('defaults to bench-large for its quick hour, by kind, every row', () => {
    const o = parseComponentsArgs([]);
    expect(typeof o).toBe('object');
    if (typeof o === 'string') return;
    expect(o.target.kind === 'case' && o.target.case.name).toBe('bench-large');
    expect(o).toMatchObject({ durationSeconds: 3600, by: 'kind', top: undefined, json: false });
  });

  it('takes a case, a folder, and the options in any order', () => {
    expect(parseComponentsArgs(['--by', 'instance', 'nasa-diurnal', '--json'])).toMatchObject({ target: { kind: 'case' }, durationSeconds: undefined, by: 'instance', top: 20, json: true });
    expect(parseComponentsArgs(['--top', '5', './mine', '--duration', '6h'])).toEqual({ target: { kind: 'folder', dir: './mine' }, durationSeconds: 21_600, by: 'kind', top: 5, json: false });
    // A looped case keeps its own length unless told.
    expect(parseComponentsArgs(['nasa-1d-looped'])).toMatchObject({ durationSeconds: 86_400 });
  });

  it.each<[string[], string]>([
    [['--by', 'component'], '--by: expected kind or instance, got "component"'],
    [['--top', '0'], '--top: expected a whole number >= 1, got "0"'],
    [['--top', '2.5'], '--top: expected a whole number >= 1, got "2.5"'],
    [['--duration=-1h'], '--duration: expected a positive duration such as 90s, 15m, 2h or 27d, got "-1h"'],
    [['--duration', '-1h'], '--duration needs a value (one that starts with "-" goes as --duration=-…)'],
    [['--duration'], '--duration needs a value (one that starts with "-" goes as --duration=-…)'],
    [['--by', '--json'], '--by needs a value (one that starts with "-" goes as --by=-…)'],
    [['--json=yes'], '--json takes no value'],
    [['--fast'], 'unknown option --fast'],
    [['a', 'b'], 'one case or scenario folder only, got "a" and "b"'],
  ])('refuses %j: %s', (argv, reason) => {
    expect(parseComponentsArgs(argv)).toBe(reason);
  });
});

/** Every table of a run, as text. */
function tablesOf(run: (tables: (name: string, header: readonly string[]) => MemoryTableSink) => void): Map<string, string> {
  const sinks = new Map<string, MemoryTableSink>();
  run((name, header) => {
    const sink = new MemoryTableSink(header);
    sinks.set(name, sink);
    return sink;
  });
  return new Map([...sinks].map(([name, sink]) => [name, sink.text()]));
}

describe('a timed run', () => {
  it('writes the same tables as an untimed one, and times every event: one per HPA sync', async () => {
    const scenario = await loadScenario(join(ROOT, 'scenarios', 'nginx-hpa-cpu'), { durationSeconds: 3 * 3600 });
    const plain = tablesOf((tables) => runScenario(scenario, { tables }));
    let clockMs = 0;
    const profile = new ComponentProfile(() => (clockMs += 0.5));
    let events = 0;
    const timed = tablesOf((tables) => {
      events = runScenario(scenario, { tables, timer: profile }).built.sim.eventsProcessed;
    });
    expect([...timed.keys()].sort()).toEqual([...plain.keys()].sort());
    for (const [name, text] of plain) expect(timed.get(name), name).toBe(text);
    const s = summarizeProfile(profile.entries(), 'kind');
    expect(s.events).toBe(events);
    // Two clock reads of 0.5 ms each per event.
    expect(s.eventsWallMs).toBe(0.5 * events);
    const hpa = s.rows.find((r) => r.component === 'hpa');
    // One sync every 15 s (--horizontal-pod-autoscaler-sync-period) for 3 h.
    expect(hpa?.events).toBe((3 * 3600) / 15);
  });
});

describe('npm run bench:components (dist/bench/components.js)', () => {
  const SCRIPT = join(ROOT, 'dist', 'bench', 'components.js');

  it('profiles a scenario folder: the stages and the rows add up to the run', () => {
    const r = spawnSync(process.execPath, [SCRIPT, join(ROOT, 'scenarios', 'nasa-diurnal'), '--duration', '7d', '--json'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      simulatedSeconds: number;
      by: string;
      stages: Record<string, number>;
      collector: { pauses: number; pauseMs: number; youngGenerationMs: number };
      rows: { component: string; events: number; wallMs: number }[];
      events: number;
      eventsWallMs: number;
    };
    expect(out.simulatedSeconds).toBe(7 * 86_400);
    expect(out.by).toBe('kind');
    expect(out.rows.find((row) => row.component === 'hpa')?.events).toBe((7 * 86_400) / 15);
    expect(out.rows.reduce((n, row) => n + row.events, 0)).toBe(out.events);
    expect(out.rows.reduce((n, row) => n + row.wallMs, 0)).toBeCloseTo(out.eventsWallMs, 1);
    expect(out.eventsWallMs).toBeLessThanOrEqual(out.stages.loopMs! + 0.01);
    // A week of nasa-diurnal allocates enough for several young-generation collections (about eight).
    expect(Number.isInteger(out.collector.pauses)).toBe(true);
    expect(out.collector.pauses).toBeGreaterThan(0);
    expect(out.collector.youngGenerationMs).toBeLessThanOrEqual(out.collector.pauseMs);
    expect(out.collector.pauseMs).toBeLessThan(out.stages.buildMs! + out.stages.loopMs! + out.stages.finishMs! + 1);
  });

  it('prints a table by instance', () => {
    const r = spawnSync(process.execPath, [SCRIPT, join(ROOT, 'scenarios', 'nginx-hpa-cpu'), '--duration', '1h', '--by', 'instance', '--top', '2'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/, 3,600 simulated s, [\d,]+ events, no output\. Load [\d.]+ s; run [\d.]+ s: build .*\. The collector paused it [\d,]+ times?, [\d.]+ s in all \(young generation [\d.]+ s\), inside the figures below$/);
    expect(lines[1]).toMatch(/^\| component +\| +events \| +wall ms \| share of events % \| µs per event \|$/);
    // Two rows, then the rest together.
    expect(lines).toHaveLength(6);
    expect(lines[5]).toMatch(/^\| \(\d+ more\) /);
  });

  it('exits 2 with the reason and the usage for a bad flag, and with the problem for a folder without a scenario', () => {
    const bad = spawnSync(process.execPath, [SCRIPT, '--top', 'all'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('bench:components: --top: expected a whole number >= 1, got "all"');
    expect(bad.stderr).toContain('usage: npm run bench:components');
    const none = spawnSync(process.execPath, [SCRIPT, join(ROOT, 'test')], { encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('scenario.yaml');
    expect(none.stderr).not.toMatch(/\n\s+at /);
    expect(none.stdout).toBe('');
  });
});
