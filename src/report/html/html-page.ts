/**
 * The self-contained page around the report's HTML: inline CSS only (no script, font or image is
 * fetched), readable type, tables with right-aligned numbers, charts scaled to the page width.
 */
import { escapeHtml } from './markdown-to-html.js';

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #f6f7f9; color: #1d2330;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 32px 40px 64px; background: #fff; min-height: 100vh; box-sizing: border-box; }
h1 { font-size: 28px; margin: 0 0 8px; }
h2 { font-size: 21px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid #dde1e8; }
p, li { max-width: 80ch; }
a { color: #0b5cad; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; font-variant-numeric: tabular-nums; display: block; max-width: 100%; overflow-x: auto; }
th, td { border: 1px solid #dde1e8; padding: 5px 10px; overflow-wrap: anywhere; min-width: 4ch; }
th { background: #eef1f5; text-align: left; }
tr:nth-child(even) td { background: #fafbfc; }
figure.chart { margin: 24px 0 4px; padding: 8px; border: 1px solid #e4e7ec; border-radius: 6px; background: #fff; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 100% !important; }
p.caption { margin-top: 4px; font-size: 14px; color: #3b4252; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 2px; vertical-align: -0.1em; }
pre { background: #f3f4f6; padding: 12px; overflow-x: auto; }
`;

/** The whole document; `title` goes to <title>, `bodyHtml` into <main>. */
export function buildHtmlPage(title: string, bodyHtml: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    bodyHtml.trim(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
