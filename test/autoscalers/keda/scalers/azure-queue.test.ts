/**
 * The azure-queue trigger: TestAzQueueParseMetadata's rows the metadata decides, the metric name,
 * and queueLengthStrategy (TestAzQueueGetMessageCount: all → the approximate count; visibleonly →
 * the peeked visible count below 32, else the approximate count).
 */
import { describe, expect, it } from 'vitest';
import { generateMetricNameWithIndex, scalerMetricName } from '../../../../src/autoscalers/keda/metric-name.js';
import { azureQueueScaler } from '../../../../src/autoscalers/keda/scalers/azure-queue.js';
import { parseOk, problems, queue } from './helpers.js';

const GOOD = { connectionFromEnv: 'CONNECTION', queueName: 'sample', queueLength: '5' };

describe('azure-queue scaler', () => {
  it.each([
    ['nothing', {}, ['queueName: required: expected the Storage queue name']],
    ['properly formed', GOOD, []],
    ['empty queueName', { ...GOOD, queueName: '' }, ['queueName: required: expected the Storage queue name']],
    ['queueLength not an integer', { ...GOOD, queueLength: 'AA' }, ['queueLength: expected an integer > 0, got "AA"']],
    ['activationQueueLength not an integer', { ...GOOD, queueLength: '1', activationQueueLength: 'AA' }, ['activationQueueLength: expected an integer, got "AA"']],
    ['queueLengthStrategy all', { ...GOOD, queueLengthStrategy: 'all' }, []],
    ['queueLengthStrategy visibleonly', { ...GOOD, queueLengthStrategy: 'visibleonly' }, []],
    ['queueLengthStrategy outside the enum (case-sensitive)', { ...GOOD, queueLengthStrategy: 'VisibleOnly' }, ['queueLengthStrategy: parameter "queueLengthStrategy" value "VisibleOnly" must be one of [all visibleonly]']],
    ['queueLengthStrategy "all,visibleonly" passes the enum check (each part)', { ...GOOD, queueLengthStrategy: 'all,visibleonly' }, []],
  ])('%s', (_name, metadata, expected) => {
    expect(problems(azureQueueScaler, metadata)).toEqual(expected);
  });

  it('names the metric s<index>-azure-queue-<queueName> (underscores kept); queueLength defaults to 5', () => {
    expect(generateMetricNameWithIndex(0, scalerMetricName(parseOk(azureQueueScaler, GOOD)))).toBe('s0-azure-queue-sample');
    const t = parseOk(azureQueueScaler, { accountName: 'sample_acc', queueName: 'sample_queue' });
    expect(generateMetricNameWithIndex(1, scalerMetricName(t))).toBe('s1-azure-queue-sample_queue');
    expect(t.hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 5000 });
    expect(t.needs).toEqual({ kind: 'queue', queueName: 'sample_queue' });
  });

  it.each([
    ['all: visible + invisible', 'all', 10, 90, 100],
    ['visibleonly, 10 visible: the peeked count', 'visibleonly', 10, 90, 10],
    ['visibleonly, 31 visible: the peeked count', 'visibleonly', 31, 69, 31],
    ['visibleonly, 32 visible: the approximate count', 'visibleonly', 32, 68, 100],
    ['visibleonly, 35 visible: the approximate count', 'visibleonly', 35, 65, 100],
  ])('%s', (_name, strategy, messages, unacked, expected) => {
    const t = parseOk(azureQueueScaler, { ...GOOD, queueLengthStrategy: strategy });
    expect(azureQueueScaler.read(t, queue({ messages, unacked })).metricValue).toBe(expected);
  });

  it('"all,visibleonly" reads as all: getMessageCount peeks only for exactly visibleonly', () => {
    const t = parseOk(azureQueueScaler, { ...GOOD, queueLengthStrategy: 'all,visibleonly' });
    expect(azureQueueScaler.read(t, queue({ messages: 10, unacked: 90 })).metricValue).toBe(100);
  });

  it('activation is strictly above activationQueueLength', () => {
    const t = parseOk(azureQueueScaler, { ...GOOD, activationQueueLength: '3' });
    expect(azureQueueScaler.read(t, queue({ messages: 2, unacked: 1 })).isActive).toBe(false);
    expect(azureQueueScaler.read(t, queue({ messages: 2, unacked: 2 })).isActive).toBe(true);
  });
});
