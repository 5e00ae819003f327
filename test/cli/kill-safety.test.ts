/**
 * Results are replaced whole or not at all: a run killed with SIGKILL mid-way leaves the previous
 * results byte-identical, and the next run cleans up the temporary folder the killed one left.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-kill-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('SIGKILL during a run', () => {
  it('leaves the previous results byte-identical; the next run removes the stale temporary folder', async () => {
    const out = join(work, 'out');
    expect(runCli(['run', 'scenarios/nginx-hpa-cpu', '--out', out, '--no-report']).status).toBe(0);
    const before = snapshot(out);
    // A long run into the same folder, killed once it has started writing its temporary folder.
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'run', 'scenarios/nasa-diurnal', '--out', out, '--no-progress', '--no-report'], { cwd: ROOT, stdio: 'ignore' });
    const started = Date.now();
    while (!readdirSync(work).some((f) => f.startsWith('.scalesim-tmp-out-')) && Date.now() - started < 20_000) {
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(work).some((f) => f.startsWith('.scalesim-tmp-out-'))).toBe(true);
    expect(runCli(['run', 'scenarios/nginx-hpa-cpu', '--out', out, '--duration', '5m', '--no-report']).status).toBe(0);
    expect(readdirSync(work).filter((f) => f.startsWith('.scalesim-'))).toEqual([]);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  });
});
