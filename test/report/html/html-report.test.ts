/**
 * report.html without a browser: a reason, never an exception; with no chart no browser is needed.
 * (Real rendering in headless Chromium is tested in test/e2e/report-html.test.ts.)
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BROWSER_HINT } from '../../../src/report/render/find-browser.js';
import { renderHtmlReport, writeHtmlReport } from '../../../src/report/html/html-report.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-html-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const CHART = { name: 'load', mermaid: 'xychart-beta\n  line [1, 2]' };
const NO_BROWSER = { PUPPETEER_EXECUTABLE_PATH: join(work, 'no-such-chromium') };

describe('renderHtmlReport', () => {
  it('gives the reason when the browser is missing, and writeHtmlReport writes nothing', async () => {
    const result = await renderHtmlReport('# r\n\n```mermaid\nxychart-beta\n  line [1, 2]\n```\n', [CHART], { env: NO_BROWSER });
    expect(result).toEqual({ ok: false, reason: `no Chromium at PUPPETEER_EXECUTABLE_PATH=${NO_BROWSER.PUPPETEER_EXECUTABLE_PATH} (${BROWSER_HINT})` });
    expect(await writeHtmlReport('# r\n', [CHART], work, { env: NO_BROWSER })).toMatchObject({ ok: false });
    expect(readdirSync(work)).toEqual([]);
  });

  it('needs no browser for a report without charts', async () => {
    const result = await renderHtmlReport('# scalesim report: x\n\nNo charts.\n', [], { env: NO_BROWSER });
    expect(result.ok).toBe(true);
    expect(result.ok && result.html).toContain('<title>scalesim report: x</title>');
    expect(await writeHtmlReport('# x\n', [], work, { env: NO_BROWSER })).toEqual({ ok: true });
    expect(readdirSync(work)).toEqual(['report.html']);
  });
});
