/** Runs the built CLI like test/helpers/run-cli.ts, with extra environment variables (JOB_COMPLETION_INDEX). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, runCli, type CliResult } from '../helpers/run-cli.js';

export function runCliWith(args: string[], env: Record<string, string> = {}): CliResult {
  if (Object.keys(env).length === 0) return runCli(args);
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
