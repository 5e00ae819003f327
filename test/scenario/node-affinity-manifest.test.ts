/**
 * spec.affinity.nodeAffinity in a pod template: resolved with the API server's validation
 * (pkg/apis/core/validation ValidateNodeSelector, ValidateNodeSelectorRequirement,
 * ValidateNodeFieldSelectorRequirement, ValidatePreferredSchedulingTerms), each problem with its
 * file, line and field; the loader no longer warns that node affinity is ignored, but still warns
 * about inter-pod (anti-)affinity.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserInputError, type InputProblem } from '../../src/errors/user-input-error.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runCli } from '../helpers/run-cli.js';
import { BASE_DEPLOYMENT, BASE_SCENARIO, baseFiles } from './helpers/base-scenario.js';
import { removeFolder, writeScenarioFolder, type FolderFiles } from './helpers/scenario-folder.js';

const WEB_YAML = 'manifests/web.yaml';
const NA = 'spec.template.spec.affinity.nodeAffinity';
const REQ = `${NA}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
const PREF = `${NA}.preferredDuringSchedulingIgnoredDuringExecution`;

/** BASE_DEPLOYMENT with `affinity:` on line 12 and `nodeAffinity:` on 13; `body` lines (indented 10) from line 14. */
function withNodeAffinity(...body: string[]): FolderFiles {
  const affinity = ['      affinity:', '        nodeAffinity:', ...body.map((l) => `          ${l}`)].join('\n');
  return { [WEB_YAML]: BASE_DEPLOYMENT.replace('    spec:\n      containers:', `    spec:\n${affinity}\n      containers:`) };
}

/** One required term (line 16) with the given matchExpressions line (17). */
const requiredExpression = (expr: string) =>
  withNodeAffinity('requiredDuringSchedulingIgnoredDuringExecution:', '  nodeSelectorTerms:', '    - matchExpressions:', `        - ${expr}`);
/** One required term (line 16) with the given matchFields line (17). */
const requiredField = (expr: string) => withNodeAffinity('requiredDuringSchedulingIgnoredDuringExecution:', '  nodeSelectorTerms:', '    - matchFields:', `        - ${expr}`);
/** One preferred term (its weight on line 15). */
const preferred = (weight: string, expr: string) =>
  withNodeAffinity('preferredDuringSchedulingIgnoredDuringExecution:', `  - weight: ${weight}`, '    preference:', '      matchExpressions:', `        - ${expr}`);

interface Expected {
  line: number;
  field: string;
  message: string;
}

