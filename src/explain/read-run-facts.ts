/**
 * What `explain` needs of a results folder's summary.json: the run's simulated duration
 * (`durationSeconds`, which bounds the times `--at` accepts) and which decision rows it kept
 * (`decisions`: under `changes` a row stays in force until the autoscaler's next row). Either is
 * undefined when the file is absent, damaged or older than the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunFacts {
  durationSeconds: number | undefined;
  decisions: 'all' | 'changes' | 'none' | undefined;
}

const DETAILS = new Set(['all', 'changes', 'none']);

export function readRunFacts(resultsDir: string): RunFacts {
  const file = join(resultsDir, 'summary.json');
  const none: RunFacts = { durationSeconds: undefined, decisions: undefined };
  if (!existsSync(file)) return none;
  let summary: { durationSeconds?: unknown; decisions?: unknown };
  try {
    summary = JSON.parse(readFileSync(file, 'utf8')) as typeof summary;
  } catch {
    // A damaged summary.json does not stop explain: the last decision bounds the run instead.
    return none;
  }
  if (summary === null || typeof summary !== 'object') return none;
  const seconds = summary.durationSeconds;
  const detail = summary.decisions;
  return {
    durationSeconds: typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined,
    decisions: typeof detail === 'string' && DETAILS.has(detail) ? (detail as RunFacts['decisions']) : undefined,
  };
}
