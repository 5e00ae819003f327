/**
 * The code-cache loader (src/launch/cached-bundle.ts) on small bundles of its own: a bundle runs as
 * a CommonJS module (exports, a require that resolves from the bundle's folder, __filename); the
 * cache made from a bundle is used when it loads; a cache made from another bundle of the same
 * length is not (V8 would take it: it compares lengths only, and would run the other bundle's
 * top level), nor is a damaged one; and the built dist/ (npm run build) ships a cache that Node,
 * as the bin runs it, takes, for a bundle that runs in strict mode.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBundle, makeCodeCache } from '../../src/launch/cached-bundle.js';
import { ROOT } from '../helpers/run-cli.js';

interface Toy {
  answer(): number;
  where(): string;
  joined(): string;
}

// Two bundles of the same length that answer differently, in their top level (what the cache
// holds); each is a module inside Node's CommonJS wrapper, as npm run build writes the real one.
const bundleAnswering = (n: number): string =>
  [
    '(function (exports, require, module, __filename, __dirname) {',
    "const path = require('node:path');",
    `const value = ${n} * 10 + 1;`,
    'exports.answer = function answer() { return value; };',
    'exports.where = function where() { return __filename; };',
    "exports.joined = function joined() { return path.join('a', 'b'); };",
    '})',
  ].join('\n');

/**
 * Loads a toy bundle in a fresh node process (through the built loader, dist/launch/): in this
 * process V8 would find a source it compiled before in its own compilation cache and never look at
 * the cache file.
 */
function loadInChild(file: string, cache: string): { cache: string; answer: number } {
  const loader = join(ROOT, 'dist', 'launch', 'cached-bundle.js');
  const probe = `import(${JSON.stringify(loader)}).then((m) => { const b = m.loadBundle(${JSON.stringify(file)}, ${JSON.stringify(cache)}); console.log(JSON.stringify({ cache: b.cache, answer: b.exports.answer() })); })`;
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { cache: string; answer: number };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scalesim-cached-bundle-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadBundle', () => {
  it('runs a bundle as a CommonJS module when there is no cache', () => {
    const file = join(dir, 'toy.js');
    writeFileSync(file, bundleAnswering(4));
    const loaded = loadBundle<Toy>(file, join(dir, 'toy.v8-cache'));
    expect(loaded.cache).toBe('none');
    expect(loaded.exports.answer()).toBe(41);
    expect(loaded.exports.where()).toBe(file);
    expect(loaded.exports.joined()).toBe(join('a', 'b'));
  });

  it('uses the cache made from the same bundle', () => {
    const file = join(dir, 'toy.js');
    const cache = join(dir, 'toy.v8-cache');
    writeFileSync(file, bundleAnswering(4));
    writeFileSync(cache, makeCodeCache(file));
    expect(loadInChild(file, cache)).toEqual({ cache: 'used', answer: 41 });
  });

  it('ignores a cache made from another bundle of the same length, and runs the bundle it is given', () => {
    const file = join(dir, 'toy.js');
    const cache = join(dir, 'toy.v8-cache');
    writeFileSync(file, bundleAnswering(4));
    writeFileSync(cache, makeCodeCache(file));
    expect(bundleAnswering(7).length).toBe(bundleAnswering(4).length);
    writeFileSync(file, bundleAnswering(7));
    const loaded = loadBundle<Toy>(file, cache);
    expect(loaded.exports.answer()).toBe(71);
    expect(loaded.cache).toBe('stale');
  });

  it('runs without the cache when V8 refuses it (damaged data after the right digest)', () => {
    const file = join(dir, 'toy.js');
    const cache = join(dir, 'toy.v8-cache');
    writeFileSync(file, bundleAnswering(4));
    const good = makeCodeCache(file);
    const damaged = Buffer.concat([good.subarray(0, 32), Buffer.alloc(good.length - 32, 0x5a)]);
    writeFileSync(cache, damaged);
    expect(loadInChild(file, cache)).toEqual({ cache: 'rejected', answer: 41 });
  });

  it('reads a cache file too short to hold a digest as made from another bundle', () => {
    const file = join(dir, 'toy.js');
    const cache = join(dir, 'toy.v8-cache');
    writeFileSync(file, bundleAnswering(4));
    writeFileSync(cache, Buffer.alloc(8));
    expect(loadBundle<Toy>(file, cache).cache).toBe('stale');
  });
});

describe('the built bundle', () => {
  it('has a code cache that a plain node process takes, the three entry points, and runs in strict mode', () => {
    // A strict function's `caller` throws; a sloppy one's is null.
    const probe =
      "import('./dist/launch/cached-bundle.js').then((m) => { const b = m.loadBundle(); let strict = false; try { void b.exports.serveSweepWorker.caller; } catch { strict = true; } console.log(JSON.stringify({ cache: b.cache, exports: Object.keys(b.exports).sort(), strict })); })";
    const r = spawnSync(process.execPath, ['-e', probe], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ cache: 'used', exports: ['runBench', 'runCli', 'serveSweepWorker'], strict: true });
  });
});
