/**
 * `scalesim validate <scenario-dir>`: loads and checks a scenario without running it. Prints every
 * warning, and either "ok" (exit 0) or every problem with file, line, column and field (exit 2);
 * with --json the same as `{"ok": true|false, …}` on standard output, warnings and problems as
 * objects (file, line, column, field, message, hint).
 */
import type { Command } from 'commander';
import { scenarioDirArg } from '../scenario-dir-arg.js';
import { loadScenario } from '../../scenario/load-scenario.js';
import { formatProblem } from '../../errors/user-input-error.js';
import { withExitCodes } from '../handle-errors.js';

export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('check a scenario folder (scenario.yaml, manifests, traces) without running it')
    .argument('<scenario-dir>', 'folder with scenario.yaml', scenarioDirArg)
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ scalesim validate scenarios/nasa-diurnal
  $ scalesim validate my-scenario --json`,
    )
    .action((dir: string, flags: { json?: boolean }) =>
      withExitCodes(async () => {
        const scenario = await loadScenario(dir);
        const warnings = scenario.warnings;
        if (flags.json) {
          const quotas = scenario.resourceQuotas.length > 0 ? { resourceQuotas: scenario.resourceQuotas.length } : {};
          const counts = { workloads: scenario.workloads.length, hpas: scenario.hpas.length, scaledObjects: scenario.scaledObjects.length, scaledJobs: scenario.scaledJobs.length, nodePools: scenario.nodePools.length, ...quotas };
          process.stdout.write(`${JSON.stringify({ ok: true, scenario: scenario.name, durationSeconds: scenario.durationSeconds, ...counts, warnings }, null, 2)}\n`);
          return;
        }
        for (const w of warnings) process.stdout.write(`warning: ${formatProblem(w)}\n`);
        process.stdout.write(
          `ok: ${scenario.name} — ${scenario.workloads.length} workload(s), ${scenario.hpas.length} HPA(s), ${scenario.scaledObjects.length} ScaledObject(s), ${scenario.scaledJobs.length} ScaledJob(s), ${scenario.nodePools.length} node pool(s), ${scenario.resourceQuotas.length > 0 ? `${scenario.resourceQuotas.length} ResourceQuota(s), ` : ''}${scenario.durationSeconds} s\n`,
        );
      }, { json: flags.json }),
    );
}
