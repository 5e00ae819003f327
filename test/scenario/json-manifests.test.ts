/**
 * Manifests in JSON, as `kubectl get -o json` exports them: a folder's *.json files are read beside
 * its *.yaml and *.yml, as `kubectl apply -f <dir>` reads them (kubectl's FileExtensions), with
 * what the API server adds (status, managedFields, uid, defaults) accepted, and a JSON mistake
 * reported at its file, line and field like a YAML one.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/errors/user-input-error.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { BASE_DEPLOYMENT, baseFiles, hpaV2 } from './helpers/base-scenario.js';
import { folderProblems, loadFolder, withScenarioFolder } from './helpers/scenario-folder.js';

/** Deployment web as `kubectl get deployment web -o json` prints it (abridged). */
const EXPORTED_DEPLOYMENT = JSON.stringify(
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: '6f1e0c2a-9a55-4d0b-8a0e-3d2f4b1c7e90',
      resourceVersion: '123456',
      generation: 3,
      creationTimestamp: '2026-01-01T00:00:00Z',
      annotations: { 'deployment.kubernetes.io/revision': '3', 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
      managedFields: [{ manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'apps/v1', time: '2026-01-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } }],
    },
    spec: {
      replicas: 2,
      progressDeadlineSeconds: 600,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx:1.27',
              imagePullPolicy: 'IfNotPresent',
              resources: { requests: { cpu: '100m', memory: '64Mi' } },
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    },
    status: { replicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 3, conditions: [{ type: 'Available', status: 'True' }] },
  },
  null,
  2,
);

describe('JSON manifests', () => {
  it('reads a folder\'s *.json beside its *.yaml, status and server-set fields included', async () => {
    const scenario = await loadFolder({ ...baseFiles(), 'manifests/web.yaml': hpaV2('web', '  maxReplicas: 10'), 'manifests/web.json': `${EXPORTED_DEPLOYMENT}\n` });
    expect(scenario.workloads.map((w) => [w.kind, w.name, w.replicas])).toEqual([['Deployment', 'web', 2]]);
    expect(scenario.hpas.map((h) => h.name)).toEqual(['web']);
    // What the API server set is taken silently, its default rollout strategy included.
    expect(scenario.warnings.filter((w) => w.file.endsWith('web.json')).map((w) => [w.line, w.field])).toEqual([]);
  });

  it('reads a `kind: List` in JSON, as kubectl get deploy,hpa -o json prints one', async () => {
    const hpa = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 10 } };
    const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: [JSON.parse(EXPORTED_DEPLOYMENT), hpa] }, null, 2);
    const scenario = await loadFolder({ ...baseFiles(), 'manifests/web.yaml': null, 'manifests/all.json': list });
    expect(scenario.workloads.map((w) => w.name)).toEqual(['web']);
    expect(scenario.hpas.map((h) => h.maxReplicas)).toEqual([10]);
  });

  it('a misspelt field in JSON: its file, line and field', async () => {
    const typo = EXPORTED_DEPLOYMENT.replace('"selector"', '"selectr"');
    const problems = await folderProblems({ ...baseFiles(), 'manifests/web.yaml': hpaV2('web', '  maxReplicas: 10'), 'manifests/web.json': typo });
    const line = typo.split('\n').findIndex((l) => l.includes('"selectr"')) + 1;
    expect(problems).toContainEqual(expect.objectContaining({ file: 'manifests/web.json', line, field: 'spec.selectr' }));
  });

  it('broken JSON: the parser\'s message at its line, nothing loaded', async () => {
    const broken = EXPORTED_DEPLOYMENT.replace('"replicas": 2,', '"replicas": 2,,');
    const problems = await folderProblems({ ...baseFiles(), 'manifests/web.yaml': null, 'manifests/web.json': broken });
    const line = broken.split('\n').findIndex((l) => l.includes('2,,')) + 1;
    expect(problems[0]).toMatchObject({ file: 'manifests/web.json', line });
  });

  it('other files in the folder are not manifests (as kubectl apply -f skips them)', async () => {
    const scenario = await loadFolder({ ...baseFiles(), 'manifests/README.md': '# not a manifest\n', 'manifests/values.txt': 'x: [\n' });
    expect(scenario.workloads.map((w) => w.name)).toEqual(['web']);
  });

  it('a folder with no manifest file of any of the three kinds: the warning names them', async () => {
    await withScenarioFolder({ ...baseFiles(), 'manifests/web.yaml': null, 'manifests/notes.txt': BASE_DEPLOYMENT }, async (dir) => {
      const error = await loadScenario(dir).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isUserInputError(error)).toBe(true);
      if (!isUserInputError(error)) return;
      expect(error.problems.map((p) => p.message)).toEqual(['no Deployment or StatefulSet named "web" in the manifests']);
      expect(error.warnings.map((w) => w.message)).toEqual([`no *.yaml, *.yml or *.json file in ${path.join(dir, 'manifests')}`]);
    });
  });
});
