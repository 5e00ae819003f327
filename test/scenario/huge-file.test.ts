/**
 * A 1 GB trace (a sparse file: no disk is used) is refused with a clear message naming the file
 * and the limit, before anything is read into memory.
 */
import { openSync, closeSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/errors/user-input-error.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { BASE_DEPLOYMENT, BASE_SCENARIO } from './helpers/base-scenario.js';
import { removeFolder, writeScenarioFolder } from './helpers/scenario-folder.js';

describe('a 1 GB trace file', () => {
  it('is refused with the file, its size and the limit', async () => {
    const dir = await writeScenarioFolder({ 'scenario.yaml': BASE_SCENARIO, 'manifests/web.yaml': BASE_DEPLOYMENT, 'traces/web.csv': '' });
    try {
      const fd = openSync(join(dir, 'traces', 'web.csv'), 'r+');
      ftruncateSync(fd, 1024 ** 3);
      closeSync(fd);
      const error = await loadScenario(dir).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isUserInputError(error)).toBe(true);
      if (isUserInputError(error)) {
        // Reported where the trace is bound: scenario.yaml's spec.traces.<name>.file.
        const problem = error.problems.find((p) => p.field === 'spec.traces.web.file');
        expect(problem?.message).toMatch(/file is 1024 MiB; scalesim reads input files up to 256 MiB/);
        expect(problem?.hint).toMatch(/cut the trace/);
      }
    } finally {
      await removeFolder(dir);
    }
  });
});
