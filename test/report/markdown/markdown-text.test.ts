/** Markdown helpers: tables escape cell pipes; names from scenarios are made inert. */
import { describe, expect, it } from 'vitest';
import { formatMarkdownTable, formatPaddedMarkdownTable } from '../../../src/report/markdown/markdown-table.js';
import { escapeMarkdownText } from '../../../src/report/markdown/markdown-text.js';

describe('formatMarkdownTable', () => {
  it('writes a header, an alignment row and escaped cells', () => {
    expect(formatMarkdownTable(['a', 'n'], [['x|y', '1'], ['z\nw', '22']], ['left', 'right'])).toBe('| a | n |\n| --- | ---: |\n| x\\|y | 1 |\n| z w | 22 |');
  });
});

describe('formatPaddedMarkdownTable', () => {
  it('pads every column to its widest cell, escaped, with a rule as wide (the benchmarks\' tables)', () => {
    const text = formatPaddedMarkdownTable(['case', 'wall s'], [['nasa|1d', '0.5'], ['x', '12.25']], (i) => (i === 0 ? 'left' : 'right'));
    expect(text.split('\n')).toEqual(['| case     | wall s |', '|----------|-------:|', '| nasa\\|1d |    0.5 |', '| x        |  12.25 |']);
  });
});

describe('escapeMarkdownText', () => {
  it('escapes what would format or become HTML', () => {
    expect(escapeMarkdownText('<b>a_b*c</b> [x](y) #1')).toBe('\\<b\\>a\\_b\\*c\\</b\\> \\[x\\](y) \\#1');
  });
});
