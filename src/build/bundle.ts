/**
 * The second step of `npm run build`, after tsc:
 * 1. bundles the compiled simulator, CLI, benchmark and sweep worker (dist/launch/bundle-entry.js)
 *    with esbuild into one CommonJS module inside Node's wrapper function, dist/bundle/scalesim.js
 *    (the script cached-bundle.ts compiles). Node then reads one file instead of resolving and
 *    compiling each module (ours, zod, yaml, commander, csv-parse…; some 600 files). Puppeteer
 *    and Mermaid stay outside (imported only to render report.html);
 * 2. replaces the three compiled entries with files that run the bundle's functions through
 *    src/launch/cached-bundle.ts: dist/cli/main.js (package.json's bin), dist/bench/main.js and
 *    dist/sweep/sweep-worker.js (a sweep's worker threads start on it), so the bin and every path
 *    to it stay as they were;
 * 3. writes dist/build-id.txt, the hash of every .js file the sweep fingerprint names the build by
 *    (src/sweep/fingerprint.ts), so a sweep reads it instead of hashing dist/ each time;
 * 4. compiles the bundle and writes its V8 code cache, dist/bundle/scalesim.v8-cache (whole, then
 *    renamed: a process starting meanwhile reads the old cache, which names the old bundle and is
 *    not used with the new one, or the new cache).
 *
 * Inside the bundle, import.meta.url is the bundle's own URL: paths taken from it (the package
 * root, dist/ for the sweep fingerprint, the worker script) resolve from dist/bundle/, two folders
 * down like every compiled module. Dynamic import() of the external packages becomes require():
 * code compiled by vm.Script has no dynamic import() without an experimental flag. Running this
 * step again without tsc rebuilds the same bundle and cache: its input is the compiled modules.
 */
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { makeCodeCache } from '../launch/cached-bundle.js';
import { BUILD_ID_FILE, hashCodeTree } from '../sweep/fingerprint.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundleFile = join(dist, 'bundle', 'scalesim.js');
const cacheFile = join(dist, 'bundle', 'scalesim.v8-cache');

/** The entries replaced, and what each calls from the bundle. */
const ENTRIES = [
  { file: join(dist, 'cli', 'main.js'), body: 'await loadBundle().exports.runCli();', executable: true, about: "scalesim's command" },
  { file: join(dist, 'bench', 'main.js'), body: 'await loadBundle().exports.runBench();', executable: false, about: 'npm run bench' },
  { file: join(dist, 'sweep', 'sweep-worker.js'), body: 'loadBundle().exports.serveSweepWorker();', executable: false, about: "a sweep's worker thread" },
] as const;

mkdirSync(dirname(bundleFile), { recursive: true });
await build({
  entryPoints: [join(dist, 'launch', 'bundle-entry.js')],
  outfile: bundleFile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  supported: { 'dynamic-import': false },
  external: ['puppeteer', 'puppeteer-core', 'mermaid', '@mermaid-js/mermaid-cli'],
  define: { 'import.meta.url': '__scalesimBundleUrl' },
  banner: {
    js: "// Written by npm run build (src/build/bundle.ts); run by dist/launch/cached-bundle.js.\n(function (exports, require, module, __filename, __dirname) {\n'use strict';\nconst __scalesimBundleUrl = require('node:url').pathToFileURL(__filename).href;",
  },
  // esbuild's own 'use strict' comes after the banner, where it is no directive: the banner has one.
  footer: { js: '})' },
  // Without comments and indentation the bundle is 1.8 MB instead of 2.6 MB and one-byte text
  // (its comments have characters such as ≤ and ∫; V8 keeps a source with any of them as two bytes
  // per character): less to read, hash, scan and keep in memory, in every process and worker.
  // Names stay, so stack traces still name their functions.
  minifyWhitespace: true,
  // A source map beside the bundle (not named in it: nothing reads it unless SCALESIM_DEBUG asks),
  // chained through tsc's maps to src/*.ts, so a debug stack names the TypeScript line
  // (src/errors/debug-stack.ts). Positions only: the sources' text stays out of it.
  sourcemap: 'external',
  sourcesContent: false,
  logLevel: 'error',
  legalComments: 'none',
});

for (const e of ENTRIES) {
  const shebang = e.executable ? '#!/usr/bin/env node\n' : '';
  writeFileSync(
    e.file,
    `${shebang}// Written by npm run build (src/build/bundle.ts): ${e.about}, run from dist/bundle/scalesim.js with its code cache.\n` +
      `import { loadBundle } from '../launch/cached-bundle.js';\n\n${e.body}\n`,
  );
  if (e.executable) chmodSync(e.file, 0o755);
}

// The sweep fingerprint's build id, over every .js file now that the last one is written: each sweep reads it instead of hashing dist/.
writeFileSync(join(dist, BUILD_ID_FILE), `${hashCodeTree(dist, '.js')}\n`);

writeFileSync(`${cacheFile}.partial`, makeCodeCache(bundleFile));
renameSync(`${cacheFile}.partial`, cacheFile);
