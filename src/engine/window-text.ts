/**
 * The stabilization window as decisions.csv writes it: `replicas@-ageSeconds`, youngest first,
 * separated by spaces (read back by src/explain/parse-decision-row.ts). It is a piece cell: a file
 * sink writes its numbers straight into its byte buffer, and nothing is built per entry (before, the
 * text and its entries were the most a nasa-diurnal run allocated: some hundred short strings and
 * twenty entry objects a sync).
 */
import type { StabilizationWindow } from '../autoscalers/hpa/recommendation-history.js';
import type { TimestampedRecommendation } from '../autoscalers/hpa/types.js';
import { pieceText, type PieceCell, type PieceOut } from '../report/csv-line.js';

// The records inside are ordered into one reused array (insertion sort by age: stable, as
// Array.prototype.sort, and a window holds some twenty records): this runs for every decision row
// written. The array keeps its length (setting it to 0 would give back its storage, and the next row
// would allocate it anew); its slots are cleared after each row.
const ordered: (TimestampedRecommendation | undefined)[] = [];

export class WindowCell implements PieceCell {
  constructor(private readonly window: StabilizationWindow) {}

  writePieces(out: PieceOut): void {
    const { records, nowSeconds } = this.window;
    let count = 0;
    for (const record of records) {
      if (!this.window.holds(nowSeconds - record.timestampSeconds)) continue;
      if (ordered.length === count) ordered.push(undefined);
      // Youngest first; equal ages keep list order.
      const ageSeconds = nowSeconds - record.timestampSeconds;
      let i = count++;
      for (; i > 0 && nowSeconds - ordered[i - 1]!.timestampSeconds > ageSeconds; i--) ordered[i] = ordered[i - 1];
      ordered[i] = record;
    }
    for (let i = 0; i < count; i++) {
      const r = ordered[i]!;
      if (i > 0) out.text(' ');
      out.number(r.replicas);
      out.text('@-');
      out.number(nowSeconds - r.timestampSeconds);
      out.text('s');
    }
    ordered.fill(undefined, 0, count);
  }
}

/** The window's text, as the cell writes it. */
export function windowText(window: StabilizationWindow): string {
  return pieceText(new WindowCell(window));
}
