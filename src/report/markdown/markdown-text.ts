/**
 * Free text in report.md — names from the command line and the scenarios (variants, workloads,
 * HPAs, ScaledObjects, pools, sweep settings), paths, warnings — made inert in Markdown: each
 * character that can format, link, open HTML or end a table cell is backslash-escaped (CommonMark
 * lets any ASCII punctuation be, GitHub and marked alike), and a line break becomes a space, so the
 * text shows as written in a heading, a paragraph or a table cell. Letters, digits, spaces and the
 * other punctuation (`-`, `.`, `/`, `:`, `=`, …) are left alone: a Kubernetes name comes out
 * unchanged. The report's own Markdown (headings, links, `**total**`, a table's figures) is not
 * passed through it; a plain sentence that quotes names (a warning, a note) is, whole.
 */

/** A link to a file beside report.md, its name as the text: `[cost.csv](cost.csv)`. */
export function fileLink(file: string): string {
  return `[${file}](${encodeURI(file)})`;
}

/**
 * What formats, and why: `\` escapes; `` ` `` code; `*` `_` emphasis; `~` strikethrough (GFM);
 * `[` `]` links; `<` `>` HTML, autolinks and block quotes; `|` a table cell's end; `#` a heading's
 * closing sequence; `&` an entity (`&amp;`); `$` math on GitHub.
 */
const FORMATTING = /[\\`*_~[\]<>|#&$]/g;

export function escapeMarkdownText(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(FORMATTING, '\\$&');
}
