import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvTraceFormat } from '../../../src/load/trace-formats/csv.js';
import { PlainCsvTable, readCsvTable } from '../../../src/load/trace-formats/csv-records.js';
import { parseTraceText } from '../../../src/load/trace-formats/registry.js';

const FILE = 'traces/t.csv';

function problemsOf(text: string) {
  const result = parseTraceText('csv', text, FILE);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('csv trace format', () => {
  it('reads timestamps (epoch seconds), values and line numbers', () => {
    const result = csvTraceFormat.parse('timestamp,value\n2024-01-01T00:00:00Z,3\n\n2024-01-01T00:01:00Z,4.5\n', FILE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Array.from(result.rows.timestampsSeconds)).toEqual([1704067200, 1704067260]);
    expect(Array.from(result.rows.values)).toEqual([3, 4.5]);
    expect(Array.from(result.rows.lines ?? [])).toEqual([2, 4]);
  });

  it('accepts a BOM, CRLF, spaces around cells, extra columns and any column order', () => {
    const text = '\uFEFFvalue , timestamp,note\r\n 7 ,2024-01-01T00:00:00Z,x\r\n8,2024-01-01T00:01:00Z,y\r\n';
    const result = parseTraceText('csv', text, FILE);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Array.from(result.rows.values)).toEqual([7, 8]);
  });

  it('reads quoted files through csv-parse with the same result', () => {
    const result = parseTraceText('csv', '"timestamp","value"\n"2024-01-01T00:00:00Z","5"\n', FILE);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Array.from(result.rows.values)).toEqual([5]);
  });

  it.each([
    ['an empty file', '', 1, undefined, 'empty'],
    ['a blank file', '\n\n  \n', 1, undefined, 'empty'],
    ['a header only', 'timestamp,value\n', 1, undefined, 'no data rows'],
    ['no value column', 'timestamp,count\n2024-01-01T00:00:00Z,1\n', 1, 'value', 'no "value" column'],
    ['no header', '2024-01-01T00:00:00Z,1\n', 1, 'timestamp', 'no "timestamp" column'],
    ['a non-numeric value', 'timestamp,value\n2024-01-01T00:00:00Z,abc\n', 2, 'value', '"abc" is not a finite number'],
    ['NaN', 'timestamp,value\n2024-01-01T00:00:00Z,1\n2024-01-01T00:01:00Z,NaN\n', 3, 'value', 'not a finite number'],
    ['Infinity', 'timestamp,value\n2024-01-01T00:00:00Z,Infinity\n', 2, 'value', 'not a finite number'],
    ['an empty value', 'timestamp,value\n2024-01-01T00:00:00Z,\n', 2, 'value', 'not a finite number'],
    ['a missing cell', 'timestamp,value\n2024-01-01T00:00:00Z\n', 2, 'value', 'missing column'],
    ['a negative value', 'timestamp,value\n2024-01-01T00:00:00Z,-3\n', 2, 'value', 'negative'],
    ['a value past what the totals hold', 'timestamp,value\n2024-01-01T00:00:00Z,1\n2024-01-01T00:01:00Z,1e308\n', 3, 'value', '1e+308 is larger than 1e+12'],
    ['an unparseable timestamp', 'timestamp,value\n01/02/2024 10:00,1\n', 2, 'timestamp', 'not an ISO-8601 timestamp'],
    ['a timestamp without offset', 'timestamp,value\n2024-01-01T00:00:00,1\n', 2, 'timestamp', 'not an ISO-8601 timestamp'],
    ['a duplicated timestamp', 'timestamp,value\n2024-01-01T00:00:00Z,1\n2024-01-01T00:00:00Z,2\n', 3, 'timestamp', 'duplicated timestamp'],
    ['rows out of order', 'timestamp,value\n2024-01-01T00:01:00Z,1\n2024-01-01T00:00:00Z,2\n', 3, 'timestamp', 'out of order'],
    ['an unterminated quote', 'timestamp,value\n"2024-01-01T00:00:00Z,1\n', 2, undefined, 'malformed CSV'],
  ])('reports %s', (_name, text, line, field, fragment) => {
    const [first] = problemsOf(text);
    expect(first).toMatchObject({ file: FILE, line, ...(field ? { field } : {}) });
    expect(first?.message).toContain(fragment);
  });

  it.each([
    ['a decimal comma (one cell too many)', 'timestamp,value\n2024-01-01T00:00:00Z,2\n2024-01-01T00:02:00Z,1,5\n', 3, 'the row has 3 cell(s), the header names 2'],
    ['a trailing comma', 'timestamp,value\n2024-01-01T00:00:00Z,2,\n', 2, 'the row has 3 cell(s), the header names 2'],
    ['an extra cell past a third column', 'timestamp,value,note\n2024-01-01T00:00:00Z,2,a,b\n', 2, 'the row has 4 cell(s), the header names 3'],
    ['an extra cell in a quoted file', '"timestamp","value"\n"2024-01-01T00:00:00Z",1,5\n', 2, 'the row has 3 cell(s), the header names 2'],
  ])('refuses a row with more cells than the header: %s', (_name, text, line, fragment) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line, field: '(row)' });
    expect(problems[0]?.message).toContain(`too many cells: ${fragment}`);
    expect(problems[0]?.hint).toContain('a decimal comma must be a point');
    expect(problems[0]?.hint).toContain('quoted');
  });

  it.each([
    ['42', 42],
    ['0', 0],
    ['+3', 3],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['2.', 2],
    ['2e3', 2000],
    ['1.5E-2', 0.015],
    ['7e+1', 70],
    ['007', 7],
  ])('reads the plain decimal value %s', (cell, expected) => {
    const result = parseTraceText('csv', `timestamp,value\n2024-01-01T00:00:00Z,${cell}\n`, FILE);
    expect(result.ok && Array.from(result.rows.values)).toEqual([expected]);
  });

  it.each([
    ['hex', '0x10', 'write it in decimal: 16'],
    ['upper-case hex', '0X1F', 'write it in decimal: 31'],
    ['binary', '0b101', 'write it in decimal: 5'],
    ['octal', '0o17', 'write it in decimal: 15'],
    ['Infinity', 'Infinity', undefined],
    ['-Infinity', '-Infinity', undefined],
    ['NaN', 'NaN', undefined],
    ['an empty cell', '', undefined],
    ['a decimal comma in a quoted cell', '"1,5"', 'a decimal comma must be a point'],
    ['a digit separator', '1_000', undefined],
    ['a lone point', '.', undefined],
    ['a bare exponent', '1e', undefined],
    ['an overflowing exponent', '1e999', undefined],
    ['a unit suffix', '5rps', undefined],
  ])('refuses a value that is not a plain decimal number: %s', (_name, cell, hint) => {
    const problems = problemsOf(`timestamp,value\n2024-01-01T00:00:00Z,1\n2024-01-01T00:01:00Z,${cell}\n`);
    expect(problems).toHaveLength(1);
    const shown = cell.replace(/^"(.*)"$/, '$1');
    expect(problems[0]).toMatchObject({ file: FILE, line: 3, field: 'value' });
    expect(problems[0]?.message).toContain(`"${shown}" is not a finite number written in decimal (expected a number ≥ 0`);
    expect(problems[0]?.hint).toEqual(hint === undefined ? undefined : expect.stringContaining(hint));
  });

  it('lists at most 20 problems per file and counts the rest', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `2024-01-01T00:${String(i).padStart(2, '0')}:00Z,x`);
    const problems = problemsOf(['timestamp,value', ...rows].join('\n'));
    expect(problems).toHaveLength(21);
    expect(problems[20]?.message).toContain('10 more problem(s)');
  });

  it('the plain fast path splits quote-free CSV exactly as csv-parse does', () => {
    const cell = fc.stringMatching(/^[ a-z0-9.:-]{0,6}$/);
    const row = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        const text = rows.join(eol);
        const plain = new PlainCsvTable(text);
        const fast = Array.from({ length: plain.length }, (_, i) => ({ cells: plain.cells(i), line: plain.line(i) }));
        const reference = (parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as {
          record: string[];
          info: { lines: number };
        }[])
          .filter((r) => !(r.record.length === 1 && r.record[0] === ''))
          .map((r) => ({ cells: r.record, line: r.info.lines }));
        expect(fast).toEqual(reference);
        const viaReader = readCsvTable(text);
        expect(viaReader.ok && viaReader.table.length).toBe(reference.length);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
