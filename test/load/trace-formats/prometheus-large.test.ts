/**
 * Locating a bad sample in a large Prometheus export: one scan of the text, never a re-parse with
 * a YAML library (a 28 MB export with one "NaN" took 2.5 minutes and ran out of 4 GB of heap when
 * the whole file was parsed into a YAML document to find the sample's line and column).
 */
import { describe, expect, it, vi } from 'vitest';
import { lineColumns, locateJsonPaths } from '../../../src/load/trace-formats/json-locate.js';
import { parseTraceText } from '../../../src/load/trace-formats/registry.js';

// Reading a trace must not go through the YAML parser: it is what made locating quadratic in memory.
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('yaml')>();
  const refuse = (): never => {
    throw new Error('a Prometheus export must not be parsed as YAML');
  };
  return { ...yaml, default: { ...yaml, parse: refuse, parseDocument: refuse }, parse: refuse, parseDocument: refuse };
});

const T0 = 1704067200;

/** An export like `rate(http_requests_total[1m])` per pod: `seriesCount` series of `points` samples. */
function bigExport(seriesCount: number, points: number, bad: { series: number; sample: number; value: string }, indent?: number): string {
  const result = Array.from({ length: seriesCount }, (_, s) => ({
    metric: { __name__: 'http_requests_total', pod: `web-7d9f8c6b5-${String(s).padStart(5, '0')}`, namespace: 'default' },
    values: Array.from({ length: points }, (_, i) => [T0 + i * 60, s === bad.series && i === bad.sample ? bad.value : `${(5 + (i % 7) / 10).toFixed(3)}`]),
  }));
  return JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }, null, indent);
}

describe('a large Prometheus export with one bad sample', () => {
  // 60 series of 5,000 samples: 6.3 MB on one line, 300,000 samples.
  const bad = { series: 37, sample: 4120, value: 'NaN' };
  const oneLine = bigExport(60, 5000, bad);

  it('is several megabytes on one line', () => {
    expect(oneLine.length).toBeGreaterThan(6_000_000);
    expect(oneLine.includes('\n')).toBe(false);
  });

  it('names the file, line, column, JSON path, series labels and timestamp of the sample', () => {
    const r = parseTraceText('prometheus', oneLine, 'rps.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toEqual([{
        file: 'rps.json',
        line: 1,
        column: oneLine.indexOf('"NaN"') + 1,
        field: 'data.result[37].values[4120][1]',
        message: 'expected a finite number as a string, got "NaN"; in series http_requests_total{pod="web-7d9f8c6b5-00037", namespace="default"}, the sample at 1704314400 (2024-01-03T20:40:00Z)',
        hint: 'Prometheus writes NaN and ±Inf for missing data: drop or fill those samples',
      }]);
    }
  });

  it('puts the sample at its line and column in a pretty-printed export', () => {
    const text = bigExport(20, 5000, { series: 13, sample: 4999, value: '0x10' }, 2);
    const r = parseTraceText('prometheus', text, 'rps.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const p = r.problems[0]!;
      expect(p).toMatchObject({ field: 'data.result[13].values[4999][1]', hint: 'write it in decimal: 16' });
      const before = text.slice(0, text.indexOf('"0x10"'));
      expect(p.line).toBe(before.split('\n').length);
      expect(p.column).toBe(before.length - before.lastIndexOf('\n'));
    }
  });

  it('locates 20 problems spread over the file and counts the rest', () => {
    const result = Array.from({ length: 30 }, (_, s) => ({ metric: { pod: `p${s}` }, values: Array.from({ length: 20_000 }, (_, i) => [T0 + i * 15, i === 19_999 ? '-1' : '5']) }));
    const text = JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } });
    const r = parseTraceText('prometheus', text, 'rps.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(21);
      expect(r.problems[20]?.message).toBe('… and 10 more problem(s) in this file');
      const columns = r.problems.slice(0, 20).map((p) => p.column! - 1);
      expect(columns.map((c) => text.slice(c, c + 4))).toEqual(Array(20).fill('"-1"'));
      expect(r.problems.slice(0, 20).map((p) => p.field)).toEqual(Array.from({ length: 20 }, (_, s) => `data.result[${s}].values[19999][1]`));
    }
  });
});

describe('locateJsonPaths', () => {
  const text = '{\n  "a": [1, {"b": "x\\"]}", "c": [true, null]}],\n  "k\\u0065y": {"z": -1.5e3},\n  "d": {"e": 1}, "d": {"f": 2}\n}';

  it('finds each path\'s value, skipping strings that hold brackets and escaped quotes', () => {
    const paths = [[], ['a'], ['a', 1, 'c', 1], ['key', 'z'], ['d', 'f']];
    const offsets = locateJsonPaths(text, paths);
    expect(offsets.map((o) => text.slice(o, o + 4))).toEqual(['{\n  ', '[1, ', 'null', '-1.5', '2}\n}']);
  });

  it('gives a missing path its nearest ancestor, and a duplicated key its last value', () => {
    const [missingIndex = -1, missingKey, firstOnly = -1] = locateJsonPaths(text, [['a', 7], ['nope', 'x'], ['d', 'e']]);
    expect(text.slice(missingIndex, missingIndex + 3)).toBe('[1,');
    expect(missingKey).toBe(0);
    // "e" is only in the first "d", which JSON.parse drops: the path is missing in the last one.
    expect(text.slice(firstOnly, firstOnly + 6)).toBe('{"f": ');
  });

  it('turns offsets into lines and columns in any order', () => {
    expect(lineColumns('ab\ncd\n\nef', [8, 0, 4, 3, 7])).toEqual([
      { line: 4, column: 2 }, { line: 1, column: 1 }, { line: 2, column: 2 }, { line: 2, column: 1 }, { line: 4, column: 1 },
    ]);
  });

  it('finds the last sample of a 1,000,000-sample list', () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => `[${T0 + i}, "${i}"]`).join(', ');
    const big = `{"data": {"result": [{"metric": {"pod": "a]\\"}"}, "values": [${values}]}]}}`;
    const [offset = -1] = locateJsonPaths(big, [['data', 'result', 0, 'values', 999_999, 1]]);
    expect(big.slice(offset, offset + 8)).toBe('"999999"');
  });
});
