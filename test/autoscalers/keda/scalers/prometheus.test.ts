import { describe, expect, it } from 'vitest';
import { prometheusScaler } from '../../../../src/autoscalers/keda/scalers/prometheus.js';
import { parseOk, problems } from './helpers.js';

const read = (metadata: Record<string, string>, value: number | null) => prometheusScaler.read(parseOk(prometheusScaler, metadata), { kind: 'value', value });

describe('prometheus scaler', () => {
  it('threshold → AverageValue target in milli-units; metricType Value → Value target', () => {
    expect(parseOk(prometheusScaler, { threshold: '10.5' }).hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 10500 });
    expect(parseOk(prometheusScaler, { threshold: '100' }, 'Value').hpaTarget).toEqual({ type: 'Value', valueMilli: 100000 });
    expect(parseOk(prometheusScaler, { threshold: '1' }).needs).toEqual({ kind: 'series' });
  });

  it.each([
    ['threshold missing', {}, 'threshold: required: expected a number > 0'],
    ['threshold not a number', { threshold: 'ten' }, 'threshold: expected a number > 0, got "ten"'],
    ['threshold 0', { threshold: '0' }, 'threshold: expected a number > 0, got "0"'],
    ['ignoreNullValues not a boolean', { threshold: '1', ignoreNullValues: 'maybe' }, 'ignoreNullValues: expected true or false, got "maybe"'],
  ])('rejects %s', (_name, metadata, problem) => {
    expect(problems(prometheusScaler, metadata)).toContain(problem);
  });

  it('rejects metricType Utilization', () => {
    expect(problems(prometheusScaler, { threshold: '1' }, 'Utilization')[0]).toMatch(/^metricType: 'Utilization' metric type is unsupported/);
  });

  it.each([
    ['value above activation: active', 6, true],
    ['value equal to activation: inactive (strict)', 5, false],
    ['value below activation', 4, false],
  ])('%s', (_name, value, isActive) => {
    expect(read({ threshold: '10', activationThreshold: '5' }, value)).toMatchObject({ metricValue: value, isActive });
  });

  it('activationThreshold defaults to 0: any positive value is active', () => {
    expect(read({ threshold: '10' }, 0.001).isActive).toBe(true);
    expect(read({ threshold: '10' }, 0).isActive).toBe(false);
  });

  it.each([
    ['an empty result', null],
    ['NaN', Number.NaN],
    ['+Inf', Number.POSITIVE_INFINITY],
  ])('ignoreNullValues (default true): %s gives 0', (_name, value) => {
    const r = read({ threshold: '10' }, value);
    expect(r).toMatchObject({ metricValue: 0, isActive: false });
    expect(r.error).toBeUndefined();
  });

  it('ignoreNullValues false: an empty result is an error', () => {
    expect(read({ threshold: '10', ignoreNullValues: 'false' }, null).error).toMatch(/empty result/);
  });

  it('a negative value is sent to the HPA as 0', () => {
    expect(read({ threshold: '10', activationThreshold: '-10' }, -5)).toMatchObject({ metricValue: 0, isActive: true });
  });

  it('an error reading is a failed read', () => {
    expect(prometheusScaler.read(parseOk(prometheusScaler, { threshold: '1' }), { kind: 'error', message: 'timeout' })).toMatchObject({ error: 'timeout', isActive: false });
  });
});
