/**
 * How the run summary rounds its figures (summary.json, and the cost section's request count): to a
 * number of decimals, non-finite values (NaN for an absent response time) left as they are. Request
 * counts go to thousandths, since a flow integrates fractional requests and a sum of them carries
 * float noise (37833439.999999605 for 37833440). A pure helper, no upstream behaviour.
 */

/** Decimals of a request count in summary.json (offered, served, dropped, backlog, cost.servedRequests). */
export const REQUEST_DECIMALS = 3;

/** `v` rounded to `digits` decimals; NaN and ±Infinity unchanged. */
export function roundFigure(v: number, digits = 6): number {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** A request count as summary.json prints it. */
export function roundRequests(v: number): number {
  return roundFigure(v, REQUEST_DECIMALS);
}
