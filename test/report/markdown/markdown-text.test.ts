/**
 * Markdown helpers: names from the command line and the scenarios are made inert (each character
 * that formats escaped, plain names unchanged), and a table keeps every row whole, escaping a pipe
 * once. What the text renders to is checked with marked, which makes report.html.
 */
import fc from 'fast-check';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/report/html/markdown-to-html.js';
import { formatMarkdownTable, formatPaddedMarkdownTable } from '../../../src/report/markdown/markdown-table.js';
import { escapeMarkdownText } from '../../../src/report/markdown/markdown-text.js';

const marked = new Marked({ gfm: true });
/** What marked (GitHub-flavoured) shows of inline Markdown, an apostrophe as escapeHtml leaves it. */
const inline = (markdown: string): string => (marked.parseInline(markdown) as string).replace(/&#39;/g, "'");
/** The cells of the table's body rows as marked splits them, each cell's HTML. */
function bodyCells(markdown: string): string[][] {
  const table = marked.lexer(markdown).find((t) => t.type === 'table') as { rows: { text: string }[][] } | undefined;
  return (table?.rows ?? []).map((row) => row.map((cell) => inline(cell.text)));
}

describe('escapeMarkdownText', () => {
  it.each([
    ['\\', 'a\\b', 'a\\\\b'],
    ['`', 'a`b`', 'a\\`b\\`'],
    ['*', '*a*', '\\*a\\*'],
    ['_', 'x-_y_', 'x-\\_y\\_'],
    ['~', '~~a~~', '\\~\\~a\\~\\~'],
    ['[ ]', '[a](b)', '\\[a\\](b)'],
    ['< >', '<b>a</b>', '\\<b\\>a\\</b\\>'],
    ['|', 'a|b', 'a\\|b'],
    ['#', 'a #', 'a \\#'],
    ['&', 'a&amp;b', 'a\\&amp;b'],
    ['$', '$x$', '\\$x\\$'],
    ['a line break', 'a\nb\r\nc\rd', 'a b c d'],
  ])('escapes %s', (_what, text, escaped) => {
    expect(escapeMarkdownText(text)).toBe(escaped);
  });

  it.each(['nginx', 'hello-world-flask', 'ecs-reserved', 'api.v2', 'Max5', 't50', 'scenarios/nginx-keda-cpu', 'HorizontalPodAutoscaler/nginx:spec.maxReplicas=5', 'peak requests.cpu 4/4, pods 8/10; no create refused'])(
    'leaves a plain name as it is: %s',
    (name) => {
      expect(escapeMarkdownText(name)).toBe(name);
    },
  );

  it('shows any text as written, in a paragraph and in a table cell', () => {
    const chars = [...'ab -.:/=()!+1'.split(''), '\\', '`', '*', '_', '~', '[', ']', '<', '>', '|', '#', '&', '$'];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 16 }), (raw) => {
        // Markdown trims a paragraph's and a cell's outer spaces; GFM links bare www. and http: text (not formatting).
        fc.pre(raw.trim() === raw && !/www\.|https?:/i.test(raw));
        const shown = escapeHtml(raw);
        expect(inline(escapeMarkdownText(raw))).toBe(shown);
        expect(bodyCells(formatMarkdownTable(['name', 'n'], [[escapeMarkdownText(raw), '1']]))).toEqual([[shown, '1']]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('formatMarkdownTable', () => {
  it('writes a header, an alignment row and cells, a raw pipe escaped and a line break a space', () => {
    expect(formatMarkdownTable(['a', 'n'], [['x|y', '1'], ['z\nw', '22']], ['left', 'right'])).toBe('| a | n |\n| --- | ---: |\n| x\\|y | 1 |\n| z w | 22 |');
  });

  it('does not escape a pipe escapeMarkdownText escaped (\\\\| would end the cell), and escapes one after an escaped backslash', () => {
    expect(formatMarkdownTable(['a', 'n'], [[escapeMarkdownText('x|y'), '1'], [escapeMarkdownText('x\\') + '|y', '2']])).toBe('| a | n |\n| --- | --- |\n| x\\|y | 1 |\n| x\\\\\\|y | 2 |');
    expect(bodyCells(formatMarkdownTable(['a', 'n'], [[escapeMarkdownText('a_b*c|d'), '1']]))).toEqual([['a_b*c|d', '1']]);
  });
});

describe('formatPaddedMarkdownTable', () => {
  it('pads every column to its widest cell, escaped, with a rule as wide (the benchmarks\' tables)', () => {
    const text = formatPaddedMarkdownTable(['case', 'wall s'], [['nasa|1d', '0.5'], ['x', '12.25']], (i) => (i === 0 ? 'left' : 'right'));
    expect(text.split('\n')).toEqual(['| case     | wall s |', '|----------|-------:|', '| nasa\\|1d |    0.5 |', '| x        |  12.25 |']);
  });
});
