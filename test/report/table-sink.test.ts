import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileTableSink, MemoryTableSink } from '../../src/report/table-sink.js';
import type { Cell } from '../../src/report/csv-line.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Writes `rows` through a FileTableSink and returns the file, next to what MemoryTableSink makes of them. */
function written(rows: Cell[][]): { file: string; expected: string } {
  const dir = mkdtempSync(join(tmpdir(), 'scalesim-sink-'));
  dirs.push(dir);
  const header = ['time_s', 'name', 'note'];
  const file = new FileTableSink(join(dir, 't.csv'), header);
  const memory = new MemoryTableSink(header);
  for (const r of rows) {
    file.row(r);
    memory.row(r);
  }
  file.close();
  return { file: readFileSync(join(dir, 't.csv'), 'utf8'), expected: memory.text() };
}

describe('FileTableSink', () => {
  it('writes the same CSV as the in-memory sink across many buffer flushes', () => {
    const rows: Cell[][] = Array.from({ length: 20_000 }, (_, i) => [i * 15, `hpa-${i % 7}`, i % 3 === 0 ? 'a, "quoted" note' : '']);
    const { file, expected } = written(rows);
    expect(file).toBe(expected);
    expect(file.split('\n')).toHaveLength(20_002);
  });

  it('keeps multi-byte text whole where a line falls on the buffer edge', () => {
    const rows: Cell[][] = Array.from({ length: 3_000 }, (_, i) => [i, 'größe-€-节点', 'é'.repeat(i % 50)]);
    const { file, expected } = written(rows);
    expect(file).toBe(expected);
  });

  it('writes a line longer than its buffer in one piece, in order', () => {
    const long = 'x'.repeat(100_000);
    const { file, expected } = written([[1, 'before', ''], [2, 'long', long], [3, 'after', '']]);
    expect(file).toBe(expected);
    expect(file.split('\n').map((l) => l.length)).toEqual([16, 9, 100_007, 8, 0]);
  });
});
