/**
 * Merging shard parts: rows of every shard in index order when the parts belong together, and every
 * problem reported together when they do not (other sweeps, another shard count, a shard missing
 * or given twice, a part lacking settings), plus the reading of a part folder.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/errors/user-input-error.js';
import { mergeParts, type PartFolder } from '../../src/sweep/merge-parts.js';
import { readShardPart, type ShardPart } from '../../src/sweep/shard-part.js';
import { settingAt, shardIndexes } from '../../src/sweep/settings.js';
import type { SweepIdentity } from '../../src/sweep/sweep-identity.js';
import type { SweepRow } from '../../src/sweep/sweep-row.js';
import { figures, gridAxis } from '../helpers/comparison-rows.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-merge-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const identity = (fingerprint = 'f'.repeat(64)): SweepIdentity => ({ scenario: 'demo', scalesimVersion: '0.1.0', fingerprint, seed: 1, durationSeconds: 60, axes: [], settings: 7 });
const rowOf = (i: number): SweepRow => ({ index: i, id: settingAt([], i).id, values: [], row: figures() });

function part(shard: number, shards = 3, over: Partial<ShardPart> = {}): PartFolder {
  return { dir: `parts/${shard}`, part: { format: 'scalesim-sweep-part/1', identity: identity(), shards, shard, rows: shardIndexes(7, shards, shard).map(rowOf), ...over } };
}

function problems(parts: PartFolder[]): string[] {
  try {
    mergeParts(parts);
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return (error as UserInputError).problems.map((p) => `${p.file}: ${p.message}`);
  }
  throw new Error('expected a UserInputError');
}

describe('mergeParts', () => {
  it('puts the rows of every shard in index order, whatever the order of the folders', () => {
    const merged = mergeParts([part(2), part(0), part(1)]);
    expect(merged.rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(merged.identity.fingerprint).toBe('f'.repeat(64));
  });

  it('refuses parts of different sweeps', () => {
    const other = part(1, 3, { identity: identity('e'.repeat(64)) });
    const found = problems([part(0), other, part(2)]);
    expect(found).toHaveLength(3);
    expect(found[1]).toMatch(/^parts\/1: fingerprint eeeeeeeeeeee .*2 different sweeps \(they differ in the scenario's files or scalesim's build\)/);
  });

  it('names the workload focus when that is what the parts differ in', () => {
    const focused = part(1, 3, { identity: { ...identity('e'.repeat(64)), workloads: ['web'] } });
    const found = problems([part(0), focused, part(2)]);
    expect(found[1]).toMatch(/^parts\/1: fingerprint eeeeeeeeeeee \(scenario demo, seed 1, grid , workloads web, shard 1\/3\): .*\(they differ in workload focus \(--workload\)\)/);
  });

  it('refuses another shard count, a missing shard and a shard given twice', () => {
    expect(problems([part(0), part(1, 4)]).join('\n')).toMatch(/shard 1 of 4, but parts\/0 is of 3/);
    expect(problems([part(0), part(2)])).toEqual(['(command line): missing shard 1 of 3: expected every shard 0–2 once']);
    const twice = problems([part(0), part(1), { ...part(1), dir: 'copy/1' }, part(2)]);
    expect(twice).toEqual(['(command line): shard 1 of 3 is given 2 times (parts/1, copy/1): expected each shard once']);
  });

  it("refuses a part lacking settings or holding another shard's settings", () => {
    const short = part(0, 3, { rows: [rowOf(0), rowOf(3)] });
    expect(problems([short, part(1), part(2)])).toEqual(['parts/0: shard 0 lacks setting 6: the part is incomplete']);
    const foreign = part(0, 3, { rows: [...shardIndexes(7, 3, 0).map(rowOf), rowOf(1)] });
    expect(problems([foreign, part(1), part(2)])).toEqual(['parts/0: shard 0 holds settings 1 of another shard']);
  });
});

describe('a part whose rows were edited', () => {
  it('refuses a row that is not the setting its index names', () => {
    const axis = gridAxis('hpa.maxReplicas', 'HorizontalPodAutoscaler/web', ['spec', 'maxReplicas'], [3, 4]);
    const id = { ...identity(), axes: [axis], settings: 2 };
    const row = (i: number): SweepRow => ({ index: i, id: settingAt([axis], i).id, values: settingAt([axis], i).values, row: figures() });
    const edited = { ...row(1), values: ['9'] };
    const parts: PartFolder[] = [0, 1].map((shard) => ({ dir: `parts/${shard}`, part: { format: 'scalesim-sweep-part/1', identity: id, shards: 2, shard, rows: [shard === 1 ? edited : row(0)] } }));
    expect(problems(parts)).toEqual([`parts/1: setting #1 has id ${row(1).id} and values 9; the sweep's setting #1 is ${row(1).id} (hpa.maxReplicas=4): the part was edited or belongs to another grid`]);
    expect(mergeParts([parts[0]!, { ...parts[1]!, part: { ...parts[1]!.part, rows: [row(1)] } }]).rows.map((r) => r.values)).toEqual([['3'], ['4']]);
  });

  it('refuses figures that are missing or of the wrong type, naming the part, the row and what was expected (exit 2, not a TypeError)', () => {
    const dir = join(work, 'edited');
    mkdirSync(dir);
    const rows = shardIndexes(7, 3, 0).map(rowOf);
    rows[1] = { ...rows[1]!, row: { ...rows[1]!.row, p95Ms: 'abc' as unknown as number } };
    const { meanReplicas: _gone, ...rest } = rows[2]!.row;
    rows[2] = { ...rows[2]!, row: rest as SweepRow['row'] };
    writeFileSync(join(dir, 'sweep-part.json'), JSON.stringify({ ...part(0).part, rows }));
    let error: unknown;
    try {
      readShardPart(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as UserInputError).problems.map((p) => [p.file, p.field, p.message])).toEqual([
      [join(dir, 'sweep-part.json'), 'rows[1] (setting #3)', 'row.p95Ms: expected milliseconds (0 or more), or null, got "abc"'],
      [join(dir, 'sweep-part.json'), 'rows[2] (setting #6)', 'row.meanReplicas: expected replicas (0 or more), got nothing'],
    ]);
  });
});

describe('readShardPart', () => {
  it('reads a part written to a folder and refuses what is not one', () => {
    const good = join(work, 'good');
    mkdirSync(good);
    writeFileSync(join(good, 'sweep-part.json'), JSON.stringify(part(0).part));
    expect(readShardPart(good).shard).toBe(0);
    expect(() => readShardPart(join(work, 'missing'))).toThrow(/does not exist/);
    const empty = join(work, 'empty');
    mkdirSync(empty);
    expect(() => readShardPart(empty)).toThrow(/no sweep-part.json/);
    const bad = join(work, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'sweep-part.json'), '{"format":"scalesim-sweep-part/1"');
    expect(() => readShardPart(bad)).toThrow(UserInputError);
    writeFileSync(join(bad, 'sweep-part.json'), JSON.stringify({ ...part(0).part, shard: 5 }));
    expect(() => readShardPart(bad)).toThrow(/0 ≤ shard < shards/);
  });
});
