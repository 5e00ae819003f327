/**
 * Where recorders send table rows: a file (streamed, so memory stays flat however long the run),
 * memory (tests), nowhere but the formatting (benchmarks measure the cost of writing), or nowhere
 * at all (sweeps keep only each setting's summary).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { csvLine, type Cell } from './csv-line.js';

export interface TableSink {
  readonly header: readonly string[];
  row(cells: readonly Cell[]): void;
  close(): void;
}

export type TableSinkFactory = (name: string, header: readonly string[]) => TableSink;

/** Keeps the rows; `text()` gives the CSV a file sink would have written. */
export class MemoryTableSink implements TableSink {
  readonly rows: Cell[][] = [];

  constructor(readonly header: readonly string[]) {}

  row(cells: readonly Cell[]): void {
    this.rows.push([...cells]);
  }

  close(): void {}

  text(): string {
    return [csvLine(this.header), ...this.rows.map(csvLine)].map((l) => `${l}\n`).join('');
  }
}

/** Formats every row and counts the bytes, keeping nothing. */
export class DiscardTableSink implements TableSink {
  bytes = 0;

  constructor(readonly header: readonly string[]) {}

  row(cells: readonly Cell[]): void {
    this.bytes += csvLine(cells).length + 1;
  }

  close(): void {}
}

/** Drops every row unformatted. */
export class NullTableSink implements TableSink {
  constructor(readonly header: readonly string[]) {}

  row(_cells: readonly Cell[]): void {}

  close(): void {}
}

const FLUSH_CHARS = 1 << 16;

/** Streams CSV to a file through a 64 KiB buffer. */
export class FileTableSink implements TableSink {
  private readonly fd: number;
  private buffer: string;
  private closed = false;

  constructor(
    path: string,
    readonly header: readonly string[],
  ) {
    this.fd = openSync(path, 'w');
    this.buffer = `${csvLine(header)}\n`;
  }

  row(cells: readonly Cell[]): void {
    this.buffer += `${csvLine(cells)}\n`;
    if (this.buffer.length >= FLUSH_CHARS) this.flush();
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    closeSync(this.fd);
    this.closed = true;
  }

  private flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}
