/**
 * One shard's part of a distributed sweep (`sweep --shards N --shard i`): the folder holds
 * sweep-part.json — the sweep's identity (fingerprint, grid, seed, duration), the shard count and
 * index, and the rows of the settings with index % N === i — which `scalesim merge` reads back.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserInputError } from '../errors/user-input-error.js';
import type { ResultsFolder } from '../report/results-folder.js';
import { rowFiguresProblem } from './row-figures-check.js';
import type { SweepIdentity } from './sweep-identity.js';
import type { SweepRow } from './sweep-row.js';

export const PART_FILE = 'sweep-part.json';
const FORMAT = 'scalesim-sweep-part/1';

export interface ShardPart {
  format: typeof FORMAT;
  identity: SweepIdentity;
  shards: number;
  shard: number;
  rows: SweepRow[];
}

export function writeShardPart(folder: ResultsFolder, identity: SweepIdentity, shards: number, shard: number, rows: readonly SweepRow[]): void {
  const part: ShardPart = { format: FORMAT, identity, shards, shard, rows: [...rows].sort((a, b) => a.index - b.index) };
  folder.writeText(PART_FILE, `${JSON.stringify(part, null, 2)}\n`);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Reads the part in `dir`; anything that is not a part written by `sweep --shards` is bad input (exit 2). */
export function readShardPart(dir: string): ShardPart {
  const file = join(dir, PART_FILE);
  const fail = (message: string): never => {
    throw new UserInputError({ file, message, hint: 'pass the --out folders of `scalesim sweep … --shards N --shard i` runs' });
  };
  if (!existsSync(file)) fail(existsSync(dir) ? `no ${PART_FILE} in ${dir}: expected a shard part folder` : `folder ${dir} does not exist`);
  let part: Partial<ShardPart>;
  try {
    part = JSON.parse(readFileSync(file, 'utf8')) as Partial<ShardPart>;
  } catch (error) {
    return fail(`not valid JSON: ${(error as Error).message}`);
  }
  if (part.format !== FORMAT) fail(`expected format "${FORMAT}", got ${JSON.stringify(part.format)}`);
  const id = part.identity;
  if (!id || typeof id.fingerprint !== 'string' || !Array.isArray(id.axes) || !isInt(id.settings)) fail('expected identity with fingerprint, axes and settings');
  if (!isInt(part.shards) || part.shards < 1 || !isInt(part.shard) || part.shard >= part.shards) fail('expected shards ≥ 1 and 0 ≤ shard < shards');
  if (!Array.isArray(part.rows) || part.rows.some((r) => !isInt(r?.index) || typeof r.id !== 'string' || !Array.isArray(r.values) || typeof r.row !== 'object')) fail('expected rows with index, id, values and row');
  // Every figure whole: a part edited by hand or cut short must not reach the merged outputs.
  const problems = part.rows!.flatMap((r, i) => {
    const problem = rowFiguresProblem(r.row);
    return problem === undefined ? [] : [{ file, field: `rows[${i}] (setting #${r.index})`, message: problem, hint: 'run that shard again to rewrite its part' }];
  });
  if (problems.length > 0) throw new UserInputError(problems);
  return part as ShardPart;
}
