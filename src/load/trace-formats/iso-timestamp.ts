/**
 * ISO-8601 / RFC 3339 timestamps with an explicit offset ("1995-07-01T00:00:00-04:00",
 * "2014-04-10T00:04:00Z") → seconds since the Unix epoch, and back (UTC, for messages), computed by
 * calendar arithmetic (no Date).
 */
import { ValueFormatError } from '../../errors/value-format-error.js';

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Parses a timestamp that carries its offset (`Z` or ±HH:MM). Throws ValueFormatError when the
 * text is not such a timestamp, lacks the offset, or names a day or time that does not exist.
 */
export function parseIsoTimestampSeconds(text: string): number {
  const fast = parseCommonLayout(text);
  return Number.isNaN(fast) ? parseAnyLayout(text) : fast;
}

/**
 * The layout of every shipped trace, "YYYY-MM-DDTHH:MM:SS" + "Z" or "±HH:MM", read digit by digit
 * (several times faster than the regular expression on 40k-row files). NaN = use the general path.
 */
function parseCommonLayout(t: string): number {
  const zulu = t.length === 20 && t.charCodeAt(19) === 90; // 'Z'
  if (!zulu && t.length !== 25) return Number.NaN;
  if (t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(10) !== 84 || t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58) {
    return Number.NaN;
  }
  const year = twoDigits(t, 0) * 100 + twoDigits(t, 2);
  const month = twoDigits(t, 5);
  const day = twoDigits(t, 8);
  const hour = twoDigits(t, 11);
  const minute = twoDigits(t, 14);
  const second = twoDigits(t, 17);
  let offsetSeconds = 0;
  if (!zulu) {
    const sign = t.charCodeAt(19);
    if ((sign !== 43 && sign !== 45) || t.charCodeAt(22) !== 58) return Number.NaN;
    const offsetHours = twoDigits(t, 20);
    const offsetMinutes = twoDigits(t, 23);
    if (!(offsetHours <= 23 && offsetMinutes <= 59)) return Number.NaN;
    offsetSeconds = (sign === 45 ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  }
  // NaN (a non-digit) fails every comparison below, so it also takes the general path.
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59)) {
    return Number.NaN;
  }
  return daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
}

/** The two-digit number at t[i], t[i+1], or NaN if either is not a digit. */
function twoDigits(t: string, i: number): number {
  const tens = t.charCodeAt(i) - 48;
  const ones = t.charCodeAt(i + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : Number.NaN;
}

function parseAnyLayout(text: string): number {
  const m = ISO_PATTERN.exec(text);
  if (!m) throw new ValueFormatError(`"${text}" is not an ISO-8601 timestamp with an offset`, isoHint(text));
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  const offsetSign = m[9] === '-' ? -1 : 1;
  const offsetHours = m[10] === undefined ? 0 : Number(m[10]);
  const offsetMinutes = m[11] === undefined ? 0 : Number(m[11]);
  if (
    month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) ||
    hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59
  ) {
    throw new ValueFormatError(`"${text}" is not a valid date and time`);
  }
  const localSeconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second + fraction;
  return localSeconds - offsetSign * (offsetHours * 3600 + offsetMinutes * 60);
}

/**
 * Seconds since the Unix epoch as a UTC timestamp, `2024-01-01T00:00:00Z` (milliseconds shown when
 * not whole: `…:00.500Z`), as Date's toISOString writes it; undefined outside the years 0000–9999.
 */
export function formatIsoTimestamp(epochSeconds: number): string | undefined {
  const millis = Math.round(epochSeconds * 1000);
  const days = Math.floor(millis / 86_400_000);
  const msOfDay = millis - days * 86_400_000;
  const [year, month, day] = civilFromDays(days);
  if (!Number.isFinite(millis) || year < 0 || year > 9999) return undefined;
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const ms = msOfDay % 1000;
  const time = `${pad(Math.floor(msOfDay / 3_600_000))}:${pad(Math.floor(msOfDay / 60_000) % 60)}:${pad(Math.floor(msOfDay / 1000) % 60)}${ms === 0 ? '' : `.${pad(ms, 3)}`}`;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${time}Z`;
}

/** The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
}

function isoHint(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
    return 'add the UTC offset, e.g. "Z" or "-04:00" (a timestamp without one is ambiguous)';
  }
  return 'write e.g. 2024-03-01T12:00:00Z or 1995-07-01T00:00:00-04:00';
}
