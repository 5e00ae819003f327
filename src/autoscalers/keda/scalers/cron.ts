/**
 * The `cron` trigger (pkg/scalers/cron_scaler.go): `desiredReplicas` against a fixed target of 1
 * while inside the window; the window is open when the next `end` comes before the next `start`.
 */
import { normalizeMetricName } from '../metric-name.js';
import { externalMetricTarget } from '../metric-value.js';
import type { ParsedTrigger, ScalerDefinition } from '../types.js';
import { checkCronSchedule, checkTimeZone, nextCronTimeSeconds, NextFiring } from './cron-schedule.js';
import { readExternalTargetType } from './external-target.js';
import { MetadataReader } from './metadata-reader.js';
import { unusableReading } from './scaler-result.js';

interface CronConfig {
  metricName: string;
  start: string;
  end: string;
  timezone: string;
  desiredReplicas: number;
}

/**
 * Metric value outside the window. docs/fidelity-spec.md §3.6 (and vector keda-scaler-011) say 0;
 * upstream GetMetricsAndActivity reports 1 there (the HPA minimum is ≥ 1, so both give 1 replica).
 */
export const CRON_OUTSIDE_WINDOW_VALUE = 0;

/** parseCronTimeFormat: spaces dropped, `*` → x, `/` → Sl, `?` → Qm (for the metric name). */
function cronNamePart(spec: string): string {
  return spec.replaceAll(' ', '').replaceAll('*', 'x').replaceAll('/', 'Sl').replaceAll('?', 'Qm');
}

function readSchedule(reader: MetadataReader, key: 'start' | 'end'): string {
  const spec = reader.requiredString(key, 'a 5-field cron schedule such as "0 8 * * *"');
  const problem = spec === '' ? undefined : checkCronSchedule(spec);
  if (problem !== undefined) reader.problem(key, problem);
  return spec;
}

export const cronScaler: ScalerDefinition = {
  type: 'cron',
  parse(trigger) {
    const reader = new MetadataReader(trigger.metadata);
    const targetType = readExternalTargetType(trigger.metricType, reader);
    const timezone = reader.requiredString('timezone', 'an IANA time zone such as "UTC" or "Asia/Shanghai"');
    const zoneProblem = timezone === '' ? undefined : checkTimeZone(timezone);
    if (zoneProblem !== undefined) reader.problem('timezone', zoneProblem);
    const start = readSchedule(reader, 'start');
    const end = readSchedule(reader, 'end');
    if (start !== '' && start === end) reader.problem('end', 'start and end can not have exactly same time input');
    const desiredReplicas = reader.number('desiredReplicas', { integer: true, min: 0, exclusive: true }) ?? 0;
    const config: CronConfig = {
      metricName: normalizeMetricName(`cron-${timezone}-${cronNamePart(start)}-${cronNamePart(end)}`),
      start,
      end,
      timezone,
      desiredReplicas,
    };
    return reader.finish(() => ({
      type: 'cron',
      // The firing caches belong to this parsed trigger: each trigger instance keeps its own.
      config: { ...config, startFiring: new NextFiring(start, timezone), endFiring: new NextFiring(end, timezone) },
      hpaTarget: externalMetricTarget(targetType, 1),
      needs: { kind: 'clock' },
    }));
  },
  /** A `cron` reading: the simulation clock as epoch seconds. */
  read(trigger: ParsedTrigger, reading) {
    if (reading.kind !== 'cron') return unusableReading('cron', 'cron', reading);
    const c = trigger.config as unknown as CronConfig & { startFiring?: NextFiring; endFiring?: NextFiring };
    const nextStart = c.startFiring ? c.startFiring.after(reading.epochSeconds) : nextCronTimeSeconds(c.start, c.timezone, reading.epochSeconds);
    const nextEnd = c.endFiring ? c.endFiring.after(reading.epochSeconds) : nextCronTimeSeconds(c.end, c.timezone, reading.epochSeconds);
    const isActive = !(nextStart < nextEnd);
    const metricValue = isActive ? c.desiredReplicas : CRON_OUTSIDE_WINDOW_VALUE;
    const when = `next end in ${nextEnd - reading.epochSeconds} s, next start in ${nextStart - reading.epochSeconds} s (${c.timezone})`;
    return { metricValue, isActive, reason: `${isActive ? 'inside' : 'outside'} the window: ${when}; metric ${metricValue}` };
  },
};
