/**
 * spec.faults[].nodeBootFailure: a pool of real nodes, a probability in (0, 1] and an optional
 * window of registration times (default: the whole run), each problem reported at its field.
 */
import { describe, expect, it } from 'vitest';
import { BASE_SCENARIO, baseFiles } from './helpers/base-scenario.js';
import { faultProblems, loadWithFaults } from './helpers/fault-scenario.js';
import { folderProblems } from './helpers/scenario-folder.js';

describe('spec.faults: nodeBootFailure', () => {
  it('resolves the pool, the probability and the window, which defaults to the whole run', async () => {
    const scenario = await loadWithFaults(['{nodeBootFailure: {pool: default, probability: 0.25}}', '{nodeBootFailure: {pool: default, probability: 1, from: 1h, to: "02:00"}}']);
    expect(scenario.faults).toEqual([
      { kind: 'nodeBootFailure', pool: 'default', probability: 0.25, fromSeconds: 0, toSeconds: Number.POSITIVE_INFINITY },
      // The trace starts at 00:00 UTC, so 02:00 is two hours in.
      { kind: 'nodeBootFailure', pool: 'default', probability: 1, fromSeconds: 3600, toSeconds: 7200 },
    ]);
  });

  it.each([
    ['an unknown pool', '{nodeBootFailure: {pool: defualt, probability: 0.5}}', 'spec.faults[0].nodeBootFailure.pool', 'no node pool named "defualt"', 'did you mean "default"?'],
    ['a probability of 0', '{nodeBootFailure: {pool: default, probability: 0}}', 'spec.faults[0].nodeBootFailure.probability', '', undefined],
    ['a probability above 1', '{nodeBootFailure: {pool: default, probability: 1.5}}', 'spec.faults[0].nodeBootFailure.probability', '', undefined],
    ['no probability', '{nodeBootFailure: {pool: default}}', 'spec.faults[0].nodeBootFailure.probability', '', undefined],
    ['a window that ends first', '{nodeBootFailure: {pool: default, probability: 1, from: 2h, to: 1h}}', 'spec.faults[0].nodeBootFailure.to', 'the window must end after it starts', 'make to later than from'],
    ['an unknown field', '{nodeBootFailure: {pool: default, probability: 1, at: 5m}}', 'spec.faults[0].nodeBootFailure.at', 'unknown field "at"', undefined],
  ])('%s is reported at its field', async (_name, item, field, message, hint) => {
    const problems = await faultProblems([item]);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'scenario.yaml', field, message: expect.stringContaining(message), ...(hint ? { hint: expect.stringContaining(hint) } : {}) }),
    );
  });

  it('refuses a virtual pool, whose one node is the provider\'s virtual-kubelet and never boots', async () => {
    const scenario = BASE_SCENARIO.replace('  nodePools:\n', '  nodePools:\n    - {name: eci, virtual: {provider: eci}}\n') + '  faults:\n    - {nodeBootFailure: {pool: eci, probability: 1}}\n';
    const problems = await folderProblems({ ...baseFiles(), 'scenario.yaml': scenario });
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'spec.faults[0].nodeBootFailure.pool', message: expect.stringContaining('"eci" is a virtual pool'), hint: 'name a pool of real nodes' }),
    );
  });
});

describe('spec.faults: capacityLoss of a virtual pool', () => {
  it('is refused: a virtual provider\'s shortages are its stockOuts', async () => {
    const scenario = BASE_SCENARIO.replace('  nodePools:\n', '  nodePools:\n    - {name: eci, virtual: {provider: eci}}\n') + '  faults:\n    - {capacityLoss: {pool: eci, from: 1h}}\n';
    const problems = await folderProblems({ ...baseFiles(), 'scenario.yaml': scenario });
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'spec.faults[0].capacityLoss.pool', message: expect.stringContaining('"eci" is a virtual pool'), hint: 'name a pool of real nodes, or set stockOuts on the virtual pool' }),
    );
  });
});
