/**
 * The second step of `npm run build`: bundles the compiled CLI (dist/cli/main.js) and the benchmark
 * (dist/bench/main.js) with esbuild into one file each, dist/cli/scalesim.js and
 * dist/bench/bench.js. Node then reads one file instead of resolving and compiling each module
 * (ours, zod, yaml, commander, csv-parse…; some 600 files): a process is ready to load a scenario in about 0.18 s
 * instead of 0.37 s. Puppeteer and Mermaid stay outside (they are imported only to render
 * report.html); the sweep worker stays the compiled dist/sweep/sweep-worker.js.
 *
 * Each bundle sits in the folder of its entry, so paths taken from import.meta.url (the package
 * root, dist/ for the sweep fingerprint, the worker script) resolve as they do unbundled.
 */
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..');

const BUNDLES = [
  { entry: join(dist, 'cli', 'main.js'), out: join(dist, 'cli', 'scalesim.js'), executable: true },
  { entry: join(dist, 'bench', 'main.js'), out: join(dist, 'bench', 'bench.js'), executable: false },
] as const;

// CommonJS packages in the bundle (yaml, seedrandom…) call require(); an ES module has none.
const REQUIRE_SHIM = "import { createRequire as __scalesimCreateRequire } from 'node:module';\nconst require = __scalesimCreateRequire(import.meta.url);";

for (const b of BUNDLES) {
  await build({
    entryPoints: [b.entry],
    outfile: b.out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['puppeteer', 'puppeteer-core', 'mermaid', '@mermaid-js/mermaid-cli'],
    banner: { js: REQUIRE_SHIM },
    logLevel: 'error',
    legalComments: 'none',
  });
  if (b.executable) chmodSync(b.out, 0o755);
}
