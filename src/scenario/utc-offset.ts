/**
 * The UTC offset written in an ISO-8601 timestamp ("…Z", "…-04:00"): it places clock times such as
 * "02:00" in a scenario on the calendar of the timestamp that defines simulation t = 0.
 */

const OFFSET_AT_END = /(?:([Zz])|([+-])(\d{2}):?(\d{2})?)$/;
const TIMESTAMP_IN_TEXT = /\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)/;

/** Seconds east of UTC of a timestamp ending in its offset: "…Z" → 0, "…-04:00" → -14400; 0 when there is none. */
export function utcOffsetSeconds(timestamp: string): number {
  const m = OFFSET_AT_END.exec(timestamp.trim());
  if (!m || m[1]) return 0;
  const seconds = Number(m[3]) * 3600 + Number(m[4] ?? 0) * 60;
  return m[2] === '-' ? -seconds : seconds;
}

/** The offset of the first ISO-8601 timestamp in a line of a trace file, or undefined when it has none. */
export function utcOffsetInLine(line: string): number | undefined {
  const m = TIMESTAMP_IN_TEXT.exec(line);
  return m ? utcOffsetSeconds(m[0]) : undefined;
}
