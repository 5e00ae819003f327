/**
 * `scalesim run` without a browser: the run succeeds, writes report.md and the .mmd charts, and
 * says in one line how to get report.html; `--no-report` writes no report; an unknown format is
 * bad input (exit 2).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-nobrowser-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** runCli with PUPPETEER_EXECUTABLE_PATH pointing nowhere (the child inherits process.env). */
function runWithoutBrowser(args: string[]): ReturnType<typeof runCli> {
  const saved = process.env['PUPPETEER_EXECUTABLE_PATH'];
  process.env['PUPPETEER_EXECUTABLE_PATH'] = join(work, 'no-chromium-here');
  try {
    return runCli(args);
  } finally {
    if (saved === undefined) delete process.env['PUPPETEER_EXECUTABLE_PATH'];
    else process.env['PUPPETEER_EXECUTABLE_PATH'] = saved;
  }
}

describe('the report without a browser', () => {
  it('still succeeds, writes report.md and the .mmd files, and prints one line on how to get report.html', () => {
    const out = join(work, 'a');
    const r = runWithoutBrowser(['run', 'scenarios/nginx-hpa-cpu', '--out', out, '--no-progress', '--duration', '10m']);
    expect(r.status).toBe(0);
    expect(readdirSync(out).filter((f) => f.startsWith('report'))).toEqual(['report-load-nginx.mmd', 'report-nodes.mmd', 'report-replicas-nginx.mmd', 'report.md']);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^report\.html skipped: no Chromium at PUPPETEER_EXECUTABLE_PATH=.*apt-get install chromium, or set PUPPETEER_EXECUTABLE_PATH\)$/);
    expect(r.stdout).toContain(join(out, 'report.md'));
  });

  it('writes no report with --no-report, and rejects an unknown format as bad input', () => {
    const out = join(work, 'b');
    expect(runWithoutBrowser(['run', 'scenarios/nginx-hpa-cpu', '--out', out, '--no-progress', '--duration', '5m', '--no-report']).status).toBe(0);
    expect(readdirSync(out).filter((f) => f.startsWith('report'))).toEqual([]);
    const bad = runWithoutBrowser(['run', 'scenarios/nginx-hpa-cpu', '--out', join(work, 'c'), '--report', 'md,pdf']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown report format "pdf" (known: md, html)');
  });
});
