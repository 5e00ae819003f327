import { describe, expect, it } from 'vitest';
import { cronScaler } from '../../../../src/autoscalers/keda/scalers/cron.js';
import { parseOk, problems } from './helpers.js';

/** 2024-01-15T00:00:00Z, a Monday. */
const DAY = 1_705_276_800;
const at = (hh: number, mm = 0, ss = 0) => DAY + hh * 3600 + mm * 60 + ss;

function read(metadata: Record<string, string>, epochSeconds: number) {
  return cronScaler.read(parseOk(cronScaler, { desiredReplicas: '10', ...metadata }), { kind: 'cron', epochSeconds });
}

describe('cron scaler', () => {
  it('fixed target AverageValue 1, needs the clock, metric name from zone and schedules', () => {
    const t = parseOk(cronScaler, { timezone: 'Asia/Kolkata', start: '*/5 8 * * *', end: '0 18 * * ?', desiredReplicas: '3' });
    expect(t.hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 1000 });
    expect(t.needs).toEqual({ kind: 'clock' });
    expect(t.config.metricName).toBe('cron-Asia-Kolkata-xSl58xxx-018xxQm');
  });

  it.each([
    ['inside 08:00–18:00', { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *' }, at(12), true],
    ['after the window', { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *' }, at(20), false],
    ['before the window', { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *' }, at(7, 59, 59), false],
    ['exactly at start: inside', { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *' }, at(8), true],
    ['exactly at end: outside', { timezone: 'UTC', start: '0 8 * * *', end: '0 18 * * *' }, at(18), false],
    ['window crossing midnight, at 23:00', { timezone: 'UTC', start: '0 22 * * *', end: '0 6 * * *' }, at(23), true],
    ['window crossing midnight, at 03:00', { timezone: 'UTC', start: '0 22 * * *', end: '0 6 * * *' }, at(3), true],
    ['window crossing midnight, at 12:00', { timezone: 'UTC', start: '0 22 * * *', end: '0 6 * * *' }, at(12), false],
    // Asia/Shanghai is UTC+8: 09:00–17:00 local is 01:00–09:00 UTC.
    ['Asia/Shanghai 09–17 local at 02:00 UTC (10:00 local)', { timezone: 'Asia/Shanghai', start: '0 9 * * *', end: '0 17 * * *' }, at(2), true],
    ['Asia/Shanghai 09–17 local at 12:00 UTC (20:00 local)', { timezone: 'Asia/Shanghai', start: '0 9 * * *', end: '0 17 * * *' }, at(12), false],
    ['weekdays only, on Monday', { timezone: 'UTC', start: '0 8 * * 1-5', end: '0 18 * * 1-5' }, at(12), true],
    ['weekdays only, on Sunday', { timezone: 'UTC', start: '0 8 * * 1-5', end: '0 18 * * 1-5' }, at(12) - 86_400, false],
  ] as const)('%s', (_name, metadata, epochSeconds, isActive) => {
    expect(read(metadata, epochSeconds)).toMatchObject({ isActive, metricValue: isActive ? 10 : 0 });
  });

  it.each([
    ['missing everything', {}, ['timezone: required: expected an IANA time zone such as "UTC" or "Asia/Shanghai"', 'start: required: expected a 5-field cron schedule such as "0 8 * * *"', 'end: required: expected a 5-field cron schedule such as "0 8 * * *"', 'desiredReplicas: required: expected an integer > 0']],
    ['an unknown zone', { timezone: 'Mars/Olympus', start: '0 8 * * *', end: '0 9 * * *', desiredReplicas: '1' }, ['timezone: expected an IANA time zone such as "UTC" or "Asia/Shanghai", got "Mars/Olympus"']],
    ['start equal to end', { timezone: 'UTC', start: '0 8 * * *', end: '0 8 * * *', desiredReplicas: '1' }, ['end: start and end can not have exactly same time input']],
  ])('rejects %s', (_name, metadata, expected) => {
    expect(problems(cronScaler, metadata)).toEqual(expected);
  });

  it.each([
    ['six fields (seconds)', '0 0 8 * * *', /expected 5 fields/],
    ['four fields', '0 8 * *', /expected 5 fields/],
    ['a descriptor', '@daily', /descriptor/],
    ['an out-of-range hour', '0 25 * * *', /invalid schedule/],
    ['nth weekday', '0 8 * * 1#2', /not supported/],
  ])('rejects a start schedule with %s', (_name, start, message) => {
    const [problem] = problems(cronScaler, { timezone: 'UTC', start, end: '0 9 * * *', desiredReplicas: '1' });
    expect(problem).toMatch(/^start: /);
    expect(problem).toMatch(message);
  });
});
