/** `scalesim explain <results-dir> --at <time>`: what each autoscaler saw and decided at the sync nearest a time. */
import type { Command } from 'commander';
import { UserInputError } from '../../errors/user-input-error.js';
import { explainResults } from '../../explain/explain-results.js';
import { renderExplanations } from '../../explain/registry.js';
import { parseDuration } from '../../scenario/duration.js';
import { withExitCodes } from '../handle-errors.js';

interface ExplainFlags {
  at?: string;
  json?: boolean;
  autoscaler?: string;
}

/** `--at` → seconds since the run start: a duration ("2d3h15m", "90s") or plain seconds, >= 0. */
export function parseAtFlag(text: string | undefined): number {
  if (text !== undefined) {
    try {
      return parseDuration(text);
    } catch {
      // reported below
    }
  }
  throw new UserInputError({
    file: '(command line)',
    field: '--at',
    message: `expected a time since the run start such as 150, 90s, 15m or 2d3h15m (not negative), got ${text === undefined ? 'nothing' : `"${text}"`}`,
  });
}

export function registerExplainCommand(program: Command): void {
  program
    .command('explain')
    .description('print what each autoscaler saw and decided at the sync nearest a time of a run')
    .argument('<results-dir>', 'folder written by `scalesim run` (decisions.csv, summary.json)')
    .option('--at <time>', 'required: time since the run start: 150 (seconds), 90s, 15m, 2d3h15m')
    .option('--autoscaler <name>', 'only this autoscaler: an HPA, ScaledObject or ScaledJob name, hpa/<name>, keda/<name>, or ca; kube-scheduler for its preemptions and FailedScheduling rows; replicaset/<name>, statefulset/<name> or job/<name> for FailedCreate rows (statefulset/<name> also for the pod events of a rolled-out StatefulSet); deployment/<name> for rollout events (a bare workload name selects its HPA, its ReplicaSet and its rollout alike)')
    .option('--json', 'print the explanations as a JSON array')
    .addHelpText(
      'after',
      `
Examples:
  $ scalesim run scenarios/nginx-keda-cpu --out /tmp/nginx
  $ scalesim explain /tmp/nginx --at 150
  $ scalesim explain /tmp/nginx --at 2m30s --autoscaler keda-hpa-nginx
  $ scalesim explain results/nasa-diurnal --at 2d3h15m --json`,
    )
    .action((dir: string, flags: ExplainFlags) =>
      withExitCodes(async () => {
        const atSeconds = parseAtFlag(flags.at);
        const explanations = await explainResults({
          resultsDir: dir,
          atSeconds,
          ...(flags.autoscaler !== undefined ? { autoscaler: flags.autoscaler } : {}),
        });
        if (flags.json) process.stdout.write(`${JSON.stringify(explanations, null, 2)}\n`);
        else process.stdout.write(renderExplanations(explanations));
      }, { json: flags.json }),
    );
}
