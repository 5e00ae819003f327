/**
 * CSV rows written straight into a reused byte buffer: the same bytes as `csvLine` + "\n" in UTF-8,
 * without building a string per line or per number.
 *
 * Why not `String(n)`: V8 keeps the text of each number it converts in its number-string cache, a
 * table in the old generation. A cached text survives young-generation collections and is promoted;
 * once a later number takes its slot, it is garbage in the old generation. A long run formats
 * millions of distinct numbers (every decision row's time), so the old generation, and the RSS,
 * grew with the length of the run: +6.7 MiB over 25 simulated days of nasa-diurnal against
 * +1.1 MiB with the numbers left out. Digits written here never become strings.
 *
 * Cells equal to the same column's cell of the row before are copied from that row's bytes while
 * they are still in the buffer (until the next flush), a run of such cells in one copyWithin: most
 * of a decision row repeats the row before it (names, reasons, replica counts), and formatting it
 * again byte by byte cost more than the copy.
 */
import { checkedEnd, csvCell, type Cell, type PieceOut, type RowCell } from './csv-line.js';

/** Powers of ten exactly representable as doubles, for the fractional digits tried. */
const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];
const MAX_FRACTION_DIGITS = 6;
/** Below this magnitude a fractional number with at most six decimals has an exact scaled integer (< 2^53). */
const MAX_FAST_FRACTIONAL = 1e9;
/** Room kept for one number's digits (a safe integer has at most 16, plus sign and point). */
const NUMBER_BYTES = 32;
/** The largest number written by the int32 path (nine digits). */
export const MAX_SMALL_INT = 999_999_999;

const COMMA = 44;
const NEWLINE = 10;
const QUOTE = 34;
const MINUS = 45;
const POINT = 46;
const ZERO = 48;

/** Whether a UTF-16 code unit is ASCII that a CSV cell holds as it is (no quote, comma, CR or LF). */
function isPlainAscii(c: number): boolean {
  return c <= 127 && c !== QUOTE && c !== COMMA && c !== 13 && c !== NEWLINE;
}

/** Where a full buffer goes: a file descriptor, a byte counter. */
export type ByteFlush = (buffer: Buffer, length: number) => void;

/** Copying a run of repeated cells costs a call (copyWithin); below this many bytes the cells are written again instead. */
const MIN_COPY_BYTES = 24;
/** Room kept beyond the previous row's length before a row starts, so that most rows never meet a flush halfway. */
const ROW_SLACK_BYTES = 512;

export class CsvByteWriter implements PieceOut {
  private readonly buffer: Buffer;
  private used = 0;
  /** Moves on at each flush: a row that met one is not in the buffer whole. */
  private flushes = 0;
  /**
   * The previous row's plain cells (a piece cell is never reused, and not kept: it stays garbage of
   * its own row) and where each one's bytes start and end in the buffer.
   */
  private previousCells: (Cell | undefined)[] = [];
  private previousStarts = new Int32Array(64);
  private previousEnds = new Int32Array(64);
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  /** How many cells the previous row had, or -1 when its bytes are no longer all in the buffer. */
  private previousCount = -1;
  private previousBytes = 0;

  constructor(
    private readonly flushTo: ByteFlush,
    capacityBytes = 1 << 16,
  ) {
    // A number is written whole: the buffer must hold the longest one.
    if (capacityBytes < 2 * NUMBER_BYTES) throw new RangeError(`CsvByteWriter needs at least ${2 * NUMBER_BYTES} bytes of buffer, got ${capacityBytes}`);
    this.buffer = Buffer.allocUnsafe(capacityBytes);
  }

