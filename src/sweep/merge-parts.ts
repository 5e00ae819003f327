/**
 * Merges the parts of a sharded sweep into the rows of the whole sweep, after checking they belong
 * together: one fingerprint (same inputs, grid, seed, duration, scalesim version), one shard count,
 * every shard index exactly once, and each part holding exactly its shard's settings. Every problem
 * found is reported together (exit code 2).
 */
import { UserInputError, type InputProblem } from '../errors/user-input-error.js';
import { settingAt, shardIndexes } from './settings.js';
import type { ShardPart } from './shard-part.js';
import type { SweepIdentity } from './sweep-identity.js';
import type { SweepRow } from './sweep-row.js';

export interface PartFolder {
  dir: string;
  part: ShardPart;
}

function listIndexes(indexes: readonly number[]): string {
  return indexes.length <= 12 ? indexes.join(', ') : `${indexes.slice(0, 12).join(', ')}, … (${indexes.length} in all)`;
}

/** What differs between the identities of parts of different sweeps, as a user would name it. */
function differences(ids: readonly SweepIdentity[]): string {
  const varies = (key: (id: SweepIdentity) => unknown): boolean => new Set(ids.map((id) => JSON.stringify(key(id)))).size > 1;
  const named = [
    varies((id) => id.scenario) ? 'scenario' : undefined,
    varies((id) => id.seed) ? 'seed' : undefined,
    varies((id) => id.durationSeconds) ? 'duration' : undefined,
    varies((id) => id.workloads ?? null) ? 'workload focus (--workload)' : undefined,
    varies((id) => id.axes.map((a) => [a.name, a.values.map((v) => v.text)])) ? 'grid' : undefined,
    varies((id) => id.scalesimVersion) ? 'scalesim version' : undefined,
  ].filter((x): x is string => x !== undefined);
  return named.length > 0 ? named.join(', ') : "the scenario's files or scalesim's build";
}

export function mergeParts(parts: readonly PartFolder[]): { identity: SweepIdentity; rows: SweepRow[] } {
  const problems: InputProblem[] = [];
  const first = parts[0];
  if (!first) throw new UserInputError({ file: '(command line)', message: 'merge needs at least one shard part folder' });
  const fingerprints = new Set(parts.map((p) => p.part.identity.fingerprint));
  if (fingerprints.size > 1) {
    const differ = differences(parts.map((p) => p.part.identity));
    for (const p of parts) {
      const id = p.part.identity;
      problems.push({
        file: p.dir,
        message: `fingerprint ${id.fingerprint.slice(0, 12)} (scenario ${id.scenario}, seed ${id.seed ?? 'per setting'}, grid ${id.axes.map((a) => a.name).join(' × ')}${id.workloads ? `, workloads ${id.workloads.join(',')}` : ''}, shard ${p.part.shard}/${p.part.shards}): the parts come from ${fingerprints.size} different sweeps (they differ in ${differ}); expected one fingerprint`,
      });
    }
    throw new UserInputError(problems);
  }
  const shards = first.part.shards;
  for (const p of parts) {
    if (p.part.shards !== shards) problems.push({ file: p.dir, message: `is shard ${p.part.shard} of ${p.part.shards}, but ${first.dir} is of ${shards}: expected one --shards count` });
  }
  if (problems.length > 0) throw new UserInputError(problems);
  const byShard = new Map<number, string[]>();
  for (const p of parts) byShard.set(p.part.shard, [...(byShard.get(p.part.shard) ?? []), p.dir]);
  for (const [shard, dirs] of byShard) {
    if (dirs.length > 1) problems.push({ file: '(command line)', message: `shard ${shard} of ${shards} is given ${dirs.length} times (${dirs.join(', ')}): expected each shard once` });
  }
  const missing = Array.from({ length: shards }, (_, i) => i).filter((i) => !byShard.has(i));
  if (missing.length > 0) problems.push({ file: '(command line)', message: `missing shard${missing.length > 1 ? 's' : ''} ${listIndexes(missing)} of ${shards}: expected every shard 0–${shards - 1} once` });
  const count = first.part.identity.settings;
  for (const p of parts) {
    const expected = shardIndexes(count, shards, p.part.shard);
    const got = new Set(p.part.rows.map((r) => r.index));
    const absent = expected.filter((i) => !got.has(i));
    const foreign = [...got].filter((i) => i % shards !== p.part.shard || i >= count);
    if (absent.length > 0) problems.push({ file: p.dir, message: `shard ${p.part.shard} lacks setting${absent.length > 1 ? 's' : ''} ${listIndexes(absent)}: the part is incomplete` });
    if (foreign.length > 0) problems.push({ file: p.dir, message: `shard ${p.part.shard} holds settings ${listIndexes(foreign)} of another shard` });
    if (got.size !== p.part.rows.length) problems.push({ file: p.dir, message: `shard ${p.part.shard} holds a setting twice` });
    // Each row is the setting its index names: the same id and grid values the sweep gives it.
    for (const r of p.part.rows) {
      if (r.index >= count) continue;
      const setting = settingAt(first.part.identity.axes, r.index);
      if (r.id !== setting.id || JSON.stringify(r.values) !== JSON.stringify(setting.values)) {
        problems.push({ file: p.dir, message: `setting #${r.index} has id ${r.id} and values ${r.values.join(', ')}; the sweep's setting #${r.index} is ${setting.id} (${setting.label}): the part was edited or belongs to another grid` });
      }
    }
  }
  if (problems.length > 0) throw new UserInputError(problems);
  const rows = parts.flatMap((p) => p.part.rows).sort((a, b) => a.index - b.index);
  return { identity: first.part.identity, rows };
}
