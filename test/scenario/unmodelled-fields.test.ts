/**
 * A Deployment's spec.strategy, minReadySeconds and progressDeadlineSeconds are read with
 * SetDefaults_Deployment's defaults and checked as pkg/apis/apps/validation checks them (each
 * problem at its field); so are a StatefulSet's spec.updateStrategy and minReadySeconds, with
 * SetDefaults_StatefulSet's defaults and ValidateStatefulSetUpdateStrategy's checks.
 */
import { describe, expect, it } from 'vitest';
import { BASE_DEPLOYMENT, baseFiles, statefulSetYaml } from './helpers/base-scenario.js';
import { folderProblems, loadFolder } from './helpers/scenario-folder.js';

function withSpec(...specLines: string[]): string {
  return BASE_DEPLOYMENT.replace('spec:\n  selector:', `spec:\n${specLines.map((l) => `  ${l}`).join('\n')}\n  selector:`);
}

describe('a Deployment rollout settings', () => {
  it('defaults to RollingUpdate 25%/25%, minReadySeconds 0, progressDeadlineSeconds 600, without a warning', async () => {
    const scenario = await loadFolder({ ...baseFiles(), 'manifests/web.yaml': BASE_DEPLOYMENT });
    expect(scenario.workloads[0]!.rollout).toEqual({
      strategy: { type: 'RollingUpdate', maxSurge: { kind: 'percent', value: 25 }, maxUnavailable: { kind: 'percent', value: 25 } },
      minReadySeconds: 0,
      progressDeadlineSeconds: 600,
      paused: false,
    });
    expect(scenario.warnings.filter((w) => w.field?.startsWith('spec.strategy') || w.field === 'spec.minReadySeconds')).toEqual([]);
  });

  const read: [string, string[], unknown][] = [
    ['counts', ['strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}'], { type: 'RollingUpdate', maxSurge: { kind: 'int', value: 1 }, maxUnavailable: { kind: 'int', value: 0 } }],
    ['one side given, the other defaulted', ['strategy: {rollingUpdate: {maxSurge: 50%}}'], { type: 'RollingUpdate', maxSurge: { kind: 'percent', value: 50 }, maxUnavailable: { kind: 'percent', value: 25 } }],
    ['Recreate', ['strategy: {type: Recreate}'], { type: 'Recreate' }],
    ['a null strategy (an export)', ['strategy:'], { type: 'RollingUpdate', maxSurge: { kind: 'percent', value: 25 }, maxUnavailable: { kind: 'percent', value: 25 } }],
    ['an empty type, which the API server defaults', ['strategy: {type: ""}'], { type: 'RollingUpdate', maxSurge: { kind: 'percent', value: 25 }, maxUnavailable: { kind: 'percent', value: 25 } }],
  ];
  it.each(read)('reads %s', async (_name, spec, strategy) => {
    const scenario = await loadFolder({ ...baseFiles(), 'manifests/web.yaml': withSpec(...spec) });
    expect(scenario.workloads[0]!.rollout?.strategy).toEqual(strategy);
  });

  it('reads minReadySeconds and progressDeadlineSeconds', async () => {
    const scenario = await loadFolder({ ...baseFiles(), 'manifests/web.yaml': withSpec('minReadySeconds: 10', 'progressDeadlineSeconds: 120') });
    expect(scenario.workloads[0]!.rollout).toMatchObject({ minReadySeconds: 10, progressDeadlineSeconds: 120 });
  });

  const refused: [string, string[], string, RegExp][] = [
    ['both 0', ['strategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 0}}'], 'spec.strategy.rollingUpdate.maxUnavailable', /may not be 0 when `maxSurge` is 0/],
    ['both 0%', ['strategy: {rollingUpdate: {maxSurge: 0%, maxUnavailable: "0%"}}'], 'spec.strategy.rollingUpdate.maxUnavailable', /may not be 0 when `maxSurge` is 0/],
    ['a negative count', ['strategy: {rollingUpdate: {maxSurge: -1}}'], 'spec.strategy.rollingUpdate.maxSurge', /must be greater than or equal to 0/],
    ['not a percent', ['strategy: {rollingUpdate: {maxSurge: "25 %"}}'], 'spec.strategy.rollingUpdate.maxSurge', /is not a valid percent/],
    ['maxUnavailable over 100%', ['strategy: {rollingUpdate: {maxUnavailable: 150%}}'], 'spec.strategy.rollingUpdate.maxUnavailable', /must not be greater than 100%/],
    ['rollingUpdate under Recreate', ['strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}'], 'spec.strategy.rollingUpdate', /may not be specified when strategy `type` is 'Recreate'/],
    ['an unknown type', ['strategy: {type: BlueGreen}'], 'spec.strategy.type', /RollingUpdate/],
    ['a deadline not above minReadySeconds', ['minReadySeconds: 60', 'progressDeadlineSeconds: 60'], 'spec.progressDeadlineSeconds', /must be greater than minReadySeconds \(60\)/],
    ['a deadline of 0', ['progressDeadlineSeconds: 0'], 'spec.progressDeadlineSeconds', /must be greater than minReadySeconds \(0\)/],
  ];
  it.each(refused)('refuses %s at its field', async (_name, spec, field, message) => {
    const problems = await folderProblems({ ...baseFiles(), 'manifests/web.yaml': withSpec(...spec) });
    const at = problems.filter((p) => p.field === field);
    expect(at, JSON.stringify(problems)).toHaveLength(1);
    expect(at[0]!.message).toMatch(message);
    expect(at[0]!.file).toBe('manifests/web.yaml');
    expect(at[0]!.line).toBeGreaterThan(5);
  });

});

