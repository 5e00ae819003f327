/**
 * The raw source reading of a `keda.scaler` vector → a ScalerReading: query results (`queryResult`,
 * "empty vector" = null), queue state (`partitionLags` or `consumerOffsets` + `latestOffsets`,
 * `listLength`, `messages`, `publishRate`, `deliverGetRate`, SQS's `ApproximateNumberOfMessages`,
 * `…NotVisible` and `…Delayed`, NATS's `numPending`/`numAckPending`, a Redis stream's `lag` and
 * `pendingEntries`, Pub/Sub's `oldestUnackedMessageAge`…) and clock (`nowUTC`).
 */
import type { ParsedTrigger, ScalerReading } from '../autoscalers/keda/types.js';
import type { InputFields } from './input-fields.js';

/** `nowUTC: "12:00"` means that UTC clock time on 2024-01-15 (a Monday): 1705276800 is its midnight. */
export const VECTOR_CRON_DAY_EPOCH_SECONDS = 1_705_276_800;

const EMPTY_RESULTS: ReadonlySet<string> = new Set(['empty vector', 'empty', 'empty result', 'null', 'nil', '']);
const SPECIAL_NUMBERS: Readonly<Record<string, number>> = Object.freeze({ NaN: Number.NaN, '+Inf': Infinity, Inf: Infinity, '-Inf': -Infinity });

/**
 * `queryResult`: a number, null / "empty vector", "NaN" / "+Inf" / "-Inf", or an array of sample
 * values: prometheus refuses more than one element (ExecutePromQuery's "returned multiple
 * elements"); mysql's QueryRowContext(…).Scan takes the first row and drops the rest.
 */
function seriesReading(f: InputFields, trigger: ParsedTrigger): ScalerReading | undefined {
  // A JSON null is a result (an empty one), not an absent field.
  const raw = f.raw('queryResult') !== undefined ? f.raw('queryResult') : f.raw('value');
  if (raw === undefined) return undefined;
  const one = (v: unknown): number | null => {
    if (typeof v === 'number') return v;
    if (v === null || (typeof v === 'string' && EMPTY_RESULTS.has(v.trim()))) return null;
    if (typeof v === 'string' && Object.hasOwn(SPECIAL_NUMBERS, v.trim())) return SPECIAL_NUMBERS[v.trim()] ?? null;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    throw new Error(`${f.path}.queryResult: expected a number, null, "empty vector", "NaN", "+Inf" or an array, got ${JSON.stringify(v)}`);
  };
  if (!Array.isArray(raw)) return { kind: 'value', value: one(raw) };
  if (raw.length > 1 && trigger.type === 'prometheus') return { kind: 'error', message: `query returned ${raw.length} elements; expected at most one` };
  return { kind: 'value', value: raw.length === 0 ? null : one(raw[0]) };
}

/** Kafka's offsets per partition: lags and which partitions have no committed offset. */
interface PartitionOffsets {
  lags: number[];
  invalid?: boolean[];
}

/** A partition array of numbers or null (null, or a consumer offset of -1, = no committed offset). */
function offsetList(f: InputFields, key: string): (number | null)[] {
  const raw = f.raw(key);
  const ok = Array.isArray(raw) && raw.every((v) => v === null || (typeof v === 'number' && Number.isFinite(v)));
  if (!ok) throw new Error(`${f.path}.${key}: expected an array of numbers or null (null = no committed offset), got ${JSON.stringify(raw)}`);
  return raw as (number | null)[];
}

/**
 * Lags per partition: `partitionLags` (null = the group has no committed offset there) padded with
 * zeros to `partitions`; or `consumerOffsets` (null or -1 = none committed) with `latestOffsets`; or
 * `totalLag`/`lag` spread evenly. A partition without a committed offset carries its newest offset
 * (`latestOffsets`, else 0), which offsetResetPolicy earliest counts in full.
 */
function partitionOffsets(f: InputFields): PartitionOffsets | undefined {
  const partitions = f.optNumber('partitions');
  const latest = f.has('latestOffsets') ? offsetList(f, 'latestOffsets') : undefined;
  let entries: { lag: number; invalid: boolean }[] | undefined;
  if (f.has('partitionLags')) {
    entries = offsetList(f, 'partitionLags').map((lag, i) => (lag === null ? { lag: latest?.[i] ?? 0, invalid: true } : { lag, invalid: false }));
  } else if (f.has('consumerOffsets')) {
    if (latest === undefined) throw new Error(`${f.path}.latestOffsets: expected an array of numbers with consumerOffsets`);
    entries = offsetList(f, 'consumerOffsets').map((consumer, i) => {
      const newest = latest[i] ?? 0;
      return consumer === null || consumer === -1 ? { lag: newest, invalid: true } : { lag: newest - consumer, invalid: false };
    });
  }
  if (entries !== undefined) {
    while (partitions !== undefined && entries.length < partitions) entries.push({ lag: 0, invalid: false });
    const lags = entries.map((e) => e.lag);
    return entries.some((e) => e.invalid) ? { lags, invalid: entries.map((e) => e.invalid) } : { lags };
  }
  const total = f.optNumber('totalLag') ?? f.optNumber('lag');
  if (total === undefined) return undefined;
  const n = partitions ?? 1;
  return { lags: Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0)) };
}

