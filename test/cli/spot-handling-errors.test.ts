/**
 * A spot pool's `interruptionHandling` through the CLI: a value other than none or drain, or the
 * field on a pool that is not billed spot, stops `scalesim run` with exit code 2, naming the file,
 * the line, the field and the expected values, and writes nothing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_SCENARIO, baseFiles } from '../scenario/helpers/base-scenario.js';
import { removeFolder, writeScenarioFolder } from '../scenario/helpers/scenario-folder.js';
import { runCli } from '../helpers/run-cli.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await removeFolder(d);
});

async function run(billing: string) {
  const scenario = BASE_SCENARIO.replace('      memory: 16Gi\n', `      memory: 16Gi\n      billing: ${billing}\n`);
  const dir = await writeScenarioFolder({ ...baseFiles(), 'scenario.yaml': scenario });
  dirs.push(dir);
  const out = join(dir, 'out');
  return { ...runCli(['run', dir, '--out', out, '--duration', '10m', '--no-progress', '--no-report']), out };
}

describe('interruptionHandling errors through the CLI', () => {
  it.each([
    ['a misspelt value', '{kind: spot, pricePerHour: 0.03, currency: USD, interruptionHandling: drian}', /scenario\.yaml:13:\d+: spec\.nodePools\[0\]\.billing\.interruptionHandling: expected "none" or "drain", got "drian"/],
    ['the field on on-demand billing', '{kind: onDemand, pricePerHour: 0.1, currency: USD, interruptionHandling: drain}', /scenario\.yaml:13:\d+: spec\.nodePools\[0\]\.billing\.interruptionHandling: interruptionHandling applies to spot billing only; this pool is billed onDemand/],
  ])('rejects %s with exit code 2, file, line and field, and writes nothing', async (_name, billing, pattern) => {
    const r = await run(billing);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(existsSync(r.out)).toBe(false);
  });

  it('runs a spot pool with a drain handler', async () => {
    const r = await run('{kind: spot, pricePerHour: 0.03, currency: USD, interruptionRatePerHour: 2, interruptionHandling: drain}');
    expect(r.status, r.stderr).toBe(0);
  });
});
