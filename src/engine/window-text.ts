/**
 * The stabilization window as decisions.csv writes it: `replicas@-ageSeconds`, youngest first,
 * separated by spaces (read back by src/explain/parse-decision-row.ts).
 */
import type { WindowEntry } from '../autoscalers/hpa/recommendation-history.js';

// The window is ordered into one reused array (insertion sort: stable, as Array.prototype.sort, and
// the window holds some twenty entries): this runs for every decision row written.
const ordered: WindowEntry[] = [];

export function windowText(window: readonly WindowEntry[]): string {
  if (window.length === 0) return '';
  ordered.length = 0;
  for (const entry of window) {
    let i = ordered.length;
    ordered.push(entry);
    for (; i > 0 && ordered[i - 1]!.ageSeconds > entry.ageSeconds; i--) ordered[i] = ordered[i - 1]!;
    ordered[i] = entry;
  }
  let text = '';
  for (const r of ordered) text += (text === '' ? '' : ' ') + r.replicas + '@-' + r.ageSeconds + 's';
  ordered.length = 0;
  return text;
}
