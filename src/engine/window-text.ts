/**
 * The stabilization window as decisions.csv writes it: `replicas@-ageSeconds`, youngest first,
 * separated by spaces (the text: src/report/window-entries.ts; read back by
 * src/explain/parse-decision-row.ts). It is a piece cell: its entries are never built as strings or
 * objects (before, the text and its entries were the most a nasa-diurnal run allocated: some hundred
 * short strings and twenty entry objects a sync).
 */
import type { StabilizationWindow } from '../autoscalers/hpa/recommendation-history.js';
import { pieceText, type PieceCell, type PieceOut } from '../report/csv-line.js';
import { WindowEntries } from '../report/window-entries.js';

const entries = new WindowEntries();

export class WindowCell implements PieceCell {
  constructor(private readonly window: StabilizationWindow) {}

  writePieces(out: PieceOut): void {
    const window = this.window;
    const { records, nowSeconds } = window;
    entries.clear();
    // The list is read from its end. Records are appended until the first goes out of date; after
    // that each sync reuses the last outdated slot, which makes the list a ring: read backwards it is
    // one or two runs of ascending age, which the entries merge in one pass.
    for (let r = records.length - 1; r >= 0; r--) {
      const record = records[r]!;
      const ageSeconds = nowSeconds - record.timestampSeconds;
      if (window.includes(r, ageSeconds)) entries.add(ageSeconds, record.replicas);
    }
    entries.write(out);
  }
}

/** The window's text, as the cell writes it. */
export function windowText(window: StabilizationWindow): string {
  return pieceText(new WindowCell(window));
}
