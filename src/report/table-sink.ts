/**
 * Where recorders send table rows: a file (streamed, so memory stays flat however long the run),
 * memory (tests), or nowhere at all (sweeps keep only each setting's summary).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { CsvByteWriter } from './csv-bytes.js';
import { csvLine, plainCells, type Cell, type RowCell } from './csv-line.js';

export interface TableSink {
  readonly header: readonly string[];
  row(cells: readonly RowCell[]): void;
  close(): void;
}

export type TableSinkFactory = (name: string, header: readonly string[]) => TableSink;

/** Keeps the rows (piece cells as their text); `text()` gives the CSV a file sink would have written. */
export class MemoryTableSink implements TableSink {
  readonly rows: Cell[][] = [];

  constructor(readonly header: readonly string[]) {}

  row(cells: readonly RowCell[]): void {
    this.rows.push(plainCells(cells));
  }

  close(): void {}

  text(): string {
    return [csvLine(this.header), ...this.rows.map(csvLine)].map((l) => `${l}\n`).join('');
  }
}

/** Drops every row unformatted. */
export class NullTableSink implements TableSink {
  constructor(readonly header: readonly string[]) {}

  row(_cells: readonly RowCell[]): void {}

  close(): void {}
}

/**
 * Streams CSV to a file through a reused 64 KiB byte buffer (`CsvByteWriter`): no line and no number
 * becomes a string, so nothing a row formats outlives the row. Before, a string buffer held ~200
 * rows of rope fragments across young-generation collections, and every number's text went through
 * V8's number-string cache; both were promoted and grew the old generation (and the RSS) with the
 * length of the run.
 */
export class FileTableSink implements TableSink {
  private readonly fd: number;
  private readonly writer: CsvByteWriter;
  private closed = false;

  constructor(
    path: string,
    readonly header: readonly string[],
  ) {
    const fd = openSync(path, 'w');
    this.fd = fd;
    this.writer = new CsvByteWriter((buffer, length) => {
      writeSync(fd, buffer, 0, length);
    });
    this.writer.row(header);
  }

  row(cells: readonly RowCell[]): void {
    this.writer.row(cells);
  }

  close(): void {
    if (this.closed) return;
    this.writer.flush();
    closeSync(this.fd);
    this.closed = true;
  }
}
