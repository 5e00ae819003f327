import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDefaultsTable } from '../../src/docs/defaults-table.js';
import { ROOT } from '../helpers/run-cli.js';

describe('README', () => {
  it('shows the defaults table exactly as the code renders it from the defaults tables', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(renderDefaultsTable());
  });

  it('names the two set-up commands that .ci/run uses', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    expect(readme).toContain('npm ci && npx scalesim run scenarios/nasa-diurnal');
    expect(readme).toContain('npm test');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});
