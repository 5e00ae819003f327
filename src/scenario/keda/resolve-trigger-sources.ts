/**
 * Where every KEDA trigger that reads something gets its value: scenario.yaml spec.triggers
 * entries (`<owner>/<trigger>: { series | queue }`), else, for queue triggers (kafka topic,
 * rabbitmq queueName, redis listName or stream, …: each scaler's `needs.queueName`), the workload
 * queue of the same name, or for a useRegex (rabbitmq, azure-servicebus) every queue the regex matches. Every trigger that
 * needs a queue or a series is resolved here, so the engine never has to guess.
 */
import { suggestionHint } from '../did-you-mean.js';
import type { ProblemSink } from '../problem-sink.js';
import type { TriggerSourceInput } from '../schema/trigger-source-schema.js';
import type { TriggerSourceSpec } from '../types.js';
import type { DocRef } from '../yaml/doc-ref.js';
import { describeTrigger, resolveTriggerRef, type TriggerOwner } from './keda-owners.js';
import { TOO_MANY_QUEUES } from '../../autoscalers/keda/scalers/rabbitmq-composed-queue.js';
import type { ParsedTrigger, QueueRegex } from '../../autoscalers/keda/types.js';
import type { FieldPath } from '../yaml/field-path.js';
import { pcreToRegExp } from '../../autoscalers/keda/queue-regex/pcre-pattern.js';
import { re2ToRegExp } from '../../autoscalers/keda/queue-regex/re2-pattern.js';

type QueueNeeds = Extract<ParsedTrigger['needs'], { kind: 'queue' }>;

export interface TriggerSourceContext {
  owners: ReadonlyMap<string, TriggerOwner>;
  /** Owners that could not be read: references to them are not reported again. */
  unreadableOwners?: ReadonlySet<string>;
  /** spec.triggers: valid entries by key. */
  entries: ReadonlyMap<string, TriggerSourceInput>;
  /** Every key of spec.triggers, including entries with schema problems (their triggers are not reported again). */
  keys: readonly string[];
  seriesNames: readonly string[];
  queueNames: readonly string[];
  /** Queues scenario.yaml names but could not read (their problems are reported): triggers reading them are not reported again. */
  unreadableQueues?: readonly string[];
  scenarioRef: DocRef;
  sink: ProblemSink;
}

type Source = TriggerSourceSpec['source'];

interface Explicit {
  key: string;
  source: Source;
}

export function resolveTriggerSources(ctx: TriggerSourceContext): TriggerSourceSpec[] {
  const explicit = readEntries(ctx);
  const invalid = new Set(ctx.keys.filter((k) => !ctx.entries.has(k)).flatMap((k) => canonicalKey(k, ctx.owners) ?? []));
  const out: TriggerSourceSpec[] = [];
  for (const owner of ctx.owners.values()) {
    owner.parsed.forEach((parsed, index) => {
      const given = explicit.get(`${owner.name}/${index}`);
      if (!parsed || invalid.has(`${owner.name}/${index}`)) return;
      const needs = parsed.needs;
      const source = needs.kind === 'queue' || needs.kind === 'series' ? sourceFor(owner, index, needs, given, ctx) : rejectEntry(owner, index, given, ctx);
      if (source) out.push({ owner: owner.name, triggerIndex: index, source });
    });
  }
  return out;
}

/** "<owner>/<index>" of a trigger reference, or undefined when it names nothing. */
function canonicalKey(text: string, owners: ReadonlyMap<string, TriggerOwner>): string | undefined {
  const resolved = resolveTriggerRef(text, owners);
  return resolved.ok ? `${resolved.owner.name}/${resolved.triggerIndex}` : undefined;
}

/** Valid spec.triggers entries by "<owner>/<index>"; bad keys, bad values and duplicates are reported. */
function readEntries(ctx: TriggerSourceContext): Map<string, Explicit> {
  const out = new Map<string, Explicit>();
  for (const [key, entry] of ctx.entries) {
    const at = ['spec', 'triggers', key];
    const resolved = resolveTriggerRef(key, ctx.owners, ctx.unreadableOwners);
    if (!resolved.ok) {
      if (resolved.unreadable !== true) ctx.sink.error(ctx.scenarioRef.problem(at, resolved.message, resolved.hint, { key: true }));
      continue;
    }
    const source = entrySource(entry, at, ctx);
    if (!source) continue;
    const canonical = `${resolved.owner.name}/${resolved.triggerIndex}`;
    const first = out.get(canonical);
    if (first) {
      ctx.sink.error(ctx.scenarioRef.problem(at, `"${key}" and "${first.key}" name the same trigger`, 'keep one entry per trigger', { key: true }));
      continue;
    }
    out.set(canonical, { key, source });
  }
  return out;
}

function entrySource(entry: TriggerSourceInput, at: string[], ctx: TriggerSourceContext): Source | undefined {
  const error = (path: string[], message: string, hint?: string) => ctx.sink.error(ctx.scenarioRef.problem(path, message, hint));
  if ((entry.series === undefined) === (entry.queue === undefined)) {
    error(at, 'set exactly one of series or queue', 'e.g. { series: row-count } or { queue: orders }');
    return undefined;
  }
  if (entry.series !== undefined) {
    if (ctx.seriesNames.includes(entry.series)) return { kind: 'series', series: entry.series };
    error([...at, 'series'], `series "${entry.series}" is not defined under spec.series`, suggestionHint(entry.series, ctx.seriesNames, 'series') ?? `add spec.series.${entry.series}: { trace: <trace name> }`);
    return undefined;
  }
  const queue = entry.queue as string;
  if (ctx.queueNames.includes(queue)) return { kind: 'queue', queue };
  error([...at, 'queue'], `no workload has a queue named "${queue}"`, suggestionHint(queue, ctx.queueNames, 'queues') ?? 'add queue: { name: …, messagesPerSecondPerPod: … } to a workload under spec.workloads');
  return undefined;
}

