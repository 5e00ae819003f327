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
import { toolVersion } from '../sweep/fingerprint.js';

/** Options a command takes several times on purpose (each adds an axis or a variant). */
const REPEATABLE = new Set(['--grid', '--variant']);

/**
 * An option given twice (`--seed 1 --seed 2`): commander keeps the last silently, so a flag pasted
 * twice with different values ran with one of them unsaid. A usage mistake, exit 2.
 */
function refuseRepeatedOptions(rawArgs: readonly string[], action: Command): void {
  for (const option of action.options) {
    const flag = option.long;
    // A switch given twice says the same thing twice; only options with a value can disagree.
    if (flag === undefined || REPEATABLE.has(flag) || !(option.required || option.optional)) continue;
    const values: string[] = [];
    rawArgs.forEach((token, i) => {
      if (token === flag) values.push(rawArgs[i + 1] ?? '');
      else if (token.startsWith(`${flag}=`)) values.push(token.slice(flag.length + 1));
    });
    if (values.length > 1) action.error(`error: option '${option.flags}' is given ${values.length} times (${values.join(', ')}): give it once`, { exitCode: 2 });
  }
}

/** Whether `flag` is among the arguments, bare or as `--flag=value`. */
const given = (rawArgs: readonly string[], flag: string): boolean => rawArgs.some((t) => t === flag || t.startsWith(`${flag}=`));

/**
 * An option given beside its negation (`--report md --no-report`): commander keeps whichever comes
 * last, so one of two contradicting requests was dropped unsaid. A usage mistake, exit 2.
 */
function refuseNegationBesideOption(rawArgs: readonly string[], action: Command): void {
  for (const negation of action.options) {
    if (!negation.negate || negation.long === undefined) continue;
    const positive = action.options.find((o) => !o.negate && o.long !== undefined && o.attributeName() === negation.attributeName());
    if (positive?.long === undefined || !given(rawArgs, positive.long) || !given(rawArgs, negation.long)) continue;
    action.error(`error: options '${positive.flags}' and '${negation.flags}' contradict each other: give one of them`, { exitCode: 2 });
  }
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('scalesim')
    .description('Discrete-event simulator of Kubernetes autoscaling: replay traffic traces through real manifests.')
    .version(toolVersion(), '-V, --version', "print scalesim's version")
    .showHelpAfterError()
    // A usage mistake (an unknown option or command, a missing argument) is bad input: exit 2, as
    // every other input problem, not commander's 1 (which scalesim keeps for run failures). Help
    // and version exit 0. Set before the commands are added, which inherit it.
    .exitOverride((error) => {
      if (error.exitCode === 0) process.exit(0);
      // With --json a script reads standard output: the mistake goes there too, as other bad input does.
      if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify({ ok: false, exitCode: 2, error: error.message.replace(/^error: /, '') }, null, 2)}\n`);
      process.exit(2);
    })
    .addHelpText(
      'after',
      `
Examples:
  $ scalesim run scenarios/nasa-diurnal
  $ scalesim run scenarios/nginx-hpa-cpu --seed 7 --duration 30m --out /tmp/nginx
  $ scalesim conformance test/fixtures/fidelity-vectors.json --json`,
    );
  // commander keeps the argv it parsed as rawArgs (not in its typings).
  program.hook('preAction', (root, action) => {
    const rawArgs = (root as Command & { rawArgs?: string[] }).rawArgs ?? [];
    refuseRepeatedOptions(rawArgs, action);
    refuseNegationBesideOption(rawArgs, action);
  });
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
