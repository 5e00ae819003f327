/**
 * Runs scalesim's bundle with V8's code cache. `npm run build` (src/build/bundle.ts) bundles the
 * CLI, the benchmark and the sweep worker into one script, dist/bundle/scalesim.js, compiles it
 * and writes beside it scalesim.v8-cache (makeCodeCache): V8's bytecode for the script's top level,
 * every module's initialisation. A process that starts with it skips parsing and compiling 1.8 MB
 * of JavaScript. Node 20 has no compile cache for ES modules (module.enableCompileCache came with
 * Node 22.1), hence a CommonJS bundle compiled here through vm.Script with its cachedData. The
 * file is already what Node's CommonJS loader would compile, the modules inside the wrapper
 * function `(function (exports, require, module, __filename, __dirname) {…})`: compiled as it is,
 * the file's text is the only copy V8 keeps (wrapping it here would leave a second 1.8 MB string
 * to the collector, which counts towards the old generation's first full collection).
 *
 * The cache holds no function compiled later, on its first call: a cache made after a training
 * run does, and starts a run about as fast, but the functions it brings in get optimised into
 * more machine code over a long run (a one-year run's code space 1.9 MiB against 1.2), which
 * brings V8's first full collection, and the young generation's growth after it, within the year.
 *
 * The cache file starts with the SHA-256 of the bundle it was made from and is used only with that
 * bundle: V8's own check compares the source's length, not its text. V8 rejects a cache made by
 * another V8 version or under other V8 flags (node --expose-gc, --cpu-prof…), and the bundle then
 * compiles as it would without one. Nothing is written here; the cache is made at build time.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

export const BUNDLE_FILE = fileURLToPath(new URL('../bundle/scalesim.js', import.meta.url));
export const CODE_CACHE_FILE = fileURLToPath(new URL('../bundle/scalesim.v8-cache', import.meta.url));

/** What became of the cache: V8 took it, V8 refused it, it was made from another bundle, or there was none. */
export type CodeCacheUse = 'used' | 'rejected' | 'stale' | 'none';

/** What the bundle exports: bundle-entry.ts's exports (a type only; nothing is imported from it here). */
export type BundleExports = typeof import('./bundle-entry.js');

export interface LoadedBundle<T> {
  exports: T;
  cache: CodeCacheUse;
}

const DIGEST_BYTES = 32;

/** The bundle's bytes and their SHA-256 (what a cache file starts with). */
function readBundle(bundlePath: string): { source: Buffer; digest: Buffer } {
  const source = readFileSync(bundlePath);
  return { source, digest: createHash('sha256').update(source).digest() };
}

/** The cache file's bytes; none when it cannot be read (the cache only saves time: the bundle runs without). */
function readIfPresent(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Compiles a bundle (a script whose value is a CommonJS wrapper function) and runs it as a module,
 * with the code cache at `cachePath` when it was made from this bundle.
 */
export function loadBundle<T = BundleExports>(bundlePath = BUNDLE_FILE, cachePath: string | null = CODE_CACHE_FILE): LoadedBundle<T> {
  const { source, digest } = readBundle(bundlePath);
  const stored = cachePath === null ? undefined : readIfPresent(cachePath);
  const matches = stored !== undefined && stored.length > DIGEST_BYTES && stored.subarray(0, DIGEST_BYTES).equals(digest);
  const cachedData = matches ? stored.subarray(DIGEST_BYTES) : undefined;
  // The text is made here, after the cache is read, not with the digest: made first (760576e), a
  // one-year run peaked 2 MiB higher (88.9-89.6 against 86.3-87.1 MiB, six runs each); why, not established.
  const script = new Script(source.toString('utf8'), { filename: bundlePath, ...(cachedData ? { cachedData } : {}) });
  const cache: CodeCacheUse = stored === undefined ? 'none' : !matches ? 'stale' : script.cachedDataRejected === true ? 'rejected' : 'used';
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: { exports: T }, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return { exports: module.exports, cache };
}

/** The cache file for a bundle: its digest, then V8's data for the script compiled (not run). */
export function makeCodeCache(bundlePath = BUNDLE_FILE): Buffer {
  const { source, digest } = readBundle(bundlePath);
  return Buffer.concat([digest, new Script(source.toString('utf8'), { filename: bundlePath }).createCachedData()]);
}
