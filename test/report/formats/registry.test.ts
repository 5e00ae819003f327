/** The report-format registry: md and html by name, unknown names rejected, formats written in order. */
import { describe, expect, it } from 'vitest';
import { BROWSER_HINT } from '../../../src/report/render/find-browser.js';
import { UserInputError } from '../../../src/errors/user-input-error.js';
import { DEFAULT_REPORT_FORMATS, REPORT_FORMATS, resolveReportFormats, writeReport } from '../../../src/report/formats/registry.js';
import type { RenderedReport } from '../../../src/report/formats/report-format.js';

const REPORT: RenderedReport = { markdown: '# r\n', charts: [{ name: 'load-web', mermaid: 'xychart-beta\n  line [1, 2]' }] };

function memoryOutput(): { files: Map<string, string>; writeText(name: string, content: string): void } {
  const files = new Map<string, string>();
  return { files, writeText: (name, content) => files.set(name, content) };
}

describe('report formats', () => {
  it('knows md and html, both written by default', () => {
    expect([...REPORT_FORMATS.keys()]).toEqual(['md', 'html']);
    expect(DEFAULT_REPORT_FORMATS).toEqual(['md', 'html']);
    expect(resolveReportFormats('html, md,md').map((f) => f.name)).toEqual(['html', 'md']);
  });

  it('rejects an unknown format as bad input, naming the known ones', () => {
    expect(() => resolveReportFormats('md,pdf')).toThrow(UserInputError);
    expect(() => resolveReportFormats('pdf')).toThrow(/unknown report format "pdf" \(known: md, html\)/);
  });

  it('md writes report.md and one .mmd per chart', async () => {
    const out = memoryOutput();
    expect(await writeReport(REPORT, resolveReportFormats('md'), out)).toEqual({ files: ['report.md', 'report-load-web.mmd'], notices: [] });
    expect(out.files.get('report.md')).toBe('# r\n');
    expect(out.files.get('report-load-web.mmd')).toBe('xychart-beta\n  line [1, 2]\n');
  });

  it('html without a browser writes nothing and leaves one notice line', async () => {
    const saved = process.env['PUPPETEER_EXECUTABLE_PATH'];
    process.env['PUPPETEER_EXECUTABLE_PATH'] = '/nonexistent/chromium';
    try {
      const out = memoryOutput();
      const written = await writeReport(REPORT, resolveReportFormats('md,html'), out);
      expect(written.files).toEqual(['report.md', 'report-load-web.mmd']);
      expect(written.notices).toEqual([`report.html skipped: no Chromium at PUPPETEER_EXECUTABLE_PATH=/nonexistent/chromium (${BROWSER_HINT})`]);
      expect(out.files.has('report.html')).toBe(false);
    } finally {
      if (saved === undefined) delete process.env['PUPPETEER_EXECUTABLE_PATH'];
      else process.env['PUPPETEER_EXECUTABLE_PATH'] = saved;
    }
  });
});
