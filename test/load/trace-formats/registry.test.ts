import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRACE_FORMAT, TRACE_FORMATS, findTraceFormat, parseTraceText, traceFormatNames } from '../../../src/load/trace-formats/registry.js';

describe('trace-format registry', () => {
  it('registers csv under its own name and uses it by default', () => {
    expect(traceFormatNames()).toContain('csv');
    expect(DEFAULT_TRACE_FORMAT).toBe('csv');
    for (const [name, format] of TRACE_FORMATS) expect(format.name).toBe(name);
    expect(findTraceFormat('csv')?.description).toMatch(/timestamp,value/);
  });

  it('reports an unknown format with the supported ones', () => {
    const result = parseTraceText('influx', '{}', 'x.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ file: 'x.json', message: 'unknown trace format "influx"', hint: 'supported formats: csv, prometheus' });
  });

  it.each([
    ['nasa-http-1995-07_1min.csv', 39_692, 1_891_672],
    ['worldcup98-1998-06-29_to_07-13_1min.csv', 21_600, 424_899_051],
    ['azure-llm-code-2023-11-16_1s.csv', 3_437, 8_819],
    ['nab-twitter-volume-ups-2015_5min.csv', 15_866, 86_570],
    ['nab-aws-elb-request-count-2014-04_5min.csv', 4_032, 249_327],
  ])('reads the shipped trace %s (rows and total as in the traces README)', async (name, rows, total) => {
    const file = `scenarios/traces/${name}`;
    const result = parseTraceText('csv', await readFile(file, 'utf8'), file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.values.length).toBe(rows);
    expect(result.rows.values.reduce((a, b) => a + b, 0)).toBe(total);
  });
});
