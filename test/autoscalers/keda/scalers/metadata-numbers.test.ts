/**
 * How trigger metadata numbers are read (scalersconfig/typed_config.go setConfigValueHelper): the
 * value is trimmed, then json.Unmarshal'd into the field, so JSON's number grammar applies ("+10",
 * ".5" and "010" fail; an int64 field also refuses "10.0" and "1e3"). A field a scaler parses
 * itself keeps its own syntax: cpu and memory's `value` is strconv.ParseInt's.
 */
import { describe, expect, it } from 'vitest';
import { cpuScaler } from '../../../../src/autoscalers/keda/scalers/cpu.js';
import { kafkaScaler } from '../../../../src/autoscalers/keda/scalers/kafka.js';
import { prometheusScaler } from '../../../../src/autoscalers/keda/scalers/prometheus.js';
import { redisScaler } from '../../../../src/autoscalers/keda/scalers/redis.js';
import { parseOk, problems } from './helpers.js';

describe('TypedConfig numbers are JSON numbers', () => {
  it.each([
    ['a float field takes "0.5", " 2.5 ", "1e3" and "1E-1"', prometheusScaler, 'threshold', ['0.5', ' 2.5 ', '1e3', '1E-1']],
    ['an int64 field takes "10" and "-0"', kafkaScaler, 'activationLagThreshold', ['10', '0', '-0']],
  ] as const)('%s', (_name, scaler, key, texts) => {
    for (const text of texts) expect(problems(scaler, { topic: 't', [key]: text })).toEqual([]);
  });

  it.each([
    [prometheusScaler, 'threshold', '.5', 'threshold: expected a number > 0 written as KEDA reads it (a JSON number: no "+", leading "." or leading zeros), got ".5"'],
    [prometheusScaler, 'threshold', '+5', 'threshold: expected a number > 0 written as KEDA reads it (a JSON number: no "+", leading "." or leading zeros), got "+5"'],
    [kafkaScaler, 'lagThreshold', '+10', 'lagThreshold: expected an integer > 0 written as KEDA reads it (a JSON number: no "+", leading zeros, fraction or exponent), got "+10"'],
    [kafkaScaler, 'lagThreshold', '010', 'lagThreshold: expected an integer > 0 written as KEDA reads it (a JSON number: no "+", leading zeros, fraction or exponent), got "010"'],
    [kafkaScaler, 'lagThreshold', '10.0', 'lagThreshold: expected an integer > 0 written as KEDA reads it (a JSON number: no "+", leading zeros, fraction or exponent), got "10.0"'],
    [redisScaler, 'listLength', '1e3', 'listLength: expected an integer > 0 written as KEDA reads it (a JSON number: no "+", leading zeros, fraction or exponent), got "1e3"'],
    [redisScaler, 'listLength', '2.5', 'listLength: expected an integer > 0, got "2.5"'],
    [prometheusScaler, 'threshold', 'ten', 'threshold: expected a number > 0, got "ten"'],
  ] as const)('%o %s "%s" is refused', (scaler, key, text, message) => {
    expect(problems(scaler, { topic: 't', listName: 'l', [key]: text })).toEqual([message]);
  });

  it("cpu's Utilization value is ParseInt's: a \"+\" and leading zeros pass", () => {
    expect(parseOk(cpuScaler, { value: '+60' }, 'Utilization').hpaTarget).toEqual({ type: 'Utilization', averageUtilizationPercent: 60 });
    expect(parseOk(cpuScaler, { value: '060' }, 'Utilization').hpaTarget).toEqual({ type: 'Utilization', averageUtilizationPercent: 60 });
  });
});
