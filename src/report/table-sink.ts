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

const BUFFER_BYTES = 1 << 16;

/**
 * Streams CSV to a file through a reused 64 KiB byte buffer. Each line is copied into the buffer as
 * soon as it is formatted, so no line outlives its row: a string buffer held ~200 rows of rope
 * fragments across young-generation collections, which promoted them and grew the old generation
 * (and the RSS) with the length of the run.
 */
export class FileTableSink implements TableSink {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private closed = false;

  constructor(
    path: string,
    readonly header: readonly string[],
  ) {
    this.fd = openSync(path, 'w');
    this.append(`${csvLine(header)}\n`);
  }

  row(cells: readonly Cell[]): void {
    this.append(`${csvLine(cells)}\n`);
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    closeSync(this.fd);
    this.closed = true;
  }

  private append(line: string): void {
    // A UTF-16 unit takes at most 3 UTF-8 bytes: when the line might not fit, flush first.
    if (this.used + line.length * 3 > BUFFER_BYTES) {
      this.flush();
      if (line.length * 3 > BUFFER_BYTES) {
        writeSync(this.fd, line);
        return;
      }
    }
    this.used += this.buffer.write(line, this.used, 'utf8');
  }

  private flush(): void {
    if (this.used > 0) writeSync(this.fd, this.buffer, 0, this.used);
    this.used = 0;
  }
}
