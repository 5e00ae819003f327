/**
 * Runs scalesim's bundle with V8's code cache. `npm run build` (src/build/bundle.ts) bundles the
 * CLI, the benchmark and the sweep worker into one CommonJS file, dist/bundle/scalesim.cjs, and
 * writes beside it scalesim.v8-cache: the bytecode V8 compiled for the bundle during a short
 * training run (train-code-cache.ts). A process that starts with it skips parsing and compiling
 * 2.5 MB of JavaScript and most of the lazy compiles of its first run. Node 20 has no compile
 * cache for ES modules (module.enableCompileCache came with Node 22.1), hence a CommonJS bundle,
 * compiled here through vm.Script with its cachedData and run with the arguments Node gives a
 * CommonJS module.
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

export const BUNDLE_FILE = fileURLToPath(new URL('../bundle/scalesim.cjs', import.meta.url));
export const CODE_CACHE_FILE = fileURLToPath(new URL('../bundle/scalesim.v8-cache', import.meta.url));

/** What became of the cache: V8 took it, V8 refused it, it was made from another bundle, or there was none. */
export type CodeCacheUse = 'used' | 'rejected' | 'stale' | 'none';

/** What the bundle exports (src/launch/bundle-entry.ts). */
export interface BundleExports {
  runCli(argv?: readonly string[]): Promise<void>;
  runBench(argv?: readonly string[]): Promise<void>;
  serveSweepWorker(): void;
}

export interface LoadedBundle<T> {
  exports: T;
  cache: CodeCacheUse;
  /** The compiled bundle: its createCachedData() holds every function compiled so far. */
  script: Script;
  /** SHA-256 of the bundle's bytes, the cache file's first bytes. */
  digest: Buffer;
}

const DIGEST_BYTES = 32;
// Node's CommonJS wrapper (Module.wrap): the cache is made and used with the same text around the bundle.
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const WRAPPER_TAIL = '\n});';

function readIfPresent(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Compiles and runs a CommonJS bundle, with the code cache at `cachePath` when it was made from this bundle. */
export function loadBundle<T = BundleExports>(bundlePath = BUNDLE_FILE, cachePath: string | null = CODE_CACHE_FILE): LoadedBundle<T> {
  const source = readFileSync(bundlePath);
  const digest = createHash('sha256').update(source).digest();
  const stored = cachePath === null ? undefined : readIfPresent(cachePath);
  const matches = stored !== undefined && stored.length > DIGEST_BYTES && stored.subarray(0, DIGEST_BYTES).equals(digest);
  const cachedData = matches ? stored.subarray(DIGEST_BYTES) : undefined;
  const script = new Script(WRAPPER_HEAD + source.toString('utf8') + WRAPPER_TAIL, { filename: bundlePath, ...(cachedData ? { cachedData } : {}) });
  const cache: CodeCacheUse = stored === undefined ? 'none' : !matches ? 'stale' : script.cachedDataRejected === true ? 'rejected' : 'used';
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: { exports: T }, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return { exports: module.exports, cache, script, digest };
}

/** The cache file for a loaded bundle: its digest, then V8's data for every function compiled so far. */
export function codeCacheOf(loaded: LoadedBundle<unknown>): Buffer {
  return Buffer.concat([loaded.digest, loaded.script.createCachedData()]);
}
