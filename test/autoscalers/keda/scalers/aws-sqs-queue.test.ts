/**
 * The aws-sqs-queue scaler (pkg/scalers/aws_sqs_queue_scaler.go) and the queue name it takes from
 * queueURL (Go's url.ParseRequestURI: a failed parse makes the whole text the name, a parsed one
 * needs a path of exactly /<account>/<name>). Rows worked out from the Go source by hand.
 */
import { describe, expect, it } from 'vitest';
import { awsSqsQueueScaler } from '../../../../src/autoscalers/keda/scalers/aws-sqs-queue.js';
import { findScaler } from '../../../../src/autoscalers/keda/scalers/registry.js';
import { requestUriPath, sqsQueueName } from '../../../../src/autoscalers/keda/scalers/sqs-queue-name.js';
import { parseOk, problems, queue } from './helpers.js';

const URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders';

describe('sqsQueueName (parseAwsSqsQueueMetadata)', () => {
  it.each<[string, string, string | null]>([
    ['a queue URL: the path\'s third part', URL, 'orders'],
    ['a bare name: ParseRequestURI fails ("invalid URI for request"), the text is the name', 'orders', 'orders'],
    ['a bare name with dashes and dots (scheme characters, but no ":")', 'my-queue.fifo', 'my-queue.fifo'],
    ['an absolute path', '/123456789012/orders', 'orders'],
    ['the query is cut before the path is split', `${URL}?x=1`, 'orders'],
    ['a percent-encoded name is decoded', 'https://sqs.eu-west-1.amazonaws.com/123456789012/my%2Dqueue', 'my-queue'],
    ['a bad escape fails the parse: the whole text is the name', 'https://host/1/a%zz', 'https://host/1/a%zz'],
    ['a port that is not digits fails the parse: the whole text is the name', 'https://host:abc/1/q', 'https://host:abc/1/q'],
    ['a leading ":" fails the parse ("missing protocol scheme")', ':orders', ':orders'],
    ['an IPv6 host without its "]" fails the parse', 'https://[::1/1/q', 'https://[::1/1/q'],
    ['text after an IPv6 host\'s "]" that is no port fails the parse', 'https://[::1]x/1/q', 'https://[::1]x/1/q'],
    ['an IPv6 host with a port parses', 'https://[::1]:443/1/q', 'q'],
    ['a space in the host fails the parse', 'https://a b/1/q', 'https://a b/1/q'],
    ['an escaped ASCII byte in the host fails the parse', 'https://h%41/1/q', 'https://h%41/1/q'],
    ['userinfo with a character it may not hold fails the parse', 'https://u ser@h/1/q', 'https://u ser@h/1/q'],
    ['userinfo of allowed characters parses', 'https://user:pa%20ss@h/1/q', 'q'],
    ['an escape after a character beyond the BMP decodes over UTF-8 bytes', 'https://h/1/q\u{1F600}%41', 'q\u{1F600}A'],
    ['a control byte fails the parse', 'orders\u0007', 'orders\u0007'],
    ['a path of four parts cannot give a name', 'https://sqs.eu-west-1.amazonaws.com/123/orders/x', null],
    ['a trailing slash leaves the third part empty', 'https://sqs.eu-west-1.amazonaws.com/123/', null],
    ['an opaque URI has no path', 'mailto:orders', null],
    ['a host alone has an empty path', 'https://sqs.eu-west-1.amazonaws.com', null],
    ['a scheme-less "//" is no authority: the path has four parts', '//host/123/orders', null],
  ])('%s: %s', (_name, queueURL, expected) => {
    const name = sqsQueueName(queueURL);
    expect(name.ok ? name.queueName : null).toEqual(expected);
  });

  it('ParseRequestURI: "*" is a path; "" fails', () => {
    expect([requestUriPath('*'), requestUriPath('')]).toEqual(['*', undefined]);
  });
});

describe('aws-sqs-queue scaler', () => {
  it('defaults: queueLength 5, activationQueueLength 0, in-flight messages counted, metric aws-sqs-<name>', () => {
    const t = parseOk(awsSqsQueueScaler, { queueURL: URL, awsRegion: 'eu-west-1' });
    expect(t.hpaTarget).toEqual({ type: 'AverageValue', averageValueMilli: 5000 });
    expect(t.needs).toEqual({ kind: 'queue', queueName: 'orders' });
    expect(t.config.metricName).toBe('aws-sqs-orders');
    expect(findScaler('aws-sqs-queue')).toBe(awsSqsQueueScaler);
  });

  it.each<[string, Record<string, string>, number, number, number, boolean]>([
    ['visible + in flight (scaleOnInFlight default true)', {}, 4, 3, 7, true],
    ['visible only with scaleOnInFlight false', { scaleOnInFlight: 'false' }, 4, 3, 4, true],
    ['active strictly above activationQueueLength', { activationQueueLength: '7' }, 4, 3, 7, false],
    ['scaleOnDelayed adds the delayed messages: none in the simulation', { scaleOnDelayed: 'true' }, 2, 0, 2, true],
    ['an empty queue is inactive', {}, 0, 0, 0, false],
  ])('%s', (_name, extra, messages, unacked, value, isActive) => {
    const t = parseOk(awsSqsQueueScaler, { queueURL: URL, ...extra });
    expect(awsSqsQueueScaler.read(t, queue({ messages, unacked }))).toMatchObject({ metricValue: value, isActive });
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['no queueURL', {}, ['queueURL: required: expected the queue URL (https://sqs.<region>.amazonaws.com/<account>/<queue name>) or a queue name']],
    ['a queueURL whose path has no name', { queueURL: 'https://sqs.eu-west-1.amazonaws.com/123/' }, ['queueURL: cannot get queueName from queueURL "https://sqs.eu-west-1.amazonaws.com/123/": expected https://sqs.<region>.amazonaws.com/<account>/<queue name>, or a bare queue name']],
    ['a queueLength that is not a JSON integer (TypedConfig int64)', { queueURL: 'q', queueLength: '5.0' }, ['queueLength: expected an integer > 0 written as KEDA reads it (a JSON number: no "+", leading zeros, fraction or exponent), got "5.0"']],
    ['a queueLength of 0 (the generated HPA\'s averageValue must be positive)', { queueURL: 'q', queueLength: '0' }, ['queueLength: expected an integer > 0, got "0"']],
    ['a scaleOnInFlight that is not a bool', { queueURL: 'q', scaleOnInFlight: 'yes' }, ['scaleOnInFlight: expected true or false, got "yes"']],
  ])('refuses %s', (_name, metadata, expected) => {
    expect(problems(awsSqsQueueScaler, metadata)).toEqual(expected);
  });

  it('leaves queueURL to the env when queueURLFromEnv is set', () => {
    expect(problems(awsSqsQueueScaler, { queueURLFromEnv: 'QUEUE_URL' })).toEqual([]);
  });

  it('needs a queue reading', () => {
    expect(awsSqsQueueScaler.read(parseOk(awsSqsQueueScaler, { queueURL: 'q' }), { kind: 'value', value: 3 }).error).toMatch(/needs a queue reading/);
  });
});
