/** Simulation times as `explain` prints them: `t=157.4 s (0h02m37s)`, days first when there are any. */

/** Seconds since the run start → `0h02m37s`, or `2d03h15m00s` from one day on (whole seconds, rounded down). */
export function formatClock(seconds: number): string {
  const whole = Math.floor(Math.max(0, seconds) + 1e-9);
  const d = Math.floor(whole / 86400);
  const h = Math.floor((whole % 86400) / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return d > 0 ? `${d}d${two(h)}h${two(m)}m${two(s)}s` : `${h}h${two(m)}m${two(s)}s`;
}

/** A number of seconds with at most three decimals, as decisions.csv writes times: `157.189 s`. */
export function formatSeconds(seconds: number): string {
  return `${Math.round(seconds * 1000) / 1000} s`;
}

/** `t=157.189 s (0h02m37s)`. */
export function formatSimTime(seconds: number): string {
  return `t=${formatSeconds(seconds)} (${formatClock(seconds)})`;
}
