/**
 * SCALESIM_DEBUG's stack: frames mapped to their TypeScript positions through the source map the
 * build writes beside the bundle, and a run failure's cause printed after it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { debugStack, mapStack, sourceMapMapper, type PositionMapper } from '../../src/errors/debug-stack.js';
import { Simulation } from '../../src/core/simulation.js';
import { Phase } from '../../src/core/phases.js';
import { loadBundle, type BundleExports } from '../../src/launch/cached-bundle.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Knows one generated position of /b/bundle.js: line 3, column 100 is /s/x.ts line 12, column 5. */
const toyMapper: PositionMapper = (file, line, column) => (file === '/b/bundle.js' && line === 3 && column === 100 ? { file: '/s/x.ts', line: 12, column: 5 } : undefined);

describe('mapStack', () => {
  it.each([
    ['a named frame', '    at run (/b/bundle.js:3:100)', '    at run (/s/x.ts:12:5)'],
    ['an anonymous frame', '    at /b/bundle.js:3:100', '    at /s/x.ts:12:5'],
    ['an async frame with a file URL', '    at async Object.go (file:///b/bundle.js:3:100)', '    at async Object.go (/s/x.ts:12:5)'],
    ['a position the map does not cover', '    at run (/b/bundle.js:3:101)', '    at run (/b/bundle.js:3:101)'],
    ["node's own frame", '    at mkdirSync (node:fs:1386:26)', '    at mkdirSync (node:fs:1386:26)'],
    ['the message line', 'Error: at /b/bundle.js:3:100 it broke', 'Error: at /b/bundle.js:3:100 it broke'],
  ])('%s', (_name, line, expected) => {
    expect(mapStack(line, toyMapper)).toBe(expected);
  });
});

describe('debugStack', () => {
  it("prints a SimulationError's stack, then the handler's error as its cause", () => {
    const sim = new Simulation();
    sim.scheduleAt(30, Phase.CONTROL, 'hpa/web', () => {
      throw new RangeError('handler broke');
    });
    let caught: unknown;
    try {
      sim.runUntil(60);
    } catch (error) {
      caught = error;
    }
    const text = debugStack(caught, () => undefined);
    expect(text.split('\n')[0]).toBe('SimulationError: hpa/web failed at t=30s: handler broke');
    expect(text).toMatch(/\ncaused by: RangeError: handler broke\n\s+at .*debug-stack\.test\.ts:\d+:\d+/);
  });

  it('follows causes only so deep (a cycle ends) and prints a thrown value that is no Error', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(debugStack(a, () => undefined).match(/caused by: /g)).toHaveLength(8);
    expect(debugStack(new Error('outer', { cause: 'a string' }), () => undefined)).toMatch(/\ncaused by: a string$/);
    expect(debugStack(42, () => undefined)).toBe('42');
  });

  it('maps a failure inside the built bundle to its TypeScript line (npm run build writes scalesim.js.map)', async () => {
    const bundle = join(ROOT, 'dist', 'bundle', 'scalesim.js');
    const { exports } = loadBundle<BundleExports>(bundle, null);
    const error = await exports.runBench(['node', 'bench', '--one', 'no-such-case']).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const raw = (error as Error).stack!;
    // The whitespace-minified bundle: a frame there names a line of the bundle, not of a source.
    expect(raw).toMatch(/\(.*dist\/bundle\/scalesim\.js:\d+:\d+\)/);
    const throwLine = readFileSync(join(ROOT, 'src', 'bench', 'bench.ts'), 'utf8').split('\n').findIndex((l) => l.includes('throw new Error(`unknown bench case')) + 1;
    expect(throwLine).toBeGreaterThan(0);
    const mapped = debugStack(error, sourceMapMapper());
    expect(mapped.split('\n')[1]).toMatch(new RegExp(`at (Object\\.)?runBench \\(${join(ROOT, 'src', 'bench', 'bench.ts').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${throwLine}:\\d+\\)$`));
    expect(mapped).not.toContain('scalesim.js:');
  });
});
