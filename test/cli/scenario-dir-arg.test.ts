/** `<scenario-dir>` given as the folder's scenario.yaml stands for the folder; anything else is passed on. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioDirArg } from '../../src/cli/scenario-dir-arg.js';
import { ROOT } from '../helpers/run-cli.js';

describe('scenarioDirArg', () => {
  const folder = join(ROOT, 'scenarios', 'nginx-hpa-cpu');
  it.each([
    ['the folder', folder, folder],
    ['its scenario.yaml', join(folder, 'scenario.yaml'), folder],
    ['a scenario.yaml that does not exist (the loader reports it)', join(folder, 'nope', 'scenario.yaml'), join(folder, 'nope', 'scenario.yaml')],
    ['another file', join(folder, 'README.md'), join(folder, 'README.md')],
  ])('%s', (_name, arg, expected) => {
    expect(scenarioDirArg(arg)).toBe(expected);
  });
});
