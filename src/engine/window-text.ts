/**
 * The stabilization window as decisions.csv writes it: `replicas@-ageSeconds`, youngest first,
 * separated by spaces (read back by src/explain/parse-decision-row.ts).
 */
import type { WindowEntry } from '../autoscalers/hpa/recommendation-history.js';

export function windowText(window: readonly WindowEntry[]): string {
  if (window.length === 0) return '';
  const sorted = window.length > 1 ? [...window].sort((a, b) => a.ageSeconds - b.ageSeconds) : window;
  let text = '';
  for (const r of sorted) text += (text === '' ? '' : ' ') + r.replicas + '@-' + r.ageSeconds + 's';
  return text;
}
