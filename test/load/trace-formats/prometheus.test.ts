import { describe, expect, it } from 'vitest';
import { parseTraceText } from '../../../src/load/trace-formats/registry.js';

const response = (result: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ status: 'success', data: { resultType: 'matrix', result }, ...extra });

describe('prometheus trace format (query_range JSON)', () => {
  it('reads one series as (epoch seconds, value) rows', () => {
    const r = parseTraceText('prometheus', response([{ metric: {}, values: [[1700000000, '12.5'], [1700000060, '20']] }]), 'q.json');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect([...r.rows.timestampsSeconds]).toEqual([1700000000, 1700000060]);
      expect([...r.rows.values]).toEqual([12.5, 20]);
    }
  });

  it('sums several series per timestamp (a query without sum, one series per pod)', () => {
    const r = parseTraceText(
      'prometheus',
      response([
        { metric: { pod: 'a' }, values: [[100, '1'], [160, '2']] },
        { metric: { pod: 'b' }, values: [[100, '3'], [220, '4']] },
      ]),
      'q.json',
    );
    expect(r.ok && [...r.rows.timestampsSeconds]).toEqual([100, 160, 220]);
    // 160: b lacks it inside its span and holds 3; 220: a has ended and adds nothing.
    expect(r.ok && [...r.rows.values]).toEqual([4, 5, 4]);
  });

  it.each([
    ['one series lacks a middle sample: it holds its previous value there',
      [[[100, '10'], [160, '10'], [220, '10']], [[100, '5'], [220, '7']]],
      [100, 160, 220], [15, 15, 17]],
    ['a gap of several samples holds the value before it',
      [[[0, '1'], [60, '1'], [120, '1'], [180, '1']], [[0, '4'], [180, '2']]],
      [0, 60, 120, 180], [5, 5, 5, 3]],
    ['a series adds nothing before its first sample',
      [[[0, '1'], [60, '1'], [120, '1']], [[60, '3'], [120, '3']]],
      [0, 60, 120], [1, 4, 4]],
    ['a series adds nothing after its last sample (it ended)',
      [[[0, '1'], [60, '1'], [120, '1']], [[0, '3'], [60, '3']]],
      [0, 60, 120], [4, 4, 1]],
    ['series listed with samples out of order still hold in time order',
      [[[120, '1'], [0, '1'], [60, '1']], [[120, '6'], [0, '2']]],
      [0, 60, 120], [3, 3, 7]],
    ['a series with no samples adds nothing',
      [[[0, '2'], [60, '2']], []],
      [0, 60], [2, 2]],
  ])('sums several series: %s', (_n, series, times, values) => {
    const r = parseTraceText('prometheus', response(series.map((v, i) => ({ metric: { pod: String(i) }, values: v }))), 'q.json');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect([...r.rows.timestampsSeconds]).toEqual(times);
      expect([...r.rows.values]).toEqual(values);
    }
  });

  it('accepts the bare data object', () => {
    const r = parseTraceText('prometheus', JSON.stringify({ resultType: 'matrix', result: [{ values: [[5, '1']] }] }), 'q.json');
    expect(r.ok).toBe(true);
  });

  it.each([
    ['not JSON', '{"status": ', '(file)', /not valid JSON/],
    ['an instant query', JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }), 'data.resultType', /expected "matrix"/],
    ['a Prometheus error', JSON.stringify({ status: 'error', error: 'bad_data: parse error' }), 'status', /bad_data/],
    ['a NaN sample', response([{ values: [[1, 'NaN']] }]), 'data.result[0].values[0][1]', /finite number/],
    ['a bad timestamp', response([{ values: [['x', '1']] }]), 'data.result[0].values[0][0]', /Unix timestamp/],
    ['no samples', response([]), 'data.result', /no samples/],
  ])('rejects %s with the JSON path', (_n, text, field, message) => {
    const r = parseTraceText('prometheus', text, 'q.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]?.field).toBe(field);
      expect(r.problems[0]?.message).toMatch(message);
      expect(r.problems[0]?.file).toBe('q.json');
    }
  });

  it.each([
    ['a null series', response([null]), 'data.result[0]', /expected a series object/],
    ['a series that is a list', response([[1, '2']]), 'data.result[0]', /expected a series object/],
    ['a sample that is not a pair', response([{ values: [[1, '2', 3]] }]), 'data.result[0].values[0]', /pair/],
    ['a negative sample', response([{ values: [[1, '-3']] }]), 'data.result[0].values[0][1]', /-3 is negative \(expected a number ≥ 0/],
    ['an empty value', response([{ values: [[1, '']] }]), 'data.result[0].values[0][1]', /finite number/],
    ['millisecond timestamps', response([{ values: [[1700000000000, '1']] }]), 'data.result[0].values[0][0]', /not a Unix timestamp in seconds/],
    ['a root that is a list', '[]', '', /expected a JSON object/],
  ])('rejects %s, naming the sample', (_n, text, field, message) => {
    const r = parseTraceText('prometheus', text, 'q.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]?.field ?? '').toBe(field);
      expect(r.problems[0]?.message).toMatch(message);
    }
  });

  it('says milliseconds and how to fix them', () => {
    const r = parseTraceText('prometheus', response([{ values: [[1700000000000, '1']] }]), 'q.json');
    expect(!r.ok && r.problems[0]?.hint).toMatch(/divide the timestamps by 1000/);
  });

  it('puts each problem at its line and column in a pretty-printed export', () => {
    const text = JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values: [[60, '1'], [120, '-2'], [180, 'NaN']] }] } }, null, 2);
    const r = parseTraceText('prometheus', text, 'q.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const lines = text.split('\n');
      expect(r.problems.map((p) => p.field)).toEqual(['data.result[0].values[1][1]', 'data.result[0].values[2][1]']);
      expect(lines[r.problems[0]!.line! - 1]!.slice(r.problems[0]!.column! - 1)).toBe('"-2"');
      expect(lines[r.problems[1]!.line! - 1]!.slice(r.problems[1]!.column! - 1)).toBe('"NaN"');
    }
  });

  it('names the bare data object\'s paths without a data. prefix', () => {
    const r = parseTraceText('prometheus', JSON.stringify({ resultType: 'matrix', result: [{ values: [[5, 'x']] }] }), 'q.json');
    expect(!r.ok && r.problems[0]?.field).toBe('result[0].values[0][1]');
  });

  it('lists 20 problems and counts the rest', () => {
    const values = Array.from({ length: 25 }, (_, i) => [i + 1, 'NaN']);
    const r = parseTraceText('prometheus', response([{ values }]), 'q.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(21);
      expect(r.problems[20]?.message).toBe('… and 5 more problem(s) in this file');
    }
  });

  it.each([
    ['hex', '0x10', 'write it in decimal: 16'],
    ['binary', '0b11', 'write it in decimal: 3'],
    ['octal', '0o17', 'write it in decimal: 15'],
  ])('refuses a value in %s, as the csv format does', (_n, value, hint) => {
    const r = parseTraceText('prometheus', response([{ metric: {}, values: [[60, '1'], [120, value]] }]), 'q.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ field: 'data.result[0].values[1][1]', line: 1, hint });
      expect(r.problems[0]?.message).toMatch(new RegExp(`^expected a finite number written in decimal, as a string, got "${value}"`));
    }
  });

  it.each(['+Inf', '-Inf', 'Infinity', 'NaN'])('refuses %s with the hint about missing data', (value) => {
    const r = parseTraceText('prometheus', response([{ values: [[1, value]] }]), 'q.json');
    expect(!r.ok && r.problems[0]).toMatchObject({ field: 'data.result[0].values[0][1]', hint: 'Prometheus writes NaN and ±Inf for missing data: drop or fill those samples' });
  });

  it('reads decimal values with a sign, a point or an exponent', () => {
    const r = parseTraceText('prometheus', response([{ values: [[1, '+1.5'], [2, '.25'], [3, '2e3'], [4, '1E-2'], [5, ' 7 ']] }]), 'q.json');
    expect(r.ok && [...r.rows.values]).toEqual([1.5, 0.25, 2000, 0.01, 7]);
  });

  it('puts a value larger than 1e12 at its line and column, naming the series and the sample', () => {
    const text = JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { pod: 'a' }, values: [[60, '1'], [120, '1e300']] }] } }, null, 2);
    const r = parseTraceText('prometheus', text, 'q.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(1);
      const p = r.problems[0]!;
      expect(p.field).toBe('data.result[0].values[1][1]');
      expect(p.message).toBe('1e300 is larger than 1e+12 (expected a count, a rate or a number of users the run\'s totals can hold); in series {pod="a"}, the sample at 120 (1970-01-01T00:02:00Z)');
      expect(text.split('\n')[p.line! - 1]!.slice(p.column! - 1)).toBe('"1e300"');
    }
  });

  it('puts a value larger than 1e12 in a one-line export at its column', () => {
    const text = response([{ metric: {}, values: [[1704067200, '1e300'], [1704067260, '5']] }]);
    const r = parseTraceText('prometheus', text, 'q.json');
    expect(!r.ok && r.problems).toEqual([{
      file: 'q.json', line: 1, column: text.indexOf('"1e300"') + 1, field: 'data.result[0].values[0][1]',
      message: '1e300 is larger than 1e+12 (expected a count, a rate or a number of users the run\'s totals can hold); in series {}, the sample at 1704067200 (2024-01-01T00:00:00Z)',
    }]);
  });

  it('refuses a decimal value too large for a double as too large', () => {
    const r = parseTraceText('prometheus', response([{ values: [[1, '1e400']] }]), 'q.json');
    expect(!r.ok && r.problems[0]?.message).toMatch(/^1e400 is larger than 1e\+12/);
  });

  it('locates series that add up to more than 1e12 at the list of series, naming the instant', () => {
    const text = response([{ metric: { pod: 'a' }, values: [[60, '6e11'], [120, '1']] }, { metric: { pod: 'b' }, values: [[60, '6e11']] }]);
    const r = parseTraceText('prometheus', text, 'q.json');
    expect(!r.ok && r.problems).toEqual([{
      file: 'q.json', line: 1, column: text.indexOf('[{') + 1, field: 'data.result',
      message: 'the series add up to 1200000000000 at 60 (1970-01-01T00:01:00Z), larger than 1e+12 (expected a count, a rate or a number of users the run\'s totals can hold)',
    }]);
  });

  it('names a sample at a timestamp no date can hold by the number alone', () => {
    const r = parseTraceText('prometheus', response([{ values: [[-1e17, 'NaN']] }]), 'q.json');
    expect(!r.ok && r.problems[0]?.message).toBe('expected a finite number as a string, got "NaN"; in series {}, the sample at -100000000000000000');
  });

  it('names the series by its labels and the sample by its timestamp', () => {
    const metric = { __name__: 'http_requests_total', pod: 'web-1', path: '/a "b"' };
    const r = parseTraceText('prometheus', response([{ metric, values: [[1704067200, '1'], [1704067260, 'NaN'], ['x', '1']] }]), 'q.json');
    expect(!r.ok && r.problems.map((p) => p.message)).toEqual([
      'expected a finite number as a string, got "NaN"; in series http_requests_total{pod="web-1", path="/a \\"b\\""}, the sample at 1704067260 (2024-01-01T00:01:00Z)',
      'expected a Unix timestamp in seconds (a number), got "x"; in series http_requests_total{pod="web-1", path="/a \\"b\\""}',
    ]);
  });

  it.each([
    ['a file cut short', '{\n  "status": "success",\n  "data": {', 3, 12],
    ['a trailing comma', '{\n  "a": 1,\n}', 3, 1],
    ['text that is not JSON', '  hello', 1, 3],
  ])('puts a JSON syntax error in %s at its line and column', (_n, text, line, column) => {
    const r = parseTraceText('prometheus', text, 'q.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]?.message).toMatch(/not valid JSON/);
      expect([r.problems[0]?.line, r.problems[0]?.column]).toEqual([line, column]);
    }
  });
});

