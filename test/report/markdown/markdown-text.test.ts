/** Markdown helpers: tables escape cell pipes; names from scenarios are made inert. */
import { describe, expect, it } from 'vitest';
import { formatMarkdownTable } from '../../../src/report/markdown/markdown-table.js';
import { escapeMarkdownText } from '../../../src/report/markdown/markdown-text.js';

describe('formatMarkdownTable', () => {
  it('writes a header, an alignment row and escaped cells', () => {
    expect(formatMarkdownTable(['a', 'n'], [['x|y', '1'], ['z\nw', '22']], ['left', 'right'])).toBe('| a | n |\n| --- | ---: |\n| x\\|y | 1 |\n| z w | 22 |');
  });
});

describe('escapeMarkdownText', () => {
  it('escapes what would format or become HTML', () => {
    expect(escapeMarkdownText('<b>a_b*c</b> [x](y) #1')).toBe('\\<b\\>a\\_b\\*c\\</b\\> \\[x\\](y) \\#1');
  });
});
