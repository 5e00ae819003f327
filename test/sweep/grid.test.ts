/**
 * Grid flags: values as YAML scalars split on commas, aliases resolved against the manifests (the
 * cpu metric's index, one HPA or a named one, or every one a `*` pattern matches), the full
 * override form checked against the documents, and every mistake refused as a UserInputError naming
 * the flag.
 */
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/errors/user-input-error.js';
import { axisField, axisTargets, resolveGrid } from '../../src/sweep/grid.js';
import { resolveGridPath, resolveGridTargets } from '../../src/sweep/grid-paths.js';
import { settingAt } from '../../src/sweep/settings.js';
import { parseGridSpec } from '../../src/sweep/grid-spec.js';
import type { ScenarioDocument } from '../../src/sweep/scenario-documents.js';

function doc(kind: string, name: string, spec: Record<string, unknown>, apiVersion = 'autoscaling/v2'): ScenarioDocument {
  return { file: `manifests/${name}.yaml`, target: kind === 'Scenario' ? 'scenario' : `${kind}/${name}`, kind, apiVersion, name, value: { apiVersion, kind, metadata: { name }, spec } };
}

const scenario = doc('Scenario', 'demo', { seed: 1 }, 'scalesim.dev/v1alpha1');
const web = doc('HorizontalPodAutoscaler', 'web', {
  minReplicas: 2,
  maxReplicas: 10,
  metrics: [
    { type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '10' } } },
    { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
  ],
});
const api = doc('HorizontalPodAutoscaler', 'api', { maxReplicas: 4, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }] });
const legacy = doc('HorizontalPodAutoscaler', 'old', { maxReplicas: 4, targetCPUUtilizationPercentage: 70 }, 'autoscaling/v1');
const worker = doc('ScaledObject', 'worker', { scaleTargetRef: { name: 'worker' }, triggers: [] }, 'keda.sh/v1alpha1');

function problemOf(fn: () => unknown): { field?: string; message: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return (error as UserInputError).problems[0]!;
  }
  throw new Error('expected a UserInputError');
}

describe('parseGridSpec', () => {
  it('splits YAML scalars on commas and keeps the text as written', () => {
    const spec = parseGridSpec('hpa.targetCPU= 40, 50.5 ,true,fast,"a b"');
    expect(spec.path).toBe('hpa.targetCPU');
    expect(spec.values).toEqual([
      { text: '40', value: 40 },
      { text: '50.5', value: 50.5 },
      { text: 'true', value: true },
      { text: 'fast', value: 'fast' },
      { text: '"a b"', value: 'a b' },
    ]);
  });

  it('ends the path at the first "=" outside a quoted key', () => {
    const spec = parseGridSpec('Deployment/web:metadata.annotations["a=b"]=x,y');
    expect(spec.path).toBe('Deployment/web:metadata.annotations["a=b"]');
    expect(spec.values.map((v) => v.value)).toEqual(['x', 'y']);
  });

  it.each([
    ['no path', '=40,50', /expected <path>=<value>/],
    ['no "="', 'hpa.targetCPU', /expected <path>=<value>/],
    ['an empty list', 'hpa.targetCPU=', /empty list/],
    ['an empty item', 'hpa.targetCPU=40,,50', /value 2 .* is empty/],
    ['a repeated value', 'hpa.targetCPU=40,40.0', /repeats "40"/],
    ['a map value', 'hpa.targetCPU={a: 1}', /a YAML map/],
    ['a list value', 'hpa.targetCPU=[1]', /a YAML list/],
  ])('refuses %s, naming the flag', (_name, flag, message) => {
    const p = problemOf(() => parseGridSpec(flag));
    expect(p.field).toMatch(/^--grid/);
    expect(p.message).toMatch(message);
  });
});

