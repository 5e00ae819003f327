/**
 * Resuming a stopped sweep: a sweep killed (SIGKILL) after some settings finished leaves their rows
 * in the journal; the same command then runs only the others, says how many it resumed, and writes
 * the bytes of an uninterrupted sweep. A journaled row is taken as it is (proof the setting was not
 * run again). A sweep with the grid reordered takes the rows by setting id and writes the bytes of
 * its own uninterrupted sweep; another sweep's journal is refused (exit 2, kept) unless --fresh.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalPath } from '../../src/sweep/journal.js';
import { lockPath } from '../../src/sweep/journal-lock.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-resume-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// nasa-diurnal over one day: about a quarter of a second per setting, 8 settings on one worker.
const SWEEP = ['sweep', 'scenarios/nasa-diurnal', '--grid', 'hpa.targetCPU=40,50,60,70', '--grid', 'hpa.maxReplicas=20,30', '--duration', '1d', '--workers', '1', '--slo', 'p95<300ms', '--no-report'];
const FILES = ['best.json', 'pareto.csv', 'sweep.csv', 'sweep.json'];
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const journalRows = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(1).filter((l) => l.endsWith('}')).length : 0);

/** Starts the sweep and SIGKILLs it once `rows` settings are journaled; resolves with the journal's text. */
function killAfter(out: string, rows: number): Promise<string> {
  const journal = journalPath(out);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...SWEEP, '--out', out, '--no-progress'], { cwd: ROOT, stdio: 'ignore' });
    const timer = setInterval(() => {
      if (journalRows(journal) >= rows) {
        child.kill('SIGKILL');
        clearInterval(timer);
      }
    }, 5);
    child.on('exit', (_code, signal) => {
      clearInterval(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the sweep ended (${signal ?? 'exit'}) before it was killed`));
      else resolve(readFileSync(journal, 'utf8'));
    });
  });
}

describe('resuming a sweep', () => {
  const reference = join(work, 'reference');
  let journalText = '';

  beforeAll(async () => {
    expect(runCli([...SWEEP, '--out', reference]).status).toBe(0);
    journalText = await killAfter(join(work, 'killed'), 2);
  });

  it('runs only the settings the killed sweep did not finish and writes the same bytes', () => {
    const out = join(work, 'killed');
    const done = journalText.split('\n').slice(1).filter((l) => l.endsWith('}')).length;
    expect(done).toBeGreaterThanOrEqual(2);
    expect(done).toBeLessThan(8);
    expect(existsSync(out)).toBe(false);
    const r = runCli([...SWEEP, '--out', out, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ settings: 8, resumed: done, ran: 8 - done });
    for (const f of FILES) expect(read(out, f), f).toBe(read(reference, f));
    expect(existsSync(journalPath(out))).toBe(false);
  });

  it('takes journaled rows as they are instead of running those settings again', () => {
    const out = join(work, 'tampered');
    const lines = journalText.split('\n');
    const row = JSON.parse(lines[1]!) as { index: number; row: { p95Ms: number } };
    row.row.p95Ms = 98765.4;
    lines[1] = JSON.stringify(row);
    writeFileSync(journalPath(out), lines.join('\n'));
    const r = runCli([...SWEEP, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/resuming: \d of 8 settings already done/);
    const line = read(out, 'sweep.csv').split('\n').find((l) => l.startsWith(`${row.index},`))!;
    expect(line).toContain('98765.4');
  });

  it("refuses another sweep's journal, keeping it, and starts over with --fresh", () => {
    const out = join(work, 'other');
    writeFileSync(journalPath(out), journalText);
    const other = runCli([...SWEEP, '--seed', '7', '--out', out, '--json']);
    expect(other.status, other.stderr).toBe(2);
    expect(other.stderr).toMatch(/belongs to another sweep .*holds \d+ finished settings/);
    expect(JSON.parse(other.stdout)).toMatchObject({ ok: false, exitCode: 2 });
    expect(readFileSync(journalPath(out), 'utf8')).toBe(journalText);
    expect(existsSync(out)).toBe(false);
    const fresh = join(work, 'fresh');
    writeFileSync(journalPath(fresh), journalText);
    const r = runCli([...SWEEP, '--out', fresh, '--fresh']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/discarded the journal .*starting fresh/);
    expect(r.stdout).toMatch(/ran 8 on 1 worker/);
    for (const f of FILES) expect(read(fresh, f), f).toBe(read(reference, f));
  });

  it("refuses the journal of the same sweep without --workload: its rows cover every workload, not the focus's", () => {
    const out = join(work, 'focus');
    writeFileSync(journalPath(out), journalText);
    const r = runCli([...SWEEP, '--workload', 'web', '--out', out]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/belongs to another sweep \(other scenario files, seed, duration, --workload focus or scalesim build\)/);
    expect(readFileSync(journalPath(out), 'utf8')).toBe(journalText);
    expect(existsSync(out)).toBe(false);
  });

  it('reuses the finished settings for the same grid in another order, and writes that sweep\'s own bytes', () => {
    const swapped = ['sweep', 'scenarios/nasa-diurnal', '--grid', 'hpa.maxReplicas=20,30', '--grid', 'hpa.targetCPU=40,50,60,70', ...SWEEP.slice(6)];
    const swappedReference = join(work, 'swapped-reference');
    expect(runCli([...swapped, '--out', swappedReference]).status).toBe(0);
    const out = join(work, 'swapped');
    writeFileSync(journalPath(out), journalText);
    const done = journalText.split('\n').slice(1).filter((l) => l.endsWith('}')).length;
    const r = runCli([...swapped, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`reusing ${done} of 8 settings finished by a sweep with another grid`);
    expect(r.stdout).toMatch(new RegExp(`ran ${8 - done} on 1 worker.*resumed ${done}`));
    for (const f of FILES) expect(read(out, f), f).toBe(read(swappedReference, f));
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('stops on %s as a Job pod is stopped, saying what is saved and keeping the journal', async (signal, code) => {
    const out = join(work, `signal-${signal}`);
    const journal = journalPath(out);
    const ended = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...SWEEP, '--out', out, '--no-progress'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setInterval(() => {
        if (journalRows(journal) >= 1) {
          child.kill(signal);
          clearInterval(timer);
        }
      }, 5);
      child.on('exit', (exitCode) => {
        clearInterval(timer);
        resolve({ code: exitCode, stderr });
      });
    });
    expect(ended.code).toBe(code);
    expect(ended.stderr).toMatch(new RegExp(`stopped \\(${signal}\\): \\d of 8 settings are saved in .*run the same command to resume`));
    expect(journalRows(journal)).toBeGreaterThanOrEqual(1);
    expect(existsSync(out)).toBe(false);
    // The lock is released: a process that later takes the stopped sweep's pid cannot block the resume.
    expect(existsSync(lockPath(journal))).toBe(false);
  });

  it('stops cleanly while the report is written: no half-written folder, the lock released, a resume writes the outputs', async () => {
    const out = join(work, 'signal-writing');
    const parent = join(out, '..');
    const base = out.split('/').pop()!;
    const args = ['sweep', 'scenarios/nasa-diurnal', '--grid', 'hpa.targetCPU=50,60', '--duration', '1d', '--report', 'md,html', '--no-progress', '--out', out];
    const ended = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      // report.md is written before report.html renders in Chromium: stop then.
      const timer = setInterval(() => {
        const temp = readdirSync(parent).find((e) => e.startsWith(`.scalesim-tmp-${base}-`));
        if (temp !== undefined && existsSync(join(parent, temp, 'report.md'))) {
          child.kill('SIGINT');
          clearInterval(timer);
        }
      }, 5);
      child.on('exit', (exitCode) => {
        clearInterval(timer);
        resolve({ code: exitCode, stderr });
      });
    });
    expect(ended.code).toBe(130);
    expect(ended.stderr).toMatch(/stopped \(SIGINT\) while writing the outputs \(nothing written to .*\): 2 of 2 settings are saved in .*run the same command to resume/);
    expect(readdirSync(parent).filter((e) => e.startsWith(`.scalesim-tmp-${base}-`))).toEqual([]);
    expect(existsSync(lockPath(journalPath(out)))).toBe(false);
    const again = runCli([...args.slice(0, -5), '--no-report', '--no-progress', '--out', out]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain('resuming: 2 of 2 settings already done');
  });
});