const CASES: [string, FolderFiles, Expected][] = [
  [
    'no node selector term',
    withNodeAffinity('requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: []}'),
    { line: 14, field: REQ, message: 'must have at least one node selector term' },
  ],
  ['In without values', requiredExpression('{key: pool, operator: In}'), { line: 17, field: `${REQ}[0].matchExpressions[0].values`, message: "must be specified when `operator` is 'In' or 'NotIn'" }],
  ['In with an empty list', requiredExpression('{key: pool, operator: In, values: []}'), { line: 17, field: `${REQ}[0].matchExpressions[0].values`, message: "must be specified when `operator` is 'In' or 'NotIn'" }],
  ['Exists with values', requiredExpression('{key: pool, operator: Exists, values: [a]}'), { line: 17, field: `${REQ}[0].matchExpressions[0].values`, message: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'" }],
  ['Gt with two values', requiredExpression('{key: cpus, operator: Gt, values: ["4", "8"]}'), { line: 17, field: `${REQ}[0].matchExpressions[0].values`, message: "must be specified single value when `operator` is 'Lt' or 'Gt'" }],
  ['Lt with no integer', requiredExpression('{key: cpus, operator: Lt, values: [four]}'), { line: 17, field: `${REQ}[0].matchExpressions[0].values[0]`, message: '"four" is not an integer' }],
  ['an unknown operator', requiredExpression('{key: pool, operator: Equals, values: [a]}'), { line: 17, field: `${REQ}[0].matchExpressions[0].operator`, message: 'got "Equals"' }],
  // node_affinity_test.go "Pod with an invalid value in Affinity term won't be scheduled onto the node": the API server rejects it for a new pod.
  ['a NotIn value that is no label value', requiredExpression('{key: foo, operator: NotIn, values: ["invalid value: ___@#$%^"]}'), { line: 17, field: `${REQ}[0].matchExpressions[0].values[0]`, message: 'is not a valid label value' }],
  ['a negative Gt value (no label value)', requiredExpression('{key: cpus, operator: Gt, values: ["-1"]}'), { line: 17, field: `${REQ}[0].matchExpressions[0].values[0]`, message: '"-1" is not a valid label value' }],
  ['a label key that is no qualified name', requiredExpression('{key: "pool type", operator: Exists}'), { line: 17, field: `${REQ}[0].matchExpressions[0].key`, message: '"pool type" is not a valid label key' }],
  ['matchFields on a label', requiredField('{key: pool, operator: In, values: [a]}'), { line: 17, field: `${REQ}[0].matchFields[0].key`, message: 'matchFields supports metadata.name only' }],
  ['matchFields with Exists', requiredField('{key: metadata.name, operator: Exists}'), { line: 17, field: `${REQ}[0].matchFields[0].operator`, message: 'matchFields supports In and NotIn only' }],
  ['matchFields with two names', requiredField('{key: metadata.name, operator: In, values: [a, b]}'), { line: 17, field: `${REQ}[0].matchFields[0].values`, message: 'must be only one value' }],
  ['matchFields with no node name', requiredField('{key: metadata.name, operator: NotIn, values: [Node_1]}'), { line: 17, field: `${REQ}[0].matchFields[0].values[0]`, message: 'is not a valid node name' }],
  ['a preferred weight of 0', preferred('0', '{key: pool, operator: Exists}'), { line: 15, field: `${PREF}[0].weight`, message: 'an integer from 1 to 100' }],
  ['a preferred weight of 101', preferred('101', '{key: pool, operator: Exists}'), { line: 15, field: `${PREF}[0].weight`, message: 'an integer from 1 to 100' }],
  ['a preferred term without weight', withNodeAffinity('preferredDuringSchedulingIgnoredDuringExecution:', '  - preference: {matchExpressions: [{key: pool, operator: Exists}]}'), { line: 15, field: `${PREF}[0].weight`, message: '' }],
  ['a preferred NotIn without values', preferred('10', '{key: pool, operator: NotIn}'), { line: 18, field: `${PREF}[0].preference.matchExpressions[0].values`, message: "must be specified when `operator` is 'In' or 'NotIn'" }],
  [
    'requiredDuringSchedulingRequiredDuringExecution, which the API does not have',
    withNodeAffinity('requiredDuringSchedulingRequiredDuringExecution:', '  nodeSelectorTerms: [{matchExpressions: [{key: pool, operator: Exists}]}]'),
    { line: 14, field: `${NA}.requiredDuringSchedulingRequiredDuringExecution`, message: 'unknown field "requiredDuringSchedulingRequiredDuringExecution"' },
  ],
  [
    'a misspelt nodeSelectorTerms',
    withNodeAffinity('requiredDuringSchedulingIgnoredDuringExecution:', '  nodeSelectorTerm: [{matchExpressions: [{key: pool, operator: Exists}]}]'),
    { line: 15, field: `${NA}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerm`, message: 'did you mean "nodeSelectorTerms"?' },
  ],
  [
    'a misspelt matchExpression',
    withNodeAffinity('requiredDuringSchedulingIgnoredDuringExecution:', '  nodeSelectorTerms:', '    - matchExpression: [{key: pool, operator: Exists}]'),
    { line: 16, field: `${REQ}[0].matchExpression`, message: 'did you mean "matchExpressions"?' },
  ],
];

async function load(files: FolderFiles): Promise<{ problems: InputProblem[]; scenario?: Awaited<ReturnType<typeof loadScenario>> }> {
  const dir = await writeScenarioFolder({ ...baseFiles(), ...files });
  try {
    return { problems: [], scenario: await loadScenario(dir) };
  } catch (e) {
    if (!isUserInputError(e)) throw e;
    return { problems: e.problems.map((p) => ({ ...p, file: path.relative(dir, p.file) })) };
  } finally {
    await removeFolder(dir);
  }
}

describe('node affinity: bad input is an error with file, line and field', () => {
  it.each(CASES)('%s', async (_name, files, expected) => {
    const { problems } = await load(files);
    expect(problems).toContainEqual(expect.objectContaining({ file: WEB_YAML, line: expected.line, field: expected.field, message: expect.stringContaining(expected.message) }));
  });

  it('exits with code 2 through the CLI, naming file:line and the field, without a stack trace', async () => {
    const dir = await writeScenarioFolder({ ...baseFiles(), ...requiredExpression('{key: pool, operator: Gt, values: [big]}') });
    try {
      const r = runCli(['run', dir, '--out', path.join(dir, 'out')]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`web\\.yaml:17:\\d+: ${REQ.replaceAll('.', '\\.')}\\[0\\]\\.matchExpressions\\[0\\]\\.values\\[0\\]: "big" is not an integer`));
      expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    } finally {
      await removeFolder(dir);
    }
  });
});

describe('node affinity: resolved template and warnings', () => {
  it('resolves required and preferred terms, with no warning that node affinity is ignored', async () => {
    const { scenario, problems } = await load(
      withNodeAffinity(
        'requiredDuringSchedulingIgnoredDuringExecution:',
        '  nodeSelectorTerms:',
        '    - matchExpressions: [{key: capacity-type, operator: In, values: [on-demand]}, {key: cpus, operator: Gt, values: ["2"]}]',
        '    - matchFields: [{key: metadata.name, operator: In, values: [default-0]}]',
        'preferredDuringSchedulingIgnoredDuringExecution:',
        '  - weight: 30',
        '    preference: {matchExpressions: [{key: zone, operator: NotIn, values: [a, b]}]}',
      ),
    );
    expect(problems).toEqual([]);
    expect(scenario!.workloads[0]!.template.nodeAffinity).toEqual({
      required: [
        {
          matchExpressions: [
            { key: 'capacity-type', operator: 'In', values: ['on-demand'] },
            { key: 'cpus', operator: 'Gt', values: ['2'] },
          ],
          matchFields: [],
        },
        { matchExpressions: [], matchFields: [{ key: 'metadata.name', operator: 'In', values: ['default-0'] }] },
      ],
      preferred: [{ weight: 30, preference: { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a', 'b'] }], matchFields: [] } }],
    });
    expect(scenario!.warnings.filter((w) => w.field?.includes('affinity'))).toEqual([]);
  });

  it('leaves a template without node affinity as it was (no nodeAffinity key)', async () => {
    const { scenario } = await load(withNodeAffinity('preferredDuringSchedulingIgnoredDuringExecution: []'));
    expect(scenario!.workloads[0]!.template).not.toHaveProperty('nodeAffinity');
  });

  it('warns that an empty term matches no node', async () => {
    const { scenario } = await load(withNodeAffinity('requiredDuringSchedulingIgnoredDuringExecution:', '  nodeSelectorTerms:', '    - {}', '    - matchExpressions: [{key: pool, operator: Exists}]'));
    const warnings = scenario!.warnings.filter((w) => w.field?.startsWith(REQ));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ field: `${REQ}[0]`, line: 16 });
    expect(warnings[0]!.message).toContain('matches no node');
  });

  it('reads podAffinity and podAntiAffinity beside nodeAffinity, with no "not modelled" warning for any of them', async () => {
    const files = withNodeAffinity('preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1, preference: {matchExpressions: [{key: pool, operator: Exists}]}}]');
    const web = files[WEB_YAML]!.replace(
      '        nodeAffinity:',
      '        podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone, labelSelector: {matchLabels: {app: db}}}]}\n        podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 5, podAffinityTerm: {topologyKey: zone, labelSelector: {matchLabels: {app: web}}}}]}\n        nodeAffinity:',
    );
    const { scenario } = await load({ [WEB_YAML]: web });
    expect(scenario!.warnings.filter((w) => /not modelled/.test(w.message))).toEqual([]);
    const template = scenario!.workloads.find((w) => w.name === 'web')!.template;
    expect(template.nodeAffinity?.preferred).toHaveLength(1);
    expect(template.podAffinity?.affinity.required.map((t) => t.topologyKey)).toEqual(['zone']);
    expect(template.podAffinity?.antiAffinity.preferred.map((t) => t.weight)).toEqual([5]);
  });

  it('warns when no node pool carries the labels the required affinity names, and not when one does', async () => {
    const required = withNodeAffinity('requiredDuringSchedulingIgnoredDuringExecution:', '  nodeSelectorTerms:', '    - matchExpressions: [{key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}]');
    const { scenario } = await load(required);
    const warning = scenario!.warnings.find((w) => w.field === `${NA}.requiredDuringSchedulingIgnoredDuringExecution`);
    expect(warning).toMatchObject({ line: 14 });
    expect(warning!.message).toContain('no node pool matches the required node affinity of Deployment web');
    expect(warning!.hint).toContain('karpenter.sh/capacity-type');
    const labelled = await load({ ...required, 'scenario.yaml': BASE_SCENARIO.replace('      memory: 16Gi', '      memory: 16Gi\n      labels: {karpenter.sh/capacity-type: on-demand}') });
    expect(labelled.scenario!.warnings.filter((w) => w.field?.includes('affinity'))).toEqual([]);
  });
});