describe('resolveGridPath', () => {
  const one = [scenario, web, worker];

  it('finds the cpu Resource metric by its index for hpa.targetCPU', () => {
    expect(resolveGridPath('hpa.targetCPU', one)).toEqual({ target: 'HorizontalPodAutoscaler/web', fieldPath: ['spec', 'metrics', 1, 'resource', 'target', 'averageUtilization'] });
  });

  it('maps the other aliases to their fields, adding ones the manifest leaves out', () => {
    expect(resolveGridPath('hpa.maxReplicas', one).fieldPath).toEqual(['spec', 'maxReplicas']);
    expect(resolveGridPath('hpa.scaleDownStabilizationSeconds', one).fieldPath).toEqual(['spec', 'behavior', 'scaleDown', 'stabilizationWindowSeconds']);
    expect(resolveGridPath('keda.cooldownPeriod', one)).toEqual({ target: 'ScaledObject/worker', fieldPath: ['spec', 'cooldownPeriod'] });
    expect(resolveGridPath('keda.pollingInterval', one).fieldPath).toEqual(['spec', 'pollingInterval']);
    expect(resolveGridPath('scenario.spec.controllers.hpa.tolerance', one)).toEqual({ target: 'scenario', fieldPath: ['spec', 'controllers', 'hpa', 'tolerance'] });
  });

  it('uses targetCPUUtilizationPercentage for an autoscaling/v1 HPA', () => {
    expect(resolveGridPath('hpa.targetCPU', [legacy]).fieldPath).toEqual(['spec', 'targetCPUUtilizationPercentage']);
    expect(problemOf(() => resolveGridPath('hpa.scaleDownStabilizationSeconds', [legacy])).message).toMatch(/autoscaling\/v1.*no spec.behavior/);
  });

  it('needs exactly one HPA for hpa.x and lists the hpa[<name>] choices otherwise', () => {
    const p = problemOf(() => resolveGridPath('hpa.maxReplicas', [web, api]));
    expect(p.field).toBe('--grid hpa.maxReplicas');
    expect(p.message).toContain('hpa[web].maxReplicas or hpa[api].maxReplicas');
    expect(resolveGridPath('hpa[api].targetCPU', [web, api])).toEqual({ target: 'HorizontalPodAutoscaler/api', fieldPath: ['spec', 'metrics', 0, 'resource', 'target', 'averageUtilization'] });
    expect(problemOf(() => resolveGridPath('hpa[nope].maxReplicas', [web, api])).message).toMatch(/no HorizontalPodAutoscaler named "nope".*web, api/);
    expect(problemOf(() => resolveGridPath('keda.cooldownPeriod', [web])).message).toMatch(/needs a ScaledObject.*there is none/);
  });

  it('refuses a scenario list index past the end of its list, and takes one inside it', () => {
    const pools = doc('Scenario', 'demo', { nodePools: [{ name: 'a', count: 1 }] }, 'scalesim.dev/v1alpha1');
    expect(problemOf(() => resolveGridPath('scenario.spec.nodePools[5].count', [pools])).message).toBe('scenario.yaml has no spec.nodePools[5]: spec.nodePools is a list of 1 item(s) (indexes 0–0)');
    expect(resolveGridPath('scenario.spec.nodePools[0].count', [pools]).fieldPath).toEqual(['spec', 'nodePools', 0, 'count']);
  });

  it('lists five of many HPAs and counts the rest, and guesses a misspelt name', () => {
    const many = Array.from({ length: 700 }, (_, i) => ({ ...web, name: `svc-${String(i).padStart(4, '0')}`, target: `HorizontalPodAutoscaler/svc-${String(i).padStart(4, '0')}` }));
    const p = problemOf(() => resolveGridPath('hpa.maxReplicas', many));
    expect(p.message).toMatch(/the scenario has 700: write hpa\[svc-0000\]\.maxReplicas or .* or hpa\[svc-0004\]\.maxReplicas or … \(695 more\)$/);
    expect(p.message.length).toBeLessThan(400);
    expect(problemOf(() => resolveGridPath('hpa[svc-0O12].maxReplicas', many)).message).toMatch(/\(did you mean "svc-0012"\?\)$/);
  });

  it('refuses unknown aliases and paths with the choices', () => {
    expect(problemOf(() => resolveGridPath('hpa.target', one)).message).toMatch(/unknown alias hpa.target: expected one of hpa.targetCPU, hpa.minReplicas/);
    expect(problemOf(() => resolveGridPath('vpa.x', one)).message).toMatch(/unknown grid path "vpa.x"/);
  });

  it('checks the full form against the documents: the target and an existing field', () => {
    expect(resolveGridPath('HorizontalPodAutoscaler/web:spec.minReplicas', one)).toEqual({ target: 'HorizontalPodAutoscaler/web', fieldPath: ['spec', 'minReplicas'] });
    expect(problemOf(() => resolveGridPath('HorizontalPodAutoscaler/nope:spec.minReplicas', one)).message).toMatch(/matches no document: expected one of scenario, HorizontalPodAutoscaler\/web, ScaledObject\/worker/);
    const typo = problemOf(() => resolveGridPath('HorizontalPodAutoscaler/web:spec.maxReplica', one));
    expect(typo.message).toMatch(/has no field spec.maxReplica: fields at spec: minReplicas, maxReplicas, metrics/);
    expect(problemOf(() => resolveGridPath('HorizontalPodAutoscaler/web:spec.metrics[5].type', one)).message).toMatch(/list of 2 item/);
    // scenario.yaml is validated field by field when it loads, so its fields may be new.
    expect(resolveGridPath('scenario:spec.duration', one)).toEqual({ target: 'scenario', fieldPath: ['spec', 'duration'] });
  });
});

