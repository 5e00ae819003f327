/**
 * The time axis of every chart: hours for runs up to 3 days, days beyond, so tick labels stay
 * short numbers (0–72 h, then 3–30+ d).
 */

export interface TimeAxis {
  /** Axis title, with its unit: "time (h)" or "time (d)". */
  label: string;
  unit: 'h' | 'd';
  secondsPerUnit: number;
}

/** Runs up to this long are drawn in hours. */
export const HOURS_AXIS_MAX_SECONDS = 3 * 86_400;

/** Hours when durationSeconds ≤ 3 days, else days. */
export function chooseTimeAxis(durationSeconds: number): TimeAxis {
  return durationSeconds <= HOURS_AXIS_MAX_SECONDS
    ? { label: 'time (h)', unit: 'h', secondsPerUnit: 3600 }
    : { label: 'time (d)', unit: 'd', secondsPerUnit: 86_400 };
}
