/**
 * Progress of a sweep on stderr, counted in settings: a cli-progress bar with an ETA on a terminal;
 * otherwise (a log, CI) a plain line at each tenth of the settings; nothing with --json or
 * --no-progress. Wall-clock time appears here only, never in the sweep's files.
 */
import cliProgress from 'cli-progress';

export interface SweepProgress {
  start(total: number, done: number): void;
  tick(): void;
  stop(): void;
}

const SILENT: SweepProgress = { start: () => {}, tick: () => {}, stop: () => {} };

function seconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

function plainLines(stream: NodeJS.WritableStream): SweepProgress {
  let total = 0;
  let done = 0;
  let resumed = 0;
  let started = 0;
  let nextTenth = 1;
  return {
    start(t, d) {
      total = t;
      done = d;
      resumed = d;
      started = performance.now();
      nextTenth = Math.floor((10 * d) / Math.max(1, t)) + 1;
    },
    tick() {
      done++;
      if (done < total && done * 10 < nextTenth * total) return;
      nextTenth = Math.floor((10 * done) / total) + 1;
      const elapsed = (performance.now() - started) / 1000;
      const ran = done - resumed;
      const left = ran > 0 ? (elapsed / ran) * (total - done) : Number.NaN;
      stream.write(`swept ${done}/${total} settings (${Math.floor((100 * done) / total)}%)${done < total ? `, about ${seconds(left)} left` : ''}\n`);
    },
    stop() {},
  };
}

export function createSweepProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): SweepProgress {
  if (!enabled) return SILENT;
  if (!stream.isTTY) return plainLines(stream);
  const bar = new cliProgress.SingleBar(
    { format: 'sweeping [{bar}] {value}/{total} settings | {percentage}% | ETA {eta_formatted}', stream, hideCursor: true, etaBuffer: 8, fps: 5 },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  return {
    start(total, done) {
      bar.start(total, done);
      running = true;
    },
    tick: () => bar.increment(),
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