describe('resolveGrid', () => {
  it('keeps the flags in order, with their values', () => {
    const axes = resolveGrid(['hpa.targetCPU=40,60', 'keda.cooldownPeriod=30,300,600'], [scenario, web, worker]);
    expect(axes.map((a) => [a.name, a.target, a.values.length])).toEqual([
      ['hpa.targetCPU', 'HorizontalPodAutoscaler/web', 2],
      ['keda.cooldownPeriod', 'ScaledObject/worker', 3],
    ]);
  });

  it('refuses two flags setting one field, however they are written', () => {
    expect(problemOf(() => resolveGrid(['hpa.maxReplicas=3', 'hpa.maxReplicas=4'], [web])).message).toMatch(/given twice/);
    expect(problemOf(() => resolveGrid(['hpa.maxReplicas=3', 'HorizontalPodAutoscaler/web:spec.maxReplicas=4'], [web])).message).toMatch(/sets the same field as --grid hpa.maxReplicas/);
  });

  it('refuses an empty grid and one too large', () => {
    expect(problemOf(() => resolveGrid([], [web])).message).toMatch(/at least one --grid/);
    const values = Array.from({ length: 400 }, (_, i) => i + 1).join(',');
    expect(problemOf(() => resolveGrid([`hpa.maxReplicas=${values}`, `hpa.minReplicas=${values}`], [web])).message).toMatch(/160000 settings/);
  });
});

