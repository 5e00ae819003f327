/**
 * The bundle's entry (src/build/bundle.ts makes dist/bundle/scalesim.js from it): what the
 * three built entry files call through cached-bundle.ts, dist/cli/main.js (the scalesim command),
 * dist/bench/main.js (npm run bench) and dist/sweep/sweep-worker.js (a sweep's worker threads).
 */
export { runBench } from '../bench/bench.js';
export { runCli } from '../cli/run-cli.js';
export { serveSweepWorker } from '../sweep/sweep-worker-loop.js';
