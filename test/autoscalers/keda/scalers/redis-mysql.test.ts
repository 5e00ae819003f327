import { describe, expect, it } from 'vitest';
import { mysqlScaler } from '../../../../src/autoscalers/keda/scalers/mysql.js';
import { redisScaler } from '../../../../src/autoscalers/keda/scalers/redis.js';
import { parseOk, problems, queue } from './helpers.js';

describe('redis list scaler', () => {
  it('defaults: listLength 5, activationListLength 0, queue = listName', () => {
    const t = parseOk(redisScaler, { listName: 'jobs' });
    expect(t.hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 5000 });
    expect(t.needs).toEqual({ kind: 'queue', queueName: 'jobs' });
    expect(t.config.metricName).toBe('redis-jobs');
  });

  it.each([
    ['length above activation', 3, true],
    ['length equal to activation (strict)', 2, false],
  ])('%s', (_name, messages, isActive) => {
    expect(redisScaler.read(parseOk(redisScaler, { listName: 'l', activationListLength: '2' }), queue({ messages }))).toMatchObject({ metricValue: messages, isActive });
  });

  it('listLength must be a positive integer', () => {
    expect(problems(redisScaler, { listName: 'l', listLength: '2.5' })).toEqual(['listLength: expected an integer > 0, got "2.5"']);
  });

  it('needs a queue reading', () => {
    expect(redisScaler.read(parseOk(redisScaler, { listName: 'l' }), { kind: 'value', value: 3 }).error).toMatch(/needs a queue reading/);
  });
});

describe('mysql scaler', () => {
  it('queryValue is required; activationQueryValue defaults to 0', () => {
    expect(problems(mysqlScaler, {})).toEqual(['queryValue: required: expected a number > 0']);
    const t = parseOk(mysqlScaler, { queryValue: '10', dbName: 'app.db' });
    expect(t.hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 10000 });
    expect(t.config.metricName).toBe('mysql-app-db');
    expect(mysqlScaler.read(t, { kind: 'value', value: 0 })).toMatchObject({ metricValue: 0, isActive: false });
    expect(mysqlScaler.read(t, { kind: 'value', value: 0.5 })).toMatchObject({ metricValue: 0.5, isActive: true });
  });

  it('activation is strict', () => {
    const t = parseOk(mysqlScaler, { queryValue: '10', activationQueryValue: '3' });
    expect(mysqlScaler.read(t, { kind: 'value', value: 3 }).isActive).toBe(false);
    expect(mysqlScaler.read(t, { kind: 'value', value: 3.5 }).isActive).toBe(true);
  });

  it('no row (null) is an error', () => {
    expect(mysqlScaler.read(parseOk(mysqlScaler, { queryValue: '1' }), { kind: 'value', value: null }).error).toBeDefined();
  });
});