  /** One row and its line break. */
  row(cells: readonly RowCell[]): void {
    const buffer = this.buffer;
    const count = cells.length;
    if (count > this.starts.length) this.growRowArrays(count);
    // A row that will not fit in what is left flushes first (its cells are then written, not copied).
    if (this.used + this.previousBytes + ROW_SLACK_BYTES > buffer.length) this.flush();
    const flushesBefore = this.flushes;
    const reuse = this.previousCount === count;
    const previous = this.previousCells;
    const previousStarts = this.previousStarts;
    const previousEnds = this.previousEnds;
    const starts = this.starts;
    const ends = this.ends;
    const rowStart = this.used;
    let i = 0;
    while (i < count) {
      if (i > 0) {
        if (this.used === buffer.length) this.flush();
        buffer[this.used++] = COMMA;
      }
      const cell = cells[i]!;
      if (reuse && this.flushes === flushesBefore && typeof cell !== 'object' && cell === previous[i]) {
        // A run of cells equal to the row before's: its bytes, commas between included, in one copy.
        let last = i;
        while (last + 1 < count) {
          const next = cells[last + 1]!;
          if (typeof next === 'object' || next !== previous[last + 1]) break;
          last++;
        }
        const from = previousStarts[i]!;
        const to = previousEnds[last]!;
        if (to - from >= MIN_COPY_BYTES && this.used + (to - from) <= buffer.length) {
          const shift = this.used - from;
          buffer.copyWithin(this.used, from, to);
          for (let k = i; k <= last; k++) {
            starts[k] = previousStarts[k]! + shift;
            ends[k] = previousEnds[k]! + shift;
          }
          this.used += to - from;
        } else {
          // Too short to be worth a copy: written again, without looking for a run inside it.
          for (let k = i; k <= last; k++) {
            if (k > i) {
              if (this.used === buffer.length) this.flush();
              buffer[this.used++] = COMMA;
            }
            this.cell(cells[k]!, k);
          }
        }
        i = last + 1;
        continue;
      }
      this.cell(cell, i);
      previous[i] = typeof cell === 'object' ? undefined : cell;
      i++;
    }
    if (this.used === buffer.length) this.flush();
    buffer[this.used++] = NEWLINE;
    if (this.flushes === flushesBefore) {
      // This row is whole in the buffer: the next one may copy from it.
      this.previousStarts = starts;
      this.previousEnds = ends;
      this.starts = previousStarts;
      this.ends = previousEnds;
      this.previousCount = count;
      this.previousBytes = this.used - rowStart;
    } else {
      this.previousCount = -1;
    }
  }

  /** Hands over what the buffer holds. */
  flush(): void {
    if (this.used > 0) this.flushTo(this.buffer, this.used);
    this.used = 0;
    this.flushes++;
    this.previousCount = -1;
  }

  /** Cell `index` of the row, written, and where its bytes start and end. */
  private cell(cell: RowCell, index: number): void {
    this.starts[index] = this.used;
    if (typeof cell === 'number') this.number(cell);
    else if (typeof cell === 'object') cell.writePieces(this);
    else if (cell.length > 0) this.cellText(cell);
    this.ends[index] = this.used;
  }

  private growRowArrays(count: number): void {
    const size = Math.max(count, 2 * this.starts.length);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    this.previousStarts = new Int32Array(size);
    this.previousEnds = new Int32Array(size);
    this.previousCount = -1;
  }

  /** A number as `String(n)` prints it; empty when not finite (a cell, or a piece of a piece cell). */
  number(n: number): void {
    if (this.used + NUMBER_BYTES > this.buffer.length) this.flush();
    // Most cells are small whole numbers (replicas, ages, counts): int32 arithmetic, digits written
    // from the last one back. -0 prints as 0, as String(-0) does.
    if (isSmallInt(n)) {
      this.used = writeSmallInt(this.buffer, this.used, n);
      return;
    }
    if (!Number.isFinite(n)) return;
    if (Number.isSafeInteger(n)) {
      if (n < 0) this.buffer[this.used++] = MINUS;
      this.digits(Math.abs(n), 0);
      return;
    }
    const magnitude = Math.abs(n);
    if (magnitude < MAX_FAST_FRACTIONAL) {
      // The fewest decimals that give back the same double: the shortest round-trip form that
      // String() prints (fixed notation from 1e-6 up to 1e21). Parsing a decimal and dividing its
      // integer by the power of ten round the same way, so the check is exact.
      for (let k = 1; k <= MAX_FRACTION_DIGITS; k++) {
        const scaled = Math.round(magnitude * POW10[k]!);
        if (scaled / POW10[k]! !== magnitude) continue;
        if (n < 0) this.buffer[this.used++] = MINUS;
        const whole = Math.floor(scaled / POW10[k]!);
        this.digits(whole, 0);
        this.buffer[this.used++] = POINT;
        this.digits(scaled - whole * POW10[k]!, k);
        return;
      }
    }
    this.utf8(String(n));
  }

  /** A non-negative safe integer's digits, left-padded with zeros to `width`. */
  private digits(value: number, width: number): void {
    const start = this.used;
    let v = value;
    do {
      const next = Math.floor(v / 10);
      this.buffer[this.used++] = ZERO + (v - next * 10);
      v = next;
    } while (v > 0);
    while (this.used - start < width) this.buffer[this.used++] = ZERO;
    reverseRange(this.buffer, start, this.used - 1);
  }

  /**
   * Text, quoted (RFC 4180) when it holds a quote, comma, CR or LF. ASCII text is copied byte by byte
   * as it is checked (one pass); text that needs quotes or holds other characters is written again,
   * over the bytes copied so far, through UTF-8 encoding.
   */
  private cellText(value: string): void {
    const length = value.length;
    if (length > this.buffer.length) {
      this.utf8(csvCell(value));
      return;
    }
    if (this.used + length > this.buffer.length) this.flush();
    const buffer = this.buffer;
    const start = this.used;
    for (let i = 0; i < length; i++) {
      const c = value.charCodeAt(i);
      if (!isPlainAscii(c)) {
        this.utf8(csvCell(value));
        return;
      }
      buffer[start + i] = c;
    }
    this.used = start + length;
  }

