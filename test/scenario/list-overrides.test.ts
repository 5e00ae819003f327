/**
 * Overrides (compare's --variant, sweep's --grid) reach objects inside a `kind: List`, the shape of
 * `kubectl get deploy,hpa -o yaml`: the item named `<Kind>/<name>` is patched where it sits, an
 * error in the value it set blames the override, and a sweep's grid aliases find the List's HPA.
 */
import { describe, expect, it } from 'vitest';
import { parseOverrides } from '../../src/compare/overrides.js';
import { readScenarioDocuments } from '../../src/sweep/scenario-documents.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { isUserInputError } from '../../src/errors/user-input-error.js';
import { BASE_DEPLOYMENT, baseFiles, hpaV2 } from './helpers/base-scenario.js';
import { withScenarioFolder } from './helpers/scenario-folder.js';

/** BASE_DEPLOYMENT and an HPA as one List, indented under items. */
function listFile(): string {
  const item = (text: string): string =>
    text
      .trimEnd()
      .split('\n')
      .map((line, i) => `${i === 0 ? '  - ' : '    '}${line}`)
      .join('\n');
  return `apiVersion: v1\nkind: List\nitems:\n${item(BASE_DEPLOYMENT)}\n${item(hpaV2('web', '  minReplicas: 1', '  maxReplicas: 10'))}\n`;
}

function withFolder<T>(run: (dir: string) => Promise<T>): Promise<T> {
  return withScenarioFolder({ ...baseFiles(), 'manifests/web.yaml': listFile() }, run);
}

describe('overrides into a kind: List', () => {
  it('patches the named item in place', async () => {
    await withFolder(async (dir) => {
      const plain = await loadScenario(dir);
      expect(plain.hpas[0]!.maxReplicas).toBe(10);
      const patched = await loadScenario(dir, { patches: parseOverrides('HorizontalPodAutoscaler/web:spec.maxReplicas=4; Deployment/web:spec.replicas=3', '--variant small') });
      expect(patched.hpas[0]!.maxReplicas).toBe(4);
      expect(patched.workloads[0]!.replicas).toBe(3);
    });
  });

  it('a bad value set in an item blames the override, not the file', async () => {
    await withFolder(async (dir) => {
      const error = await loadScenario(dir, { patches: parseOverrides('HorizontalPodAutoscaler/web:spec.maxReplicas=0', '--variant zero') }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isUserInputError(error)).toBe(true);
      if (!isUserInputError(error)) return;
      expect(error.problems).toContainEqual(expect.objectContaining({ file: '(command line)', field: 'spec.maxReplicas', hint: expect.stringContaining('the value set by --variant zero') }));
    });
  });

  it('an index past the end of a list is refused, naming the override, not the file', async () => {
    await withFolder(async (dir) => {
      const error = await loadScenario(dir, { patches: parseOverrides('scenario:spec.nodePools[5].count=2', '--variant far') }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isUserInputError(error)).toBe(true);
      if (!isUserInputError(error)) return;
      expect(error.problems).toEqual([
        { file: '(command line)', field: '--variant far', message: 'expected an index of spec.nodePools from 0 to 1 (its 1 item, or 1 to add one), got 5, in "scenario:spec.nodePools[5].count=2"' },
      ]);
    });
  });

  it('an override naming no item is still refused', async () => {
    await withFolder(async (dir) => {
      await expect(loadScenario(dir, { patches: parseOverrides('HorizontalPodAutoscaler/api:spec.maxReplicas=4', '--variant x') })).rejects.toThrow(/matches no document/);
    });
  });

  it("the sweep's document list has the List's items as objects of their own", async () => {
    await withFolder(async (dir) => {
      const { documents } = await readScenarioDocuments(dir);
      expect(documents.map((d) => d.target)).toEqual(['scenario', 'Deployment/web', 'HorizontalPodAutoscaler/web']);
      expect(documents[2]!.value).toMatchObject({ kind: 'HorizontalPodAutoscaler', spec: { maxReplicas: 10 } });
    });
  });
});