describe("a StatefulSet's update strategy and minReadySeconds", () => {
  const load = (...spec: string[]) => loadFolder({ ...baseFiles(), 'manifests/web.yaml': statefulSetYaml('web', ...spec) });

  it('defaults an unset updateStrategy to RollingUpdate, partition 0, maxUnavailable 1, and reads minReadySeconds without a warning', async () => {
    const scenario = await load('  minReadySeconds: 5');
    expect(scenario.workloads[0]!.statefulSet).toMatchObject({
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: { kind: 'int', value: 1 } } },
      minReadySeconds: 5,
    });
    expect(scenario.warnings.filter((w) => w.field === 'spec.minReadySeconds')).toEqual([]);
  });

  it.each([
    ['type "" as unset', ['  updateStrategy: {type: ""}'], { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: { kind: 'int', value: 1 } } }],
    ['RollingUpdate written without a rollingUpdate keeps none (SetDefaults_StatefulSet fills it only for an unset type)', ['  updateStrategy: {type: RollingUpdate}'], { type: 'RollingUpdate', rollingUpdate: undefined }],
    ['a partition and a percentage', ['  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 2, maxUnavailable: "50%"}}'], { type: 'RollingUpdate', rollingUpdate: { partition: 2, maxUnavailable: { kind: 'percent', value: 50 } } }],
    ['a rollingUpdate without a type', ['  updateStrategy: {rollingUpdate: {maxUnavailable: 3}}'], { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: { kind: 'int', value: 3 } } }],
    ['OnDelete', ['  updateStrategy: {type: OnDelete}'], { type: 'OnDelete' }],
  ])('reads %s', async (_what, spec, updateStrategy) => {
    const scenario = await load(...spec);
    expect(scenario.workloads[0]!.statefulSet!.updateStrategy).toEqual(updateStrategy);
  });

  it.each([
    ['a rollingUpdate under OnDelete', ['  updateStrategy: {type: OnDelete, rollingUpdate: {partition: 1}}'], 'spec.updateStrategy.rollingUpdate', /only allowed for updateStrategy 'RollingUpdate'/],
    ['a negative partition', ['  updateStrategy: {rollingUpdate: {partition: -1}}'], 'spec.updateStrategy.rollingUpdate.partition', /must be greater than or equal to 0 \(got -1\)/],
    ['maxUnavailable 0', ['  updateStrategy: {rollingUpdate: {maxUnavailable: 0}}'], 'spec.updateStrategy.rollingUpdate.maxUnavailable', /cannot be 0/],
    ['maxUnavailable 0%', ['  updateStrategy: {rollingUpdate: {maxUnavailable: "0%"}}'], 'spec.updateStrategy.rollingUpdate.maxUnavailable', /cannot be 0/],
    ['maxUnavailable above 100%', ['  updateStrategy: {rollingUpdate: {maxUnavailable: "150%"}}'], 'spec.updateStrategy.rollingUpdate.maxUnavailable', /must not be greater than 100%/],
    ['a maxUnavailable that is no percentage', ['  updateStrategy: {rollingUpdate: {maxUnavailable: "half"}}'], 'spec.updateStrategy.rollingUpdate.maxUnavailable', /not a valid percent/],
    ['an unknown type (the empty string, read as unset, is not offered)', ['  updateStrategy: {type: Recreate}'], 'spec.updateStrategy.type', /^expected "RollingUpdate" or "OnDelete", got "Recreate"$/],
    ['a negative minReadySeconds', ['  minReadySeconds: -5'], 'spec.minReadySeconds', /./],
  ])('refuses %s at its field', async (_what, spec, field, message) => {
    const problems = await folderProblems({ ...baseFiles(), 'manifests/web.yaml': statefulSetYaml('web', ...spec) });
    const at = problems.filter((p) => p.field === field);
    expect(at, JSON.stringify(problems)).toHaveLength(1);
    expect(at[0]!.message).toMatch(message);
    expect(at[0]!.file).toBe('manifests/web.yaml');
  });
});
