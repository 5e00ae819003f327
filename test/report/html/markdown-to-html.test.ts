/**
 * report.md → report.html: charts become figures holding their SVG, captions get swatches of the
 * series' exact colours, raw HTML stays text, and the page fetches nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildHtmlPage } from '../../../src/report/html/html-page.js';
import { markdownToHtml, paletteOf } from '../../../src/report/html/markdown-to-html.js';

const MERMAID = '%%{init: {"themeVariables":{"xyChart":{"plotColorPalette":"#a6cbe8, #2ca02c"}}}}%%\nxychart-beta\n  line [1, 2]\n  line [1, 2]';
const MARKDOWN = [
  '# scalesim report: demo',
  '',
  '| a | b |',
  '| --- | ---: |',
  '| x | 1 |',
  '',
  '```mermaid',
  MERMAID,
  '```',
  '',
  '🟦 offered (light blue, wide) · 🟩 served (green) — Requests per second.',
  '',
  'Outside a caption 🟦 stays. <script>alert(1)</script>',
  '',
].join('\n');
const SVG = '<svg id="scalesim-chart-load" xmlns="http://www.w3.org/2000/svg"><g class="line-plot-0"></g></svg>';

describe('markdownToHtml', () => {
  const html = markdownToHtml(MARKDOWN, [{ name: 'load', mermaid: MERMAID, svg: SVG }]);

  it('puts each chart’s SVG in a figure in place of its mermaid block', () => {
    expect(html).toContain(`<figure class="chart" data-chart="load">\n${SVG}\n</figure>`);
    expect(html).not.toContain('xychart-beta');
  });

  it('paints the caption’s squares in the chart’s colours, in order', () => {
    expect(html).toContain(
      '<p class="caption"><span class="swatch" style="background:#a6cbe8" aria-hidden="true"></span> offered (light blue, wide) · <span class="swatch" style="background:#2ca02c" aria-hidden="true"></span> served (green)',
    );
    expect(html).toContain('<p>Outside a caption 🟦 stays.');
  });

  it('renders tables with alignment and shows raw HTML as text', () => {
    expect(html).toContain('<th>a</th>');
    expect(html).toContain('<td align="right">1</td>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('keeps a mermaid block that matches no chart as code', () => {
    expect(markdownToHtml('```mermaid\nxychart-beta\n```\n', [])).toBe('<pre><code>xychart-beta</code></pre>\n');
  });

  it('reads the palette of a chart definition', () => {
    expect(paletteOf(MERMAID)).toEqual(['#a6cbe8', '#2ca02c']);
    expect(paletteOf('xychart-beta')).toEqual([]);
  });
});

describe('buildHtmlPage', () => {
  const page = buildHtmlPage('a <b> report', '<p>x</p>');

  it('is a whole document with its style inline and nothing fetched', () => {
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page).toContain('<title>a &lt;b&gt; report</title>');
    expect(page).toContain('<style>');
    expect(page).not.toMatch(/<script|<link|@import|url\(/);
    expect(page).toContain('<main>\n<p>x</p>\n</main>');
  });
});