describe('a scenario bound to a Prometheus export', () => {
  it('loads and runs: the summed series is the offered rate', async () => {
    const { loadFolder } = await import('../../scenario/helpers/scenario-folder.js');
    const { BASE_DEPLOYMENT } = await import('../../scenario/helpers/base-scenario.js');
    const { runScenario } = await import('../../../src/engine/run-scenario.js');
    const t0 = 1700000000;
    const values = Array.from({ length: 11 }, (_, i) => [t0 + i * 60, '10']);
    const scenario = await loadFolder({
      'scenario.yaml': [
        'apiVersion: scalesim.dev/v1alpha1',
        'kind: Scenario',
        'spec:',
        '  traces:',
        '    web: {file: traces/rps.json, format: prometheus, valueKind: ratePerSecond}',
        '  nodePools: [{name: default, count: 1, cpu: "4", memory: 16Gi}]',
        '  workloads:',
        '    web: {trace: web, cpuMillicoreSecondsPerRequest: 5}',
        '',
      ].join('\n'),
      'manifests/web.yaml': BASE_DEPLOYMENT,
      'traces/rps.json': response([{ metric: { pod: 'a' }, values }, { metric: { pod: 'b' }, values }]),
    });
    expect(scenario.durationSeconds).toBe(660);
    const w = runScenario(scenario).summary.workloads[0]!;
    // Two series of 10 req/s summed: 20 req/s for 11 minutes.
    expect(w.offeredRequests).toBeCloseTo(20 * 660, 6);
  });
});
