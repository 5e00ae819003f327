/**
 * Report formats by name (`--report md,html`): one file per format, one entry here, one test.
 * Formats write in the order given; a notice from one never stops the others.
 */
import { UserInputError } from '../../errors/user-input-error.js';
import { HTML_FORMAT } from './html-format.js';
import { MARKDOWN_FORMAT } from './markdown-format.js';
import type { RenderedReport, ReportFormat, ReportOutput } from './report-format.js';

export const REPORT_FORMATS: ReadonlyMap<string, ReportFormat> = new Map([MARKDOWN_FORMAT, HTML_FORMAT].map((f) => [f.name, f]));

/** Formats written when none are named. */
export const DEFAULT_REPORT_FORMATS: readonly string[] = Object.freeze(['md', 'html']);

/** The formats named in a comma-separated list; an unknown name is a user error listing the known ones. */
export function resolveReportFormats(list: string, field = '--report'): ReportFormat[] {
  const names = [...new Set(list.split(',').map((n) => n.trim()).filter((n) => n.length > 0))];
  if (names.length === 0) {
    throw new UserInputError({ file: '(command line)', field, message: `expected one or more report formats (${[...REPORT_FORMATS.keys()].join(', ')}), got "${list}"`, hint: 'give --no-report to write no report' });
  }
  return names.map((name) => {
    const format = REPORT_FORMATS.get(name);
    if (format === undefined) {
      throw new UserInputError({ file: '(command line)', field, message: `unknown report format "${name}" (known: ${[...REPORT_FORMATS.keys()].join(', ')})` });
    }
    return format;
  });
}

export interface WrittenReport {
  files: string[];
  /** One line each, for the user (e.g. why report.html was skipped). */
  notices: string[];
}

/** Writes the report in every format, in order. */
export async function writeReport(report: RenderedReport, formats: readonly ReportFormat[], out: ReportOutput): Promise<WrittenReport> {
  const written: WrittenReport = { files: [], notices: [] };
  for (const format of formats) {
    const outcome = await format.write(report, out);
    written.files.push(...outcome.files);
    if (outcome.notice !== undefined) written.notices.push(outcome.notice);
  }
  return written;
}
