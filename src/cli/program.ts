/** commander wiring: one register<Command>() call per file in cli/commands/. */
import { Command } from 'commander';
import { registerCompareCommand } from './commands/compare.js';
import { registerConformanceCommand } from './commands/conformance.js';
import { registerExplainCommand } from './commands/explain.js';
import { registerMergeCommand } from './commands/merge.js';
import { registerRunCommand } from './commands/run.js';
import { registerSchemaCommand } from './commands/schema.js';
import { registerSweepCommand } from './commands/sweep.js';
import { registerValidateCommand } from './commands/validate.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('scalesim')
    .description('Discrete-event simulator of Kubernetes autoscaling: replay traffic traces through real manifests.')
    .showHelpAfterError()
    .addHelpText(
      'after',
      `
Examples:
  $ scalesim run scenarios/nasa-diurnal
  $ scalesim run scenarios/nginx-hpa-cpu --seed 7 --duration 2h --out /tmp/nginx
  $ scalesim conformance test/fixtures/fidelity-vectors.json --json`,
    );
  registerRunCommand(program);
  registerCompareCommand(program);
  registerSweepCommand(program);
  registerMergeCommand(program);
  registerValidateCommand(program);
  registerSchemaCommand(program);
  registerConformanceCommand(program);
  registerExplainCommand(program);
  return program;
}