/** The first of `keys` the vector gives. */
function firstNumber(f: InputFields, keys: readonly string[]): number | undefined {
  for (const key of keys) {
    const value = f.optNumber(key);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Waiting (not yet delivered) messages by the names each system gives them: SQS's visible ones,
 * a Storage queue's, a Service Bus entity's active count, NATS's num_pending, Pub/Sub's
 * undelivered messages, a Redis stream group's lag.
 */
const WAITING_KEYS = ['messages', 'messagesReady', 'queueLength', 'listLength', 'ApproximateNumberOfMessages', 'approximateNumberOfMessages', 'visibleMessages', 'activeMessageCount', 'numPending', 'num_pending', 'numUndeliveredMessages', 'num_undelivered_messages', 'groupLag'];
/** Delivered, not yet acknowledged: SQS's not visible, a Storage queue's invisible, NATS's num_ack_pending, a Redis stream's pending entries. */
const HELD_KEYS = ['unacked', 'messagesUnacknowledged', 'ApproximateNumberOfMessagesNotVisible', 'approximateNumberOfMessagesNotVisible', 'invisibleMessages', 'numAckPending', 'num_ack_pending', 'pendingEntries', 'xpending'];
const REDIS_STREAMS = new Set(['redis-streams', 'redis-cluster-streams', 'redis-sentinel-streams']);

function queueReading(f: InputFields, trigger: ParsedTrigger): ScalerReading | undefined {
  // A Redis stream's `lag` is its group's lag (the waiting entries), not Kafka's partition lag.
  const streamLag = REDIS_STREAMS.has(trigger.type) ? firstNumber(f, ['lag', 'lagCount']) : undefined;
  const offsets = streamLag === undefined ? partitionOffsets(f) : undefined;
  const lags = offsets?.lags;
  const messages = streamLag ?? firstNumber(f, WAITING_KEYS);
  const unacked = firstNumber(f, HELD_KEYS);
  const oldestUnackedAge = firstNumber(f, ['oldestUnackedMessageAge', 'oldestUnackedAgeSeconds', 'oldest_unacked_message_age']);
  const delayed = f.optNumber('ApproximateNumberOfMessagesDelayed') ?? f.optNumber('approximateNumberOfMessagesDelayed') ?? f.optNumber('delayed');
  const rate = f.optNumber('publishRate') ?? f.optNumber('publishRatePerSecond') ?? f.optNumber('messageRate');
  // rabbitmq's message_stats.deliver_get_details.rate, for the deliver_get modes.
  const deliverRate = f.optNumber('deliverGetRate') ?? f.optNumber('deliverRate') ?? f.optNumber('deliverRatePerSecond');
  if (lags === undefined && messages === undefined && unacked === undefined && rate === undefined && deliverRate === undefined && delayed === undefined && oldestUnackedAge === undefined) return undefined;
  const reading: ScalerReading = { kind: 'queue', messages: messages ?? 0, unacked: unacked ?? 0, publishRatePerSecond: rate ?? 0, partitionLags: lags ?? [] };
  if (deliverRate !== undefined) reading.deliverRatePerSecond = deliverRate;
  if (delayed !== undefined) reading.delayed = delayed;
  if (oldestUnackedAge !== undefined) reading.oldestUnackedAgeSeconds = oldestUnackedAge;
  const moved = f.raw('partitionsMoved');
  if (Array.isArray(moved)) reading.partitionsMoved = moved.map((m) => m === true);
  if (offsets?.invalid !== undefined) reading.invalidOffsets = offsets.invalid;
  return reading;
}

/** Days from 1970-01-01 to the proleptic Gregorian date y-m-d (H. Hinnant's days_from_civil; no Date in src/). */
function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const UTC_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?Z?$/;

/** `nowUTC` ("HH:MM[:SS]" on VECTOR_CRON_DAY, or a UTC "YYYY-MM-DDTHH:MM[:SS]Z") or `nowEpochSeconds`. */
function clockReading(f: InputFields): ScalerReading | undefined {
  const epoch = f.optNumber('nowEpochSeconds');
  if (epoch !== undefined) return { kind: 'cron', epochSeconds: epoch };
  const text = f.optString('nowUTC') ?? f.optString('now');
  if (text === undefined) return undefined;
  const clock = CLOCK.exec(text);
  const full = UTC_DATE_TIME.exec(text);
  const n = (m: RegExpExecArray, i: number) => Number(m[i] ?? 0);
  if (clock !== null) return { kind: 'cron', epochSeconds: VECTOR_CRON_DAY_EPOCH_SECONDS + n(clock, 1) * 3600 + n(clock, 2) * 60 + n(clock, 3) };
  if (full === null) throw new Error(`${f.path}.nowUTC: expected "HH:MM" or a UTC date-time "YYYY-MM-DDTHH:MM:SSZ", got "${text}"`);
  const days = daysFromCivil(n(full, 1), n(full, 2), n(full, 3));
  return { kind: 'cron', epochSeconds: days * 86_400 + n(full, 4) * 3600 + n(full, 5) * 60 + n(full, 6) };
}

const READERS: Readonly<Record<ParsedTrigger['needs']['kind'], (f: InputFields, trigger: ParsedTrigger) => ScalerReading | undefined>> = Object.freeze({
  series: seriesReading,
  queue: queueReading,
  clock: clockReading,
  none: () => undefined,
});

/** The reading the vector gives for this trigger (`scalerError` / `readError` make it a failed read); undefined when it gives none. */
export function readScalerReading(f: InputFields, trigger: ParsedTrigger): ScalerReading | undefined {
  const failure = f.raw('readError') ?? f.raw('scalerError');
  if (failure === true || typeof failure === 'string') return { kind: 'error', message: typeof failure === 'string' ? failure : 'the scaler read failed' };
  return READERS[trigger.needs.kind](f, trigger);
}
