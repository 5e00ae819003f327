/**
 * Ctrl-C (SIGINT), SIGTERM (what Kubernetes and `kill` send) and SIGHUP (a closed terminal) while a
 * command writes results: the command's own clean-up runs (remove the half-written temporary
 * folder, or say what a sweep's journal kept), then the process exits with 128 + the signal's
 * number, as a shell reports a process a signal ended. The handler runs when the command returns to
 * the event loop: a run does so between chunks of simulated time (runScenarioYielding).
 */
const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

export type StopSignal = keyof typeof SIGNAL_NUMBERS;

/** Installs `onStop` for the stop signals until the returned function removes it. */
export function onStopSignals(onStop: (signal: StopSignal) => void): () => void {
  const signals = Object.keys(SIGNAL_NUMBERS) as StopSignal[];
  const handler = (signal: NodeJS.Signals): void => {
    const stop = signal as StopSignal;
    try {
      onStop(stop);
    } finally {
      process.exit(128 + SIGNAL_NUMBERS[stop]);
    }
  };
  for (const signal of signals) process.once(signal, handler);
  return () => {
    for (const signal of signals) process.removeListener(signal, handler);
  };
}

/**
 * For a command writing a ResultsFolder: on a stop signal, stop what shows progress, remove the
 * half-written temporary folder and say so. Returns the remover.
 */
export function abortResultsOnStop(folder: { readonly target: string; abort(): void }, progress: { stop(): void }): () => void {
  return onStopSignals((signal) => {
    progress.stop();
    folder.abort();
    process.stderr.write(`\nstopped (${signal}): nothing written to ${folder.target}; earlier results there are untouched\n`);
  });
}

