/**
 * `npm run bench` (see bench.ts). `npm run build` replaces the compiled file with one that runs the
 * same runBench from the bundle with its code cache (src/build/bundle.ts).
 */
import { runBench } from './bench.js';

await runBench();
