/**
 * Results are replaced whole or not at all: a run killed with SIGKILL mid-way leaves the previous
 * results byte-identical, and the next run cleans up the temporary folder the killed one left; a run
 * or comparison stopped with Ctrl-C or SIGTERM removes its own temporary folder at once.
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

describe('Ctrl-C or SIGTERM during a run or a comparison', () => {
  it.each([
    ['run', 'SIGINT', 130],
    ['run', 'SIGTERM', 143],
    ['compare', 'SIGINT', 130],
  ] as const)('%s stopped by %s removes its temporary folder and leaves the previous results as they were', async (command, signal, code) => {
    const out = join(work, `stopped-${command}-${signal}`);
    expect(runCli(['run', 'scenarios/nginx-hpa-cpu', '--out', out, '--no-report']).status).toBe(0);
    const before = snapshot(out);
    // Years of simulated time: it is still running when stopped.
    const args = command === 'run' ? ['run', 'scenarios/nasa-diurnal', '--duration', '3000d'] : ['compare', 'scenarios/nasa-diurnal', '--variant', 'b=scenario:spec.outputInterval=10m', '--duration', '3000d'];
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...args, '--out', out, '--no-report', ...(command === 'run' ? ['--no-progress'] : [])], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const prefix = `.scalesim-tmp-stopped-${command}-${signal}-`;
    const started = Date.now();
    while (!readdirSync(work).some((f) => f.startsWith(prefix)) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));
    child.kill(signal);
    expect(await exited, stderr).toBe(code);
    expect(stderr).toContain(`stopped (${signal}): nothing written to ${out}; earlier results there are untouched`);
    expect(readdirSync(work).filter((f) => f.startsWith(prefix))).toEqual([]);
    expect(snapshot(out)).toEqual(before);
  });
});