  /** A piece cell's text piece: ASCII that needs no quotes (the PieceCell contract, checked). */
  text(value: string): void {
    const length = value.length;
    if (this.used + length > this.buffer.length) this.flush();
    if (length > this.buffer.length) throw new RangeError(`a piece of ${length} characters is longer than the buffer`);
    for (let i = 0; i < length; i++) {
      const c = value.charCodeAt(i);
      if (!isPlainAscii(c)) {
        throw new RangeError(`a piece cell wrote ${JSON.stringify(value)}: pieces must be ASCII without quote, comma or line break`);
      }
      this.buffer[this.used++] = c;
    }
  }

  /** A piece cell's own ASCII bytes (the PieceCell contract, checked), across flushes when they do not fit. */
  ascii(bytes: Uint8Array, length: number): void {
    for (let i = 0; i < length; i++) {
      if (!isPlainAscii(bytes[i]!)) throw new RangeError(`a piece cell wrote byte ${bytes[i]}: pieces must be ASCII without quote, comma or line break`);
    }
    const buffer = this.buffer;
    let from = 0;
    while (from < length) {
      if (this.used === buffer.length) this.flush();
      const end = Math.min(length, from + buffer.length - this.used);
      buffer.set(bytes.subarray(from, end), this.used);
      this.used += end - from;
      from = end;
    }
  }

  /** A piece cell's own ASCII bytes written into the buffer (PieceOut.inPlace). */
  inPlace<C>(maxBytes: number, context: C, fill: (context: C, bytes: Uint8Array, at: number) => number): boolean {
    if (maxBytes > this.buffer.length) return false;
    if (this.used + maxBytes > this.buffer.length) this.flush();
    this.used = checkedEnd(fill(context, this.buffer, this.used), this.used, maxBytes);
    return true;
  }

  private utf8(value: string): void {
    // A UTF-16 unit takes at most 3 UTF-8 bytes: when it might not fit, flush first.
    if (this.used + value.length * 3 > this.buffer.length) {
      this.flush();
      if (value.length * 3 > this.buffer.length) {
        const bytes = Buffer.from(value, 'utf8');
        this.flushTo(bytes, bytes.length);
        return;
      }
    }
    this.used += this.buffer.write(value, this.used, 'utf8');
  }
}

const SMALL_TABLE_SIZE = 1000;
/** For n below a thousand, at 4n: its digits (up to three) and, at 4n + 3, how many there are. */
const SMALL_DIGITS = ((): Uint8Array => {
  const table = new Uint8Array(SMALL_TABLE_SIZE * 4);
  for (let n = 0; n < SMALL_TABLE_SIZE; n++) {
    const text = String(n);
    for (let k = 0; k < text.length; k++) table[4 * n + k] = text.charCodeAt(k);
    table[4 * n + 3] = text.length;
  }
  return table;
})();

/**
 * Writes the digits of a whole number from 0 to MAX_SMALL_INT at `at` (as String() prints it): below
 * a thousand from a table, above with int32 arithmetic, from the last digit back; returns the index
 * after the last digit. The caller makes room for nine bytes.
 */
export function writeSmallInt(bytes: Uint8Array, at: number, n: number): number {
  if (n < SMALL_TABLE_SIZE) {
    // Most numbers written are below a thousand (replicas, ages, counts): their digits from a table.
    const from = n * 4;
    const length = SMALL_DIGITS[from + 3]!;
    bytes[at] = SMALL_DIGITS[from]!;
    if (length > 1) bytes[at + 1] = SMALL_DIGITS[from + 1]!;
    if (length > 2) bytes[at + 2] = SMALL_DIGITS[from + 2]!;
    return at + length;
  }
  const length = n < 10 ? 1 : n < 100 ? 2 : n < 1_000 ? 3 : n < 10_000 ? 4 : n < 100_000 ? 5 : n < 1_000_000 ? 6 : n < 10_000_000 ? 7 : n < 100_000_000 ? 8 : 9;
  const end = at + length;
  let i = end;
  let v = n;
  do {
    const next = (v / 10) | 0;
    bytes[--i] = ZERO + v - next * 10;
    v = next;
  } while (v > 0);
  return end;
}

/** Whether writeSmallInt writes `n`: a whole number from 0 to MAX_SMALL_INT (-0 included, printed as 0). */
export function isSmallInt(n: number): boolean {
  return n >= 0 && n <= MAX_SMALL_INT && (n | 0) === n;
}

function reverseRange(buffer: Buffer, from: number, to: number): void {
  for (let a = from, b = to; a < b; a++, b--) {
    const t = buffer[a]!;
    buffer[a] = buffer[b]!;
    buffer[b] = t;
  }
}
