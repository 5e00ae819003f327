/**
 * The `html` report format: report.html, self-contained, with the charts rendered to SVG. Without
 * a browser (or on a rendering error) it writes nothing and returns a one-line notice.
 */
import { renderHtmlReport } from '../html/html-report.js';
import type { ReportFormat } from './report-format.js';

export const HTML_FORMAT: ReportFormat = {
  name: 'html',
  description: 'report.html, self-contained, charts rendered to SVG in headless Chromium',
  write: async (report, out) => {
    const result = await renderHtmlReport(report.markdown, report.charts);
    if (!result.ok) return { files: [], notice: `report.html skipped: ${result.reason}` };
    out.writeText('report.html', result.html);
    return { files: ['report.html'] };
  },
};
