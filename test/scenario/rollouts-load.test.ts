/**
 * spec.rollouts: a Deployment or StatefulSet named, an instant (a duration or a clock time of the
 * first day) and an optional repeat; an ElasticWorkload's source and an unknown name are errors at
 * the item's workload field, a rollout after the end of the run and an OnDelete StatefulSet's warnings.
 */
import { describe, expect, it } from 'vitest';
import { BASE_DEPLOYMENT, BASE_SCENARIO, baseFiles, statefulSetYaml } from './helpers/base-scenario.js';
import { folderProblems, lines, loadFolder } from './helpers/scenario-folder.js';

function withRollouts(...items: string[]): string {
  return `${BASE_SCENARIO}${lines('  duration: 2d', '  rollouts:', ...items.map((i) => `    - ${i}`))}`;
}

describe('spec.rollouts', () => {
  it('reads a rollout, a clock time and a repeat', async () => {
    const scenario = await loadFolder({ ...baseFiles(), 'scenario.yaml': withRollouts('{workload: web, at: 2h}', '{workload: web, at: "14:30", every: 24h}') });
    expect(scenario.rollouts).toEqual([
      { workload: 'web', namespace: 'default', atSeconds: 7200 },
      { workload: 'web', namespace: 'default', atSeconds: 14.5 * 3600, everySeconds: 86400 },
    ]);
  });

  it('refuses an unknown workload with a suggestion, at its field and line', async () => {
    const problems = await folderProblems({ ...baseFiles(), 'scenario.yaml': withRollouts('{workload: wbe, at: 2h}') });
    expect(problems).toEqual([expect.objectContaining({ file: 'scenario.yaml', field: 'spec.rollouts[0].workload', message: 'no Deployment or StatefulSet named "wbe" in the manifests', line: 19 })]);
    expect(problems[0]!.hint).toMatch(/web/);
  });

  it("reads a StatefulSet's rollout, and warns when its updateStrategy is OnDelete", async () => {
    const rolling = await loadFolder({ ...baseFiles(), 'manifests/web.yaml': statefulSetYaml('web'), 'scenario.yaml': withRollouts('{workload: web, at: 2h}') });
    expect(rolling.rollouts).toEqual([{ workload: 'web', namespace: 'default', atSeconds: 7200 }]);
    expect(rolling.warnings.filter((w) => w.field === 'spec.rollouts[0].workload')).toEqual([]);
    const onDelete = await loadFolder({ ...baseFiles(), 'manifests/web.yaml': statefulSetYaml('web', '  updateStrategy: {type: OnDelete}'), 'scenario.yaml': withRollouts('{workload: web, at: 2h}') });
    expect(onDelete.rollouts).toHaveLength(1);
    const warned = onDelete.warnings.filter((w) => w.field === 'spec.rollouts[0].workload');
    expect(warned.map((w) => w.message)).toEqual([
      "StatefulSet web's updateStrategy is OnDelete: the rollout gives it a new revision, but its pods take it only when they are made anew (a failure, an eviction, a scale-down and up), and kubectl rollout status never reports it complete",
    ]);
  });

  it('refuses an instant that is not one, and an unknown field', async () => {
    const problems = await folderProblems({ ...baseFiles(), 'scenario.yaml': withRollouts('{workload: web, at: soon}', '{workload: web, at: 1h, strategy: Recreate}') });
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(['spec.rollouts[0].at']));
    expect(problems.some((p) => p.field?.startsWith('spec.rollouts[1]') && /strategy/.test(p.message + p.field))).toBe(true);
  });

  it('refuses a repeat under a second (kubectl stamps restarts in whole seconds)', async () => {
    const problems = await folderProblems({ ...baseFiles(), 'scenario.yaml': withRollouts('{workload: web, at: 1h, every: 0.5}') });
    expect(problems.map((p) => [p.field, p.message])).toEqual([['spec.rollouts[0].every', 'every must be at least 1 s, got 0.5 s']]);
  });

  it('refuses a paused Deployment, as kubectl rollout restart does', async () => {
    const paused = BASE_DEPLOYMENT.replace('spec:\n  selector:', 'spec:\n  paused: true\n  selector:');
    const problems = await folderProblems({ ...baseFiles(), 'manifests/web.yaml': paused, 'scenario.yaml': withRollouts('{workload: web, at: 2h}') });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'spec.rollouts[0].workload' });
    expect(problems[0]!.message).toMatch(/paused.*can't restart paused deployment/);
  });

  it('refuses a name two namespaces share, naming both', async () => {
    const other = BASE_DEPLOYMENT.replace('  name: web', '  name: web\n  namespace: other');
    const problems = await folderProblems({ ...baseFiles(), 'manifests/other.yaml': other, 'scenario.yaml': withRollouts('{workload: web, at: 2h}') });
    const at = problems.filter((p) => p.field === 'spec.rollouts[0].workload');
    expect(at.map((p) => p.message)).toEqual(['"web" names several workloads (Deployment other/web, Deployment default/web)']);
  });

  it('says nothing more of a Deployment that failed to load', async () => {
    const broken = BASE_DEPLOYMENT.replace('  selector:', '  replicas: many\n  selector:');
    const problems = await folderProblems({ ...baseFiles(), 'manifests/web.yaml': broken, 'scenario.yaml': withRollouts('{workload: web, at: 2h}') });
    expect(problems.some((p) => p.field === 'spec.rollouts[0].workload')).toBe(false);
    expect(problems.some((p) => p.file === 'manifests/web.yaml')).toBe(true);
  });

  it('warns about a rollout at or after the end of the run', async () => {
    const scenario = await loadFolder({ ...baseFiles(), 'scenario.yaml': withRollouts('{workload: web, at: 3d}') });
    const warned = scenario.warnings.filter((w) => w.field === 'spec.rollouts[0].at');
    expect(warned).toHaveLength(1);
    expect(warned[0]!.message).toMatch(/at or after the end of the run \(172800 s\): it never happens/);
  });
});
