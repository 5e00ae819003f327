/** Trace parses kept across loads in one process: a reload of the same text reuses them, an edited file is read anew. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/errors/user-input-error.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { baseFiles } from './helpers/base-scenario.js';
import { lines, removeFolder, writeScenarioFolder } from './helpers/scenario-folder.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await removeFolder(d);
});

async function folder(): Promise<string> {
  const dir = await writeScenarioFolder(baseFiles());
  dirs.push(dir);
  return dir;
}

const rates = async (dir: string): Promise<number[]> => [...(await loadScenario(dir)).traces[0]!.rate.values];

describe('trace files loaded again in one process', () => {
  it('gives the same rates on a second load', async () => {
    const dir = await folder();
    const first = await rates(dir);
    expect(first).toEqual([1, 2, 1.5]);
    expect(await rates(dir)).toEqual(first);
  });

  it('reads an edited file anew, whether its length changed or not', async () => {
    const dir = await folder();
    await rates(dir);
    const trace = path.join(dir, 'traces/web.csv');
    await writeFile(trace, lines('timestamp,value', '2024-01-01T00:00:00Z,30', '2024-01-01T00:01:00Z,120', '2024-01-01T00:02:00Z,90'));
    expect(await rates(dir)).toEqual([0.5, 2, 1.5]);
    await writeFile(trace, lines('timestamp,value', '2024-01-01T00:00:00Z,30', '2024-01-01T00:01:00Z,120'));
    expect(await rates(dir)).toEqual([0.5, 2]);
  });

  it('reports a file broken after a good load, with its line', async () => {
    const dir = await folder();
    await rates(dir);
    await writeFile(path.join(dir, 'traces/web.csv'), lines('timestamp,value', '2024-01-01T00:00:00Z,30', '2024-01-01T00:01:00Z,lots'));
    const error = await loadScenario(dir).then(() => undefined, (e: unknown) => e);
    expect(isUserInputError(error)).toBe(true);
    expect(JSON.stringify((error as { problems: unknown }).problems)).toMatch(/web\.csv.*"line":3/);
  });
});
