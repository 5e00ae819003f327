/**
 * 5-field cron schedules as KEDA's cron trigger parses them (robfig/cron/v3 with
 * Minute|Hour|Dom|Month|Dow) and their next firing time after an instant, in an IANA time zone.
 */
import { CronExpressionParser } from 'cron-parser';

/** Features cron-parser accepts that robfig's standard parser rejects. */
const UNSUPPORTED = [
  { test: (fields: string[]) => fields.some((f) => f.includes('#')), what: '"#" (nth weekday)' },
  { test: (fields: string[]) => /[LW]/.test(fields[2] ?? ''), what: '"L" or "W" in the day-of-month field' },
  { test: (fields: string[]) => /(^|[^A-Za-z])L/.test(fields[4] ?? ''), what: '"L" in the day-of-week field' },
  { test: (fields: string[]) => /(^|[^0-9])7($|[^0-9])/.test(fields[4] ?? ''), what: 'day-of-week 7 (robfig accepts 0–6, Sunday = 0)' },
  { test: (fields: string[]) => fields.some((f) => /(^|[^A-Za-z])H($|[^A-Za-z])/.test(f)), what: '"H" (hashed values)' },
];

/** A problem message for `spec`, or undefined when it is a valid 5-field schedule. */
export function checkCronSchedule(spec: string): string | undefined {
  const fields = spec.trim().split(/\s+/);
  if (spec.trim().startsWith('@')) return `expected 5 fields (minute hour day-of-month month day-of-week), got the descriptor "${spec}"`;
  if (fields.length !== 5) return `expected 5 fields (minute hour day-of-month month day-of-week), got ${fields.length} in "${spec}"`;
  const unsupported = UNSUPPORTED.find((u) => u.test(fields));
  if (unsupported !== undefined) return `${unsupported.what} is not supported by KEDA's cron parser, in "${spec}"`;
  try {
    CronExpressionParser.parse(spec, { currentDate: 0, tz: 'UTC' });
    return undefined;
  } catch (error) {
    return `invalid schedule "${spec}": ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** A problem message for an IANA time zone name (time.LoadLocation), or undefined when it is known. */
export function checkTimeZone(timeZone: string): string | undefined {
  if (timeZone === 'Local') return 'expected an IANA time zone such as "UTC" or "Asia/Shanghai"; "Local" depends on the machine';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return undefined;
  } catch {
    return `expected an IANA time zone such as "UTC" or "Asia/Shanghai", got "${timeZone}"`;
  }
}

/**
 * The first time strictly after `epochSeconds` at which `spec` fires in `timeZone`, in epoch
 * seconds (robfig Schedule.Next). `spec` and `timeZone` must have passed the checks above.
 */
export function nextCronTimeSeconds(spec: string, timeZone: string, epochSeconds: number): number {
  const next = CronExpressionParser.parse(spec, { currentDate: epochSeconds * 1000, tz: timeZone }).next();
  return next.getTime() / 1000;
}

/**
 * nextCronTimeSeconds for one schedule, remembered: no firing lies between the last query and its
 * answer, so any later query before that answer has the same answer. Time-zone arithmetic is costly
 * and a trigger is read at every poll and HPA sync, so this turns most reads into a comparison.
 */
export class NextFiring {
  private fromSeconds = Number.NaN;
  private nextSeconds = Number.NaN;

  constructor(
    private readonly spec: string,
    private readonly timeZone: string,
  ) {}

  after(epochSeconds: number): number {
    if (epochSeconds >= this.fromSeconds && epochSeconds < this.nextSeconds) return this.nextSeconds;
    this.fromSeconds = epochSeconds;
    this.nextSeconds = nextCronTimeSeconds(this.spec, this.timeZone, epochSeconds);
    return this.nextSeconds;
  }
}