describe('a * in the object name: one axis over every matching object', () => {
  const svc = (n: number, cpuIndex: number) =>
    doc('HorizontalPodAutoscaler', `svc-${n}`, {
      maxReplicas: 4,
      metrics: [
        ...(cpuIndex === 1 ? [{ type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '10' } } }] : []),
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
      ],
    });
  const fleet = [scenario, svc(1, 0), svc(2, 1), api, worker];

  it('resolves each matching object on its own (the cpu metric at its own index), in the manifests order', () => {
    expect(resolveGridTargets('hpa[svc-*].targetCPU', fleet)).toEqual([
      { target: 'HorizontalPodAutoscaler/svc-1', fieldPath: ['spec', 'metrics', 0, 'resource', 'target', 'averageUtilization'] },
      { target: 'HorizontalPodAutoscaler/svc-2', fieldPath: ['spec', 'metrics', 1, 'resource', 'target', 'averageUtilization'] },
    ]);
    expect(resolveGridTargets('hpa[*].maxReplicas', fleet).map((t) => t.target)).toEqual(['HorizontalPodAutoscaler/svc-1', 'HorizontalPodAutoscaler/svc-2', 'HorizontalPodAutoscaler/api']);
    expect(resolveGridTargets('HorizontalPodAutoscaler/*-2:spec.maxReplicas', fleet)).toEqual([{ target: 'HorizontalPodAutoscaler/svc-2', fieldPath: ['spec', 'maxReplicas'] }]);
    // A path without a * is the one object, as resolveGridPath finds it.
    expect(resolveGridTargets('hpa[api].targetCPU', fleet)).toEqual([resolveGridPath('hpa[api].targetCPU', fleet)]);
    // Dots and other characters of a name are literal.
    const dotted = doc('HorizontalPodAutoscaler', 'a.b', { maxReplicas: 2 });
    const axb = doc('HorizontalPodAutoscaler', 'axb', { maxReplicas: 2 });
    expect(resolveGridTargets('hpa[a.*].maxReplicas', [dotted, axb]).map((t) => t.target)).toEqual(['HorizontalPodAutoscaler/a.b']);
  });

  it('refuses a pattern that matches nothing, a * in the kind, and a matched object the field does not fit, naming the flag', () => {
    const none = problemOf(() => resolveGridTargets('hpa[web-*].maxReplicas', fleet));
    expect(none.field).toBe('--grid hpa[web-*].maxReplicas');
    expect(none.message).toBe('web-* matches no HorizontalPodAutoscaler name: expected a pattern (* for any characters) matching some of svc-1, svc-2, api');
    expect(problemOf(() => resolveGridTargets('Horizontal*/svc-1:spec.maxReplicas', fleet)).message).toMatch(/a \* may stand in an object's name, not its kind/);
    const unfit = problemOf(() => resolveGridTargets('hpa[*].targetCPU', [...fleet, legacy, doc('HorizontalPodAutoscaler', 'mem', { maxReplicas: 2, metrics: [] })]));
    expect(unfit.field).toBe('--grid hpa[*].targetCPU');
    expect(unfit.message).toMatch(/^HorizontalPodAutoscaler\/mem has no cpu Resource metric.*\(HorizontalPodAutoscaler\/mem matches \*\)$/);
    expect(problemOf(() => resolveGridTargets('HorizontalPodAutoscaler/*:spec.minReplicas', fleet)).message).toMatch(/HorizontalPodAutoscaler\/svc-1 .*has no field spec.minReplicas.*\(HorizontalPodAutoscaler\/svc-1 matches \*\)$/);
  });

  it('makes one axis whose settings patch every matching object with the same value', () => {
    const [axis] = resolveGrid(['hpa[*].maxReplicas=5,9'], fleet);
    expect(axisTargets(axis!).map((t) => t.target)).toEqual(['HorizontalPodAutoscaler/svc-1', 'HorizontalPodAutoscaler/svc-2', 'HorizontalPodAutoscaler/api']);
    expect(axisField(axis!)).toBe('HorizontalPodAutoscaler/svc-1:spec.maxReplicas and 2 more');
    const second = settingAt([axis!], 1);
    expect(second.patches.map((p) => [p.target, p.value, p.source])).toEqual([
      ['HorizontalPodAutoscaler/svc-1', 9, '--grid hpa[*].maxReplicas'],
      ['HorizontalPodAutoscaler/svc-2', 9, '--grid hpa[*].maxReplicas'],
      ['HorizontalPodAutoscaler/api', 9, '--grid hpa[*].maxReplicas'],
    ]);
    expect(second.label).toBe('hpa[*].maxReplicas=9');
    // The id hashes every assignment: not the id of setting one object alone.
    const [single] = resolveGrid(['hpa[svc-1].maxReplicas=5,9'], fleet);
    expect(settingAt([single!], 1).id).not.toBe(second.id);
    expect(single!.more).toBeUndefined();
  });

  it('refuses a second axis on a field the wildcard already sets', () => {
    const p = problemOf(() => resolveGrid(['hpa[*].maxReplicas=5,9', 'hpa[svc-2].maxReplicas=3'], fleet));
    expect(p.message).toBe('hpa[svc-2].maxReplicas sets the same field as --grid hpa[*].maxReplicas (HorizontalPodAutoscaler/svc-2:spec.maxReplicas): expected each field once');
  });
});
