/**
 * A wildcard grid axis end to end: planned against a scenario folder with two HPAs, every setting
 * loads with the value in both, and the parse cache the sweep turns on gives each setting its own
 * value (a setting's patch never leaks into the next one's load).
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { disableYamlParseCache } from '../../src/scenario/yaml/yaml-file.js';
import { planSweep, settingTask } from '../../src/sweep/plan-sweep.js';
import { loadSetting } from '../../src/sweep/run-setting.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-wildcard-'));
afterAll(() => {
  disableYamlParseCache();
  rmSync(work, { recursive: true, force: true });
});

/** nginx-hpa-cpu with a second Deployment and HPA, `api`, beside `nginx`. */
async function twoHpaScenario(): Promise<string> {
  const dir = join(work, 'scenarios', 'two');
  await cp('scenarios/nginx-hpa-cpu', dir, { recursive: true });
  await cp('scenarios/traces/synthetic', join(work, 'scenarios', 'traces', 'synthetic'), { recursive: true });
  const nginx = await readFile(join(dir, 'manifests', 'nginx.yaml'), 'utf8');
  await writeFile(join(dir, 'manifests', 'api.yaml'), nginx.replaceAll('nginx', 'api').replace('averageUtilization: 30', 'averageUtilization: 60'));
  const scenario = await readFile(join(dir, 'scenario.yaml'), 'utf8');
  const workload = scenario.slice(scenario.indexOf('    nginx:'));
  await writeFile(join(dir, 'scenario.yaml'), `${scenario}${workload.replace('    nginx:', '    api:')}`);
  return dir;
}

describe('hpa[*].x over a scenario with two HPAs', () => {
  it('sets the value in both at each setting, whatever the setting loaded before', async () => {
    const dir = await twoHpaScenario();
    const plan = await planSweep({ dir, grid: ['hpa[*].maxReplicas=2,7', 'hpa[api].targetCPU=40,80'] });
    expect(plan.identity.axes[0]!.more?.map((t) => t.target)).toEqual(['HorizontalPodAutoscaler/nginx']);
    expect(plan.identity.axes[0]!.target).toBe('HorizontalPodAutoscaler/api');
    const loaded = [];
    for (const index of [3, 0, 2, 1]) {
      const scenario = await loadSetting(plan.base, settingTask(plan.settings[index]!));
      loaded.push([index, ...scenario.hpas.map((h) => `${h.name} max ${h.maxReplicas} cpu ${String(h.metrics[0]!.target.averageUtilizationPercent)}`)]);
    }
    expect(loaded).toEqual([
      [3, 'api max 7 cpu 80', 'nginx max 7 cpu 30'],
      [0, 'api max 2 cpu 40', 'nginx max 2 cpu 30'],
      [2, 'api max 7 cpu 40', 'nginx max 7 cpu 30'],
      [1, 'api max 2 cpu 80', 'nginx max 2 cpu 30'],
    ]);
  });
});
