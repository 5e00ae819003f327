/**
 * The stabilization window as decisions.csv writes it: `replicas@-ageSeconds`, youngest first,
 * separated by spaces (read back by src/explain/parse-decision-row.ts). It is a piece cell: it
 * encodes its whole-number entries as ASCII digits itself and hands them to the file sink's byte
 * buffer in one piece, so nothing is built per entry (before, the text and its entries were the most
 * a nasa-diurnal run allocated: some hundred short strings and twenty entry objects a sync).
 */
import type { StabilizationWindow } from '../autoscalers/hpa/recommendation-history.js';
import { isSmallInt, writeSmallInt } from '../report/csv-bytes.js';
import { pieceText, type PieceCell, type PieceOut } from '../report/csv-line.js';

// The entries inside are ordered in two reused typed arrays (an insertion sort by age: stable, as
// Array.prototype.sort, and a window holds some twenty records). This runs for every decision row
// written; numbers in typed arrays are moved without allocation or write barriers.
let ages = new Float64Array(64);
let replicas = new Float64Array(64);

function grow(): void {
  const size = ages.length * 2;
  const nextAges = new Float64Array(size);
  const nextReplicas = new Float64Array(size);
  nextAges.set(ages);
  nextReplicas.set(replicas);
  ages = nextAges;
  replicas = nextReplicas;
}

// The text is encoded here, a chunk at a time, and handed over as ASCII bytes: some twenty entries
// a row of whole numbers, for which one call per number and separator cost more than the digits.
const ENTRY_BYTES = 24; // two nine-digit numbers, '@-' and 's '
const scratch = new Uint8Array(4096);
const AT = 64;
const MINUS = 45;
const S = 115;
const SPACE = 32;

export class WindowCell implements PieceCell {
  constructor(private readonly window: StabilizationWindow) {}

  writePieces(out: PieceOut): void {
    const window = this.window;
    const { records, nowSeconds } = window;
    let count = 0;
    // The list is read from its end. Records are appended until the first goes out of date; after
    // that each sync reuses the last outdated slot, which makes the list a ring: read backwards it is
    // mostly one or two runs of ascending age, and the entries of the first run go last unmoved.
    for (let r = records.length - 1; r >= 0; r--) {
      const record = records[r]!;
      const ageSeconds = nowSeconds - record.timestampSeconds;
      if (!window.holds(ageSeconds)) continue;
      if (count === ages.length) grow();
      // Youngest first; equal ages keep list order (read backwards, an entry goes before its equals).
      let i = count++;
      for (; i > 0 && ages[i - 1]! >= ageSeconds; i--) {
        ages[i] = ages[i - 1]!;
        replicas[i] = replicas[i - 1]!;
      }
      ages[i] = ageSeconds;
      replicas[i] = record.replicas;
    }
    let used = 0;
    for (let i = 0; i < count; i++) {
      const r = replicas[i]!;
      const age = ages[i]!;
      const last = i === count - 1;
      if (!isSmallInt(r) || !isSmallInt(age)) {
        // A fraction, a negative or a large number: the writer prints it as String() does.
        if (used > 0) out.ascii(scratch, used);
        used = 0;
        out.number(r);
        out.text('@-');
        out.number(age);
        out.text(last ? 's' : 's ');
        continue;
      }
      if (used + ENTRY_BYTES > scratch.length) {
        out.ascii(scratch, used);
        used = 0;
      }
      used = writeSmallInt(scratch, used, r);
      scratch[used++] = AT;
      scratch[used++] = MINUS;
      used = writeSmallInt(scratch, used, age);
      scratch[used++] = S;
      if (!last) scratch[used++] = SPACE;
    }
    if (used > 0) out.ascii(scratch, used);
  }
}

/** The window's text, as the cell writes it. */
export function windowText(window: StabilizationWindow): string {
  return pieceText(new WindowCell(window));
}
