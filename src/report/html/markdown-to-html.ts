/**
 * report.md → the body of report.html (marked, GitHub-flavoured): each ```mermaid block becomes a
 * <figure class="chart"> holding its rendered SVG, raw HTML in the Markdown is shown as text, and
 * in the caption after a chart each coloured square becomes a swatch of its series' exact colour
 * (taken in order from the chart's plotColorPalette).
 */
import { Marked, type Token, type Tokens } from 'marked';
import { SWATCHES } from '../charts/palette.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A chart as report.html holds it: the Mermaid text it came from and its SVG. */
export interface RenderedChart {
  name: string;
  mermaid: string;
  svg: string;
}

type Caption = Tokens.Paragraph & { seriesColours?: string[] };

const SWATCH_PATTERN = new RegExp(SWATCHES.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu');

/** The series colours of a chart definition, in declaration order. */
export function paletteOf(mermaid: string): string[] {
  const list = /"plotColorPalette":"([^"]*)"/.exec(mermaid)?.[1] ?? '';
  return list.split(',').map((c) => c.trim()).filter((c) => /^#[0-9a-fA-F]{3,8}$/.test(c));
}

/** Marks the paragraph right after each chart block with that chart's colours. */
function markCaptions(tokens: Token[]): void {
  tokens.forEach((token, i) => {
    if (token.type !== 'code' || (token as Tokens.Code).lang !== 'mermaid') return;
    const next = tokens.slice(i + 1).find((t) => t.type !== 'space');
    if (next?.type === 'paragraph') (next as Caption).seriesColours = paletteOf((token as Tokens.Code).text);
  });
}

/**
 * The HTML of the Markdown; a mermaid block whose text matches no rendered chart is kept as code
 * (it cannot happen for reports built here: every block comes from a chart).
 */
export function markdownToHtml(markdown: string, charts: readonly RenderedChart[]): string {
  const byText = new Map(charts.map((c) => [c.mermaid.trim(), c]));
  const marked = new Marked({
    gfm: true,
    renderer: {
      code({ text, lang }) {
        const chart = lang === 'mermaid' ? byText.get(text.trim()) : undefined;
        if (chart === undefined) return `<pre><code>${escapeHtml(text)}</code></pre>\n`;
        return `<figure class="chart" data-chart="${escapeHtml(chart.name)}">\n${chart.svg}\n</figure>\n`;
      },
      html({ text }) {
        return escapeHtml(text);
      },
      paragraph(token) {
        const html = this.parser.parseInline(token.tokens);
        const colours = (token as Caption).seriesColours;
        if (colours === undefined) return `<p>${html}</p>\n`;
        let k = 0;
        const painted = html.replace(SWATCH_PATTERN, (swatch) => {
          const hex = colours[k++];
          return hex === undefined ? swatch : `<span class="swatch" style="background:${hex}" aria-hidden="true"></span>`;
        });
        return `<p class="caption">${painted}</p>\n`;
      },
    },
  });
  const tokens = marked.lexer(markdown);
  markCaptions(tokens);
  return marked.parser(tokens);
}
