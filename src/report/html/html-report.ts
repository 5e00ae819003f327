/**
 * report.html: the Markdown report with its charts rendered to SVG in headless Chromium and
 * inlined. Never throws: without a browser, or when rendering fails, it says why in one line.
 * The page builder and marked are imported when a page is made: marked builds its patterns when
 * loaded (about 10 ms), which every other process of the bundle (a run without report.html, the
 * benchmark, a sweep's workers) would otherwise pay at start-up.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportChart } from '../formats/report-format.js';
import { findBrowser } from '../render/find-browser.js';
import { launchHeadless } from '../render/launch-browser.js';
import { renderMermaidSvgs } from '../render/render-mermaid.js';

export type HtmlReportResult = { ok: true; html: string } | { ok: false; reason: string };

export interface HtmlReportOptions {
  /** Where to look for the browser (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

function titleOf(markdown: string): string {
  return /^# (.+)$/m.exec(markdown)?.[1]?.replace(/\\(.)/g, '$1') ?? 'scalesim report';
}

/** The page's HTML, or why it could not be made (no browser, a launch or Mermaid error). */
export async function renderHtmlReport(markdown: string, charts: readonly ReportChart[], options: HtmlReportOptions = {}): Promise<HtmlReportResult> {
  let svgs = new Map<string, string>();
  if (charts.length > 0) {
    const lookup = findBrowser(options.env);
    if (!lookup.found) return { ok: false, reason: lookup.reason };
    try {
      const headless = await launchHeadless(lookup.executablePath);
      try {
        svgs = await renderMermaidSvgs(headless, charts);
      } finally {
        await headless.close();
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, reason: `rendering the charts failed: ${message.split('\n')[0]}` };
    }
  }
  const rendered = charts.map((c) => ({ ...c, svg: svgs.get(c.name) ?? '' }));
  const [{ buildHtmlPage }, { markdownToHtml }] = await Promise.all([import('./html-page.js'), import('./markdown-to-html.js')]);
  return { ok: true, html: buildHtmlPage(titleOf(markdown), markdownToHtml(markdown, rendered)) };
}

/** Writes `<outDir>/report.html`; on failure writes nothing and returns the reason. */
export async function writeHtmlReport(
  markdown: string,
  charts: readonly ReportChart[],
  outDir: string,
  options: HtmlReportOptions = {},
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const result = await renderHtmlReport(markdown, charts, options);
  if (!result.ok) return result;
  try {
    writeFileSync(join(outDir, 'report.html'), result.html);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `writing report.html failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
