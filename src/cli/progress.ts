/** A cli-progress bar over simulated time, shown only on an interactive terminal. */
import cliProgress from 'cli-progress';

export interface Progress {
  update(simulatedSeconds: number): void;
  stop(): void;
}

/** `label` starts the line: "simulating", or "simulating base (1/3)" for one variant of a comparison. */
export function createProgress(enabled: boolean, totalSeconds: number, label = 'simulating'): Progress {
  if (!enabled || !process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} simulated hours | ETA {eta}s`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.round(totalSeconds / 3600), 0);
  return {
    update: (t) => bar.update(Math.round(t / 3600)),
    stop: () => bar.stop(),
  };
}
