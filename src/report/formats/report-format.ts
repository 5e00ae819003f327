/**
 * The report-format contract (vitest's reporter map in small): a rendered report — Markdown with
 * its Mermaid charts — goes to each chosen format, which writes its files through a ReportOutput
 * and may return a one-line notice instead of failing the run.
 */

/** One chart of a report: its file-safe name and Mermaid definition (as in report.md). */
export interface ReportChart {
  name: string;
  mermaid: string;
}

/** A run's or a comparison's report, before any format writes it. */
export interface RenderedReport {
  markdown: string;
  charts: ReportChart[];
}

/** Where formats write (ResultsFolder has this shape: files land in the run's folder). */
export interface ReportOutput {
  writeText(name: string, content: string): void;
}

export interface ReportOutcome {
  /** File names written. */
  files: string[];
  /** One line for the user when the format could not write everything (e.g. no browser). */
  notice?: string;
}

export interface ReportFormat {
  /** Name on the command line (`--report md,html`). */
  name: string;
  description: string;
  write(report: RenderedReport, out: ReportOutput): Promise<ReportOutcome>;
}

/** The file a chart's Mermaid source is written to, next to report.md. */
export function mermaidFileName(chartName: string): string {
  return `report-${chartName}.mmd`;
}
