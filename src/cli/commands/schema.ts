/**
 * `scalesim schema`: prints the JSON Schema of scenario.yaml (from the zod schemas that validate it),
 * for editors: `# yaml-language-server: $schema=<path>` at the top of a scenario completes and checks fields.
 */
import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../scenario/schema/scenario-schema.js';

export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario.yaml')
    .addHelpText(
      'after',
      `
Examples:
  $ scalesim schema > scenario.schema.json
  then start scenario.yaml with: # yaml-language-server: $schema=./scenario.schema.json`,
    )
    .action(() => {
      const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'scalesim scenario.yaml', ...scenarioJsonSchema() };
      process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
    });
}
