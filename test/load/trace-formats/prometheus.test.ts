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
    expect(r.ok && [...r.rows.values]).toEqual([4, 2, 4]);
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

  it('is rejected by the shared checks when a sample is negative', () => {
    const r = parseTraceText('prometheus', response([{ values: [[1, '-3']] }]), 'q.json');
    expect(r.ok).toBe(false);
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
