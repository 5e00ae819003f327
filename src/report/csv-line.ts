/**
 * One CSV line (RFC 4180) from cells: numbers as JavaScript prints them, text quoted only when it
 * holds a comma, quote or line break. Written by hand for the streamed tables: on nasa-diurnal's
 * 160k decision rows csv-stringify took 1.6–1.9 s against 0.37 s for this formatter.
 */
export type Cell = number | string;

/** Where a PieceCell writes its pieces. */
export interface PieceOut {
  text(value: string): void;
  number(value: number): void;
  /**
   * The first `length` bytes of `bytes`, ASCII text the cell encoded itself (the same contract as
   * text pieces). For a cell with many numbers: it writes their digits into a scratch array of its
   * own and hands them over at once, instead of one call per number and per separator.
   */
  ascii(bytes: Uint8Array, length: number): void;
  /**
   * ASCII bytes written straight into the writer's buffer, for a cell that writes only digits and
   * fixed characters (the same contract as text pieces, not checked byte by byte): `fill(context,
   * bytes, at)` writes at most `maxBytes` bytes from `at` and returns the index after the last.
   * Returns false, writing nothing, when `maxBytes` is more than the writer can take at once.
   */
  inPlace<C>(maxBytes: number, context: C, fill: (context: C, bytes: Uint8Array, at: number) => number): boolean;
}

/**
 * A text cell made of pieces (numbers and plain text) that a file sink writes straight into its
 * byte buffer, so its text is never built as a string: the stabilization window, the longest cell
 * of decisions.csv, would otherwise be some hundred short strings per row. Its text never needs
 * quoting (no quote, comma, CR or LF) and is ASCII.
 */
export interface PieceCell {
  writePieces(out: PieceOut): void;
}

/** What a table row holds: plain cells, and piece cells for long composed text. */
export type RowCell = Cell | PieceCell;

/** Collects a PieceCell's pieces into a string (the in-memory and string paths). */
class StringPieces implements PieceOut {
  value = '';

  text(value: string): void {
    this.value += value;
  }

  number(value: number): void {
    this.value += csvCell(value);
  }

  ascii(bytes: Uint8Array, length: number): void {
    this.value += Buffer.from(bytes.buffer, bytes.byteOffset, length).toString('latin1');
  }

  inPlace<C>(maxBytes: number, context: C, fill: (context: C, bytes: Uint8Array, at: number) => number): boolean {
    const bytes = Buffer.alloc(maxBytes);
    const end = checkedEnd(fill(context, bytes, 0), 0, maxBytes);
    this.value += bytes.toString('latin1', 0, end);
    return true;
  }
}

/** The index a PieceOut.inPlace fill returned, checked against the room it was given. */
export function checkedEnd(end: number, at: number, maxBytes: number): number {
  if (!Number.isInteger(end) || end < at || end > at + maxBytes) throw new RangeError(`a piece cell wrote up to index ${end} in place, outside ${at}..${at + maxBytes}`);
  return end;
}

/** The text of a piece cell, as a file sink would have written it. */
export function pieceText(cell: PieceCell): string {
  const out = new StringPieces();
  cell.writePieces(out);
  return out.value;
}

/** A cell as a plain cell: a piece cell becomes its text. */
function plainCell(cell: RowCell): Cell {
  return typeof cell === 'object' ? pieceText(cell) : cell;
}

/** A row's cells as plain cells: piece cells become their text. */
export function plainCells(cells: readonly RowCell[]): Cell[] {
  return cells.map(plainCell);
}

/** Whether the text holds a quote, comma, CR or LF (a char-code scan: faster here than a RegExp test). */
function needsQuotes(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 34 || c === 44 || c === 13 || c === 10) return true;
  }
  return false;
}

export function csvCell(value: Cell): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return needsQuotes(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(cells: readonly RowCell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += csvCell(plainCell(cells[i]!));
  }
  return line;
}
