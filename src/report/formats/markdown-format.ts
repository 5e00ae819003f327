/** The `md` report format: report.md (GitHub renders its Mermaid blocks) and one .mmd file per chart. */
import { mermaidFileName, type ReportFormat } from './report-format.js';

export const MARKDOWN_FORMAT: ReportFormat = {
  name: 'md',
  description: 'report.md with Mermaid charts, and report-<chart>.mmd sources',
  write: async (report, out) => {
    out.writeText('report.md', report.markdown);
    const files = ['report.md'];
    for (const chart of report.charts) {
      const name = mermaidFileName(chart.name);
      out.writeText(name, `${chart.mermaid}\n`);
      files.push(name);
    }
    return { files };
  },
};
