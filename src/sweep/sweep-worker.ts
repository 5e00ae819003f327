/**
 * The script a sweep's worker threads start on (worker-pool.ts): serves the main thread's checks
 * and runs (sweep-worker-loop.ts). `npm run build` replaces the compiled file with one that runs
 * the same serveSweepWorker from the bundle with its code cache (src/build/bundle.ts).
 */
import { serveSweepWorker } from './sweep-worker-loop.js';

serveSweepWorker();
