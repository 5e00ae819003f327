/**
 * `scalesim explain` as a library call: read a results folder's decisions.csv, pick each
 * autoscaler's decision nearest the requested time (and the one before it), and explain them. In a
 * run that kept changes only (summary.json's `decisions`), a periodic controller's pick is its row in
 * force at that time instead, the last at or before it.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserInputError } from '../errors/user-input-error.js';
import { matchesAutoscaler } from './autoscaler-id.js';
import type { Explanation } from './explanation.js';
import { formatClock } from './format-sim-time.js';
import { NearestDecisionPicker } from './nearest-decision.js';
import { parseRawDecision, scanDecisions, type RawDecision } from './read-decisions.js';
import { readRunFacts } from './read-run-facts.js';
import { explainDecision, PERIODIC_CONTROLLERS } from './registry.js';

export interface ExplainOptions {
  /** A folder written by `scalesim run` (decisions.csv, optionally summary.json). */
  resultsDir: string;
  /** Seconds since the run start, >= 0. */
  atSeconds: number;
  /** --autoscaler: a name, `hpa/<name>`, `keda/<name>` or `ca`; all autoscalers when absent. */
  autoscaler?: string;
}

const COMMAND_LINE = '(command line)';

function decisionsFile(resultsDir: string): string {
  if (!existsSync(resultsDir)) {
    throw new UserInputError({ file: resultsDir, message: 'expected a results folder written by `scalesim run`, but there is no such folder' });
  }
  if (!statSync(resultsDir).isDirectory()) {
    throw new UserInputError({ file: resultsDir, message: 'expected a results folder written by `scalesim run`, but this is a file', hint: 'give the folder that holds decisions.csv' });
  }
  const file = join(resultsDir, 'decisions.csv');
  if (!existsSync(file)) throw missingDecisions(resultsDir, file);
  return file;
}

/** Why a results folder has no decisions.csv, when its other files say: a comparison, a sweep, a run with --decisions none. */
function missingDecisions(resultsDir: string, file: string): UserInputError {
  const has = (name: string): boolean => existsSync(join(resultsDir, name));
  let hint = 'explain reads the folder `scalesim run --out <dir>` writes';
  if (has('comparison.json')) hint = `this is a comparison: explain one of its variants, e.g. ${join(resultsDir, 'base')}`;
  else if (has('sweep.json') || has('sweep-part.json')) hint = 'a sweep keeps no decisions: run the setting you want to look at with `scalesim run` (or compare)';
  else if (has('summary.json')) hint = 'this run kept no decision rows (--decisions none or spec.decisions: none): run it again with --decisions all or changes';
  return new UserInputError({ file, message: 'expected decisions.csv in the results folder, but it is missing', hint });
}

function outsideRun(atSeconds: number, endSeconds: number, what: string): UserInputError {
  return new UserInputError({
    file: COMMAND_LINE,
    field: '--at',
    message: `expected a time within the run, 0 to ${endSeconds} s (${formatClock(endSeconds)}, ${what}), got ${atSeconds} s (${formatClock(atSeconds)})`,
  });
}

/**
 * Explains every autoscaler (or those `autoscaler` names) at the decision nearest `atSeconds`, in
 * output order (KEDA, HPA, CA; then by name). Throws UserInputError for a missing folder or file, a
 * malformed decisions.csv, a time outside the run (summary.json's duration, else the last decision)
 * and an autoscaler name that matches none.
 */
export async function explainResults(options: ExplainOptions): Promise<Explanation[]> {
  const { resultsDir, atSeconds, autoscaler } = options;
  const file = decisionsFile(resultsDir);
  const { durationSeconds, decisions } = readRunFacts(resultsDir);
  const changesOnly = decisions === 'changes';
  if (!(atSeconds >= 0)) {
    throw new UserInputError({ file: COMMAND_LINE, field: '--at', message: `expected a time >= 0 s (seconds since the run start), got ${atSeconds}` });
  }
  if (durationSeconds !== undefined && atSeconds > durationSeconds) throw outsideRun(atSeconds, durationSeconds, 'the duration in summary.json');
  const inForce = changesOnly ? (row: RawDecision) => PERIODIC_CONTROLLERS.has(row.controller) : undefined;
  const picker = new NearestDecisionPicker<RawDecision>(atSeconds, file, inForce);
  const source = await scanDecisions(file, (raw) => picker.add(raw));
  const lastSeconds = picker.lastTimeSeconds();
  if (lastSeconds === undefined) {
    throw new UserInputError({
      file,
      message: 'expected decision rows after the header, got none',
      hint: 'a run with --decisions none (or spec.decisions: none) writes no decisions to explain: run it again with --decisions all or changes',
    });
  }
  if (durationSeconds === undefined && atSeconds > lastSeconds) {
    const why = existsSync(join(resultsDir, 'summary.json')) ? 'summary.json gives no duration (damaged?)' : 'no summary.json';
    throw outsideRun(atSeconds, lastSeconds, `the last decision; ${why}`);
  }
  let picks = picker.picks();
  if (autoscaler !== undefined) {
    picks = picks.filter((p) => matchesAutoscaler(p.key, autoscaler));
    if (picks.length === 0) {
      throw new UserInputError({
        file: COMMAND_LINE,
        field: '--autoscaler',
        message: `expected one of ${picker.keys().join(', ')} (a name, hpa/<name>, keda/<name> or ca), got "${autoscaler}"`,
      });
    }
  }
  return picks.map((p) => {
    const decision = parseRawDecision(p.decision, source);
    const previous = p.previous === undefined ? undefined : parseRawDecision(p.previous, source);
    const next = p.next === undefined ? undefined : parseRawDecision(p.next, source);
    return explainDecision({ key: p.key, decision, previous, next }, { atSeconds, changesOnly });
  });
}
