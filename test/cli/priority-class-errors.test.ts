/**
 * PriorityClass manifests and pods' priorityClassName through the CLI: a bad class or a bad
 * reference stops `scalesim run` with exit code 2, naming the file, the line and the field (the
 * API server's ValidatePriorityClass, the Priority admission plugin's validatePriorityClass and
 * admitPod), and writes nothing; a good one loads without the old "not modelled" warning.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_DEPLOYMENT, baseFiles, hpaV2 } from '../scenario/helpers/base-scenario.js';
import { lines, removeFolder, writeScenarioFolder } from '../scenario/helpers/scenario-folder.js';
import { runCli } from '../helpers/run-cli.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await removeFolder(d);
});

const priorityClass = (...body: string[]) => lines('apiVersion: scheduling.k8s.io/v1', 'kind: PriorityClass', 'metadata:', ...body);
/** BASE_DEPLOYMENT with pod-spec lines inserted before `containers:` (the first on line 12). */
const deploymentWith = (...podSpec: string[]) => BASE_DEPLOYMENT.replace('    spec:\n      containers:', ['    spec:', ...podSpec.map((l) => `      ${l}`), '      containers:'].join('\n'));

async function run(files: Record<string, string>) {
  const dir = await writeScenarioFolder({ ...baseFiles(), ...files });
  dirs.push(dir);
  const out = join(dir, 'out');
  const r = runCli(['run', dir, '--out', out, '--duration', '10m', '--no-progress', '--no-report']);
  return { ...r, out };
}

describe('PriorityClass errors through the CLI', () => {
  it.each([
    [
      'a value above the highest user-definable priority',
      { 'manifests/pc.yaml': priorityClass('  name: huge', 'value: 1000000001') },
      /manifests\/pc\.yaml:5:\d+: value: .*1000000000/,
    ],
    [
      'a value that is not an integer',
      { 'manifests/pc.yaml': priorityClass('  name: half', 'value: 1.5') },
      /manifests\/pc\.yaml:5:\d+: value: /,
    ],
    [
      'an unknown preemptionPolicy',
      { 'manifests/pc.yaml': priorityClass('  name: p', 'value: 10', 'preemptionPolicy: Sometimes') },
      /manifests\/pc\.yaml:6:\d+: preemptionPolicy: .*PreemptLowerPriority/,
    ],
    [
      "a name with the reserved 'system-' prefix",
      { 'manifests/pc.yaml': priorityClass('  name: system-mine', 'value: 10') },
      /manifests\/pc\.yaml:4:\d+: metadata\.name: priority class names with 'system-' prefix are reserved/,
    ],
    [
      'a second globalDefault class',
      { 'manifests/pc.yaml': `${priorityClass('  name: one', 'value: 10', 'globalDefault: true')}---\n${priorityClass('  name: two', 'value: 20', 'globalDefault: true')}` },
      /manifests\/pc\.yaml:13:\d+: globalDefault: PriorityClass one is already marked as default/,
    ],
    [
      'a misspelt field',
      { 'manifests/pc.yaml': priorityClass('  name: p', 'vaule: 10') },
      /manifests\/pc\.yaml:5:\d+: .*vaule/,
    ],
    [
      'a priorityClassName no class has',
      { 'manifests/web.yaml': `${deploymentWith('priorityClassName: nope')}---\n${hpaV2('web', '  maxReplicas: 10')}` },
      /manifests\/web\.yaml:12:\d+: spec\.template\.spec\.priorityClassName: no PriorityClass with name nope was found/,
    ],
    [
      'a spec.priority that differs from the class value',
      {
        'manifests/web.yaml': `${deploymentWith('priorityClassName: high', 'priority: 5')}---\n${hpaV2('web', '  maxReplicas: 10')}`,
        'manifests/pc.yaml': priorityClass('  name: high', 'value: 1000'),
      },
      /manifests\/web\.yaml:13:\d+: spec\.template\.spec\.priority: the integer value of priority \(5\) must not be provided in pod spec; priority admission controller computed 1000/,
    ],
    [
      'a spec.preemptionPolicy that differs from the class',
      {
        'manifests/web.yaml': `${deploymentWith('priorityClassName: high', 'preemptionPolicy: Never')}---\n${hpaV2('web', '  maxReplicas: 10')}`,
        'manifests/pc.yaml': priorityClass('  name: high', 'value: 1000'),
      },
      /manifests\/web\.yaml:13:\d+: spec\.template\.spec\.preemptionPolicy: the string value of PreemptionPolicy \(Never\) must not be provided/,
    ],
  ])('rejects %s with exit code 2, file, line and field, and writes nothing', async (_name, files, pattern) => {
    const r = await run(files);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(existsSync(r.out)).toBe(false);
  });

  it('runs with a class, the built-in system classes and a globalDefault, without the old warning', async () => {
    const r = await run({
      'manifests/web.yaml': `${deploymentWith('priorityClassName: system-cluster-critical')}---\n${hpaV2('web', '  maxReplicas: 10')}`,
      'manifests/pc.yaml': priorityClass('  name: default-low', 'value: -5', 'globalDefault: true', 'description: the default'),
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/priority|PriorityClass/);
  });
});
