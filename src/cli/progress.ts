/** A cli-progress bar over simulated time, shown only on an interactive terminal. */
import cliProgress from 'cli-progress';

export interface Progress {
  update(simulatedSeconds: number): void;
  stop(): void;
}

export function createProgress(enabled: boolean, totalSeconds: number): Progress {
  if (!enabled || !process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: 'simulating [{bar}] {percentage}% | {value}/{total} simulated hours | ETA {eta}s', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.round(totalSeconds / 3600), 0);
  return {
    update: (t) => bar.update(Math.round(t / 3600)),
    stop: () => bar.stop(),
  };
}
