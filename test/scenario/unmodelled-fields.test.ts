/**
 * Warnings for workload fields the simulator does not model: a Deployment's rollout strategy warns
 * unless it is what SetDefaults_Deployment sets anyway (RollingUpdate, maxSurge and maxUnavailable
 * 25%), which every `kubectl get deploy -o yaml` export carries.
 */
import { describe, expect, it } from 'vitest';
import { BASE_DEPLOYMENT, baseFiles } from './helpers/base-scenario.js';
import { loadFolder } from './helpers/scenario-folder.js';

async function strategyWarned(strategy: string): Promise<boolean> {
  const web = BASE_DEPLOYMENT.replace('spec:\n  selector:', `spec:\n  strategy: ${strategy}\n  selector:`);
  const scenario = await loadFolder({ ...baseFiles(), 'manifests/web.yaml': web });
  return scenario.warnings.some((w) => w.field === 'spec.strategy');
}

describe('spec.strategy', () => {
  const cases: [string, boolean][] = [
    ['{type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}}', false],
    ['{type: RollingUpdate}', false],
    ['{rollingUpdate: {maxUnavailable: 25%}}', false],
    ['{type: Recreate}', true],
    ['{type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}', true],
    ['{type: RollingUpdate, rollingUpdate: {maxSurge: 50%}}', true],
  ];
  it.each(cases)('%s warns: %s', async (strategy, warned) => {
    expect(await strategyWarned(strategy)).toBe(warned);
  });
});
