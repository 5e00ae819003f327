/**
 * The run's simulated duration from the results folder's summary.json (`durationSeconds`), which
 * bounds the times `explain --at` accepts; undefined when the file is absent or holds no duration.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readRunDurationSeconds(resultsDir: string): number | undefined {
  const file = join(resultsDir, 'summary.json');
  if (!existsSync(file)) return undefined;
  try {
    const summary = JSON.parse(readFileSync(file, 'utf8')) as { durationSeconds?: unknown };
    const seconds = summary.durationSeconds;
    return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
  } catch {
    // A damaged summary.json does not stop explain: the last decision bounds the run instead.
    return undefined;
  }
}