function sourceFor(owner: TriggerOwner, index: number, needs: QueueNeeds | { kind: 'series' }, given: Explicit | undefined, ctx: TriggerSourceContext): Source | undefined {
  const trigger = describeTrigger(owner, index);
  const key = `${owner.name}/${index}`;
  if (needs.kind === 'queue') {
    if (given?.source.kind === 'series') {
      ctx.sink.error(ctx.scenarioRef.problem(['spec', 'triggers', given.key], `the ${trigger} reads a queue, not a series`, `point it to a queue: { queue: <queue name> }`, { key: true }));
      return undefined;
    }
    if (given) return given.source;
    if (needs.regex !== undefined) return regexSource(owner, index, needs.queueName, needs.regex, ctx);
    if (ctx.queueNames.includes(needs.queueName)) return { kind: 'queue', queue: needs.queueName };
    if (ctx.unreadableQueues?.includes(needs.queueName) === true) return undefined;
    if (needs.queueName === '') {
      const message = `the ${trigger} names no queue in its metadata, so the simulator cannot tell which queue it reads`;
      ctx.sink.error(owner.ref.problem(['spec', 'triggers', index, 'metadata'], message, `map it in scenario.yaml: spec.triggers: { "${key}": { queue: <queue name> } }`));
      return undefined;
    }
    const close = suggestionHint(needs.queueName, ctx.queueNames, 'queues');
    ctx.sink.error(
      owner.ref.problem(
        ['spec', 'triggers', index, 'metadata'],
        `the ${trigger} reads queue "${needs.queueName}", but no workload in scenario.yaml has a queue of that name`,
        `${close?.startsWith('did you mean') ? `${close} ` : ''}add queue: { name: ${needs.queueName}, messagesPerSecondPerPod: <rate> } to the queue worker under spec.workloads, or map the trigger: spec.triggers: { "${key}": { queue: <queue name> } }`,
      ),
    );
    return undefined;
  }
  if (given) return given.source;
  const known = ctx.seriesNames.length > 0 ? ` (series: ${ctx.seriesNames.join(', ')})` : '';
  ctx.sink.error(
    owner.ref.problem(
      ['spec', 'triggers', index],
      `the ${trigger} queries a metric source; scenario.yaml must say where its values come from`,
      `add to scenario.yaml spec.triggers: { "${key}": { series: <a spec.series name> } }${known}, or { queue: <queue name> }`,
    ),
  );
  return undefined;
}

/**
 * A queue regex over the scenario's queues, in their order: rabbitmq's useRegex (`pcre`) keeps the
 * names it matches anywhere, case-insensitively (the management API's use_regex filter is
 * re:run(Name, Regex, [caseless]), PCRE, unanchored; pcre-pattern.ts); azure-servicebus's (`re2`)
 * the names Go's regexp matches whole (re2-pattern.ts). A regex that matches nothing reads 0; one
 * that matches more than pageSize fails every read, as KEDA's rabbitmq scaler does.
 */
function regexSource(owner: TriggerOwner, index: number, pattern: string, queueRegex: QueueRegex, ctx: TriggerSourceContext): Source | undefined {
  const at: FieldPath = ['spec', 'triggers', index, 'metadata', 'queueName'];
  const translated = queueRegex.syntax === 're2' ? re2ToRegExp(pattern) : pcreToRegExp(pattern);
  if (!translated.ok) {
    // The scaler refused an RE2 pattern at parse already; a PCRE one is checked here.
    ctx.sink.error(owner.ref.problem(at, `useRegex: queueName "${pattern}" is not a regular expression scalesim can evaluate as RabbitMQ does (PCRE): ${translated.reason}`, 'write a regular expression over queue names, e.g. ^orders-.*'));
    return undefined;
  }
  const regex = translated.regex;
  const queues = ctx.queueNames.filter((name) => regex.test(name));
  const trigger = describeTrigger(owner, index);
  const pageSize = queueRegex.pageSize;
  if (queues.length === 0) {
    ctx.sink.warn(owner.ref.warning(at, `the ${trigger} matches no queue of the scenario with /${pattern}/ (queues: ${ctx.queueNames.join(', ') || 'none'}): every read counts 0`));
  } else if (pageSize !== undefined && queues.length > pageSize) {
    ctx.sink.warn(owner.ref.warning(at, `the ${trigger} matches ${queues.length} queues, more than pageSize ${pageSize}: every read fails ("${TOO_MANY_QUEUES}"), as KEDA's does`, 'raise pageSize or narrow the regex'));
  }
  return { kind: 'queues', queues };
}

function rejectEntry(owner: TriggerOwner, index: number, given: Explicit | undefined, ctx: TriggerSourceContext): undefined {
  if (given) {
    ctx.sink.error(ctx.scenarioRef.problem(['spec', 'triggers', given.key], `the ${describeTrigger(owner, index)} reads no series or queue`, 'remove this entry', { key: true }));
  }
  return undefined;
}
