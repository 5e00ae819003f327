/**
 * report.html as a person opens it: a bundled scenario is run through the built CLI, the page is
 * opened in headless Chromium, every chart must be an SVG (as many as report.md has mermaid
 * blocks) and the page must log no error and request nothing outside itself. A full-page
 * screenshot is left in $TMPDIR/scalesim-e2e-report/<scenario>/report.png to look at.
 *
 * Without Chromium this test FAILS when CI is set (CI must exercise the real rendering; .ci/run
 * installs Debian's chromium) and is skipped on a developer machine where CI is unset.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/report/render/find-browser.js';
import { launchHeadless } from '../../src/report/render/launch-browser.js';
import { runCli } from '../helpers/run-cli.js';

const browser = findBrowser();
const inCi = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';
const WORK = join(tmpdir(), 'scalesim-e2e-report');

const CASES: [string, string[], string[]][] = [
  ['nginx-hpa-cpu', [], ['load-nginx', 'replicas-nginx', 'nodes']],
  // Every chart kind: reserved and virtual capacity, cost in CNY, backlog.
  ['active-users-eci', ['--duration', '3d'], ['load-chat-backend', 'replicas-chat-backend', 'nodes', 'cost-cny', 'backlog']],
];

interface PageCheck {
  figures: number;
  svgs: { chart: string; width: number; height: number; lines: number; title: string }[];
}

describe.skipIf(!browser.found && !inCi)('report.html in headless Chromium', () => {
  it.each(CASES)('%s: every chart is an SVG, no console errors, a readable screenshot', async (scenario, flags, expected) => {
    if (!browser.found) throw new Error(`CI is set but no browser was found: ${browser.reason}. .ci/run must install Debian's chromium.`);
    const out = join(WORK, scenario);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    const run = runCli(['run', `scenarios/${scenario}`, '--out', out, '--no-progress', ...flags]);
    expect(run.stderr).not.toContain('report.html skipped');
    expect(run.status).toBe(0);
    const markdown = readFileSync(join(out, 'report.md'), 'utf8');
    const blocks = [...markdown.matchAll(/^```mermaid$/gm)].length;
    expect(blocks).toBe(expected.length);

    const headless = await launchHeadless(browser.executablePath);
    try {
      const page = await headless.browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
      page.on('request', (r) => {
        if (!r.url().startsWith('file://') && !r.url().startsWith('data:')) problems.push(`request outside the page: ${r.url()}`);
      });
      await page.setViewport({ width: 1100, height: 900 });
      await page.goto(pathToFileURL(join(out, 'report.html')).href, { waitUntil: 'load' });
      const check = (await page.evaluate(`(() => {
        const figures = [...document.querySelectorAll('figure.chart')];
        return {
          figures: figures.length,
          svgs: figures.map((f) => {
            const svg = f.querySelector(':scope > svg');
            const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
            return {
              chart: f.dataset.chart,
              width: box.width,
              height: box.height,
              lines: svg ? svg.querySelectorAll('[class^="line-plot-"] path').length : 0,
              title: svg ? (svg.querySelector('.chart-title text') || {}).textContent || '' : '',
            };
          }),
        };
      })()`)) as PageCheck;
      await page.screenshot({ path: join(out, 'report.png'), fullPage: true });
      expect(problems).toEqual([]);
      expect(check.figures).toBe(blocks);
      expect(check.svgs.map((s) => s.chart)).toEqual(expected);
      for (const s of check.svgs) {
        expect(s.width, s.chart).toBeGreaterThan(600);
        expect(s.height, s.chart).toBeGreaterThan(250);
        expect(s.lines, s.chart).toBeGreaterThan(0);
        expect(s.title, s.chart).not.toBe('');
      }
    } finally {
      await headless.close();
    }
  });
});
