/**
 * The examples `--help` prints are meant to be pasted: a `merge` example reads only part folders
 * that the examples before it in the same help write, merge's own examples run as printed in an
 * empty folder (through bash, loops and globs included), and the top-level `run` example runs
 * without a warning (a --duration past the scenario's trace warns that its rate is 0 afterwards).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-help-examples-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The `$ …` lines under "Examples:" in a command's --help, without the prompt. */
function examples(command: string[]): string[] {
  const r = runCli([...command, '--help']);
  expect(r.status).toBe(0);
  return r.stdout
    .split('\n')
    .filter((line) => line.startsWith('  $ '))
    .map((line) => line.slice(4));
}

/** The --out folders an example writes, with a `for i in 0 1 …` loop's `$i` expanded. */
function outFolders(example: string): string[] {
  const out = /--out ([^\s;]+)/.exec(example)?.[1];
  if (out === undefined) return [];
  const loop = /^for i in ([\d ]+); do/.exec(example)?.[1];
  return loop === undefined ? [out] : loop.trim().split(/\s+/).map((i) => out.replace('$i', i));
}

/** The part folders a `scalesim merge` example reads (its arguments before the first option). */
function mergeInputs(example: string): string[] {
  const args = example.replace(/^scalesim merge /, '').split(/\s+/);
  return args.slice(0, args.findIndex((a) => a.startsWith('--')));
}

/** Whether `pattern` (a folder, or a `*` glob over folders) matches one of `folders`. */
function matchesSome(pattern: string, folders: readonly string[]): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
  return folders.some((f) => re.test(f));
}

describe.each([[['sweep']], [['merge']]])('%j --help', (command) => {
  it('merges only parts that the examples before it write', () => {
    const written: string[] = [];
    const merges = examples(command).filter((example) => {
      if (example.startsWith('scalesim merge ')) {
        for (const part of mergeInputs(example)) expect(matchesSome(part, written), `${example}: ${part}`).toBe(true);
        return true;
      }
      written.push(...outFolders(example));
      return false;
    });
    expect(merges.length).toBeGreaterThan(0);
  });
});

describe('examples run as printed', () => {
  it("merge's, one after the other in an empty folder", () => {
    const dir = join(work, 'merge');
    spawnSync('mkdir', ['-p', dir]);
    symlinkSync(join(ROOT, 'scenarios'), join(dir, 'scenarios'));
    const script = [`scalesim() { node ${JSON.stringify(join(ROOT, 'dist', 'cli', 'main.js'))} "$@"; }`, 'set -e', ...examples(['merge'])].join('\n');
    const r = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('merged 2 parts of sweep nginx-hpa-cpu: 3 settings');
    expect(r.stdout).toMatch(/cheapest setting meeting p95<8ms,served>=99.9%/);
  });

  it('the top-level run example, without a warning', () => {
    const [example] = examples([]).filter((e) => e.includes('--duration'));
    expect(example).toBeDefined();
    // As printed, but into this test's folder rather than /tmp/nginx, and without the browser's report.
    const args = example!.replace(/^scalesim /, '').replace('/tmp/nginx', join(work, 'nginx')).split(' ');
    const r = runCli([...args, '--no-report']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/trace ends at/);
  });
});
