/**
 * Reads decisions.csv in two steps, so a 27-day run's file (hundreds of thousands of rows) takes a
 * fraction of a second: a line scan finds each record and its leading cells (time_s, controller, name),
 * and csv-parse parses the full cells of only the records `explain` picks.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse/sync';
import { UserInputError } from '../errors/user-input-error.js';
import { CONTROLLER_KINDS, unknownControllerMessage, type DecisionRow } from './decision-row.js';
import { metricGroupIndexes, parseDecisionRow, REQUIRED_COLUMNS } from './parse-decision-row.js';

/** A record before its cells are parsed: enough to pick it by time. */
export interface RawDecision {
  /** The line the record starts on (header = line 1). */
  line: number;
  timeSeconds: number;
  controller: string;
  name: string;
  /** The record's CSV text. */
  text: string;
}

/** The file's name and header, needed to parse its records. */
export interface DecisionsFile {
  file: string;
  header: string[];
}

const CONTROLLERS: ReadonlySet<string> = new Set(CONTROLLER_KINDS);

function csvCells(text: string, file: string, line: number): string[] {
  try {
    const records = parse(text, { bom: true, relax_column_count: true }) as string[][];
    return records[0] ?? [];
  } catch (error) {
    throw new UserInputError({ file, line, message: `malformed CSV: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/** time_s, controller and name of a record; the first three cells are never quoted by the writer. */
function leadingCells(text: string, file: string, line: number): string[] {
  const third = text.indexOf(',', text.indexOf(',', text.indexOf(',') + 1) + 1);
  const lead = third < 0 ? text : text.slice(0, third);
  return lead.includes('"') ? csvCells(text, file, line).slice(0, 3) : lead.split(',');
}

function rawDecision(text: string, file: string, line: number): RawDecision {
  const [time = '', controller = '', name = ''] = leadingCells(text, file, line);
  const timeSeconds = time.trim() === '' ? Number.NaN : Number(time);
  if (!Number.isFinite(timeSeconds)) throw new UserInputError({ file, line, field: 'time_s', message: `expected a time in seconds, got "${time}"` });
  if (!CONTROLLERS.has(controller)) throw new UserInputError({ file, line, field: 'controller', message: unknownControllerMessage(controller) });
  return { line, timeSeconds, controller, name, text };
}

function checkHeader(file: string, header: readonly string[]): void {
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length === 0) return;
  throw new UserInputError({
    file,
    line: 1,
    message: `expected the decisions.csv header written by \`scalesim run\`; missing column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`,
  });
}

const quoteCount = (text: string): number => (text.includes('"') ? text.split('"').length - 1 : 0);

/**
 * Scans `file` and calls `onRecord` for every record in file order. A quoted cell may span lines: a
 * record ends at the first line end outside quotes. Throws UserInputError for a missing file header
 * column, a bad time or controller cell, or an empty file.
 */
export async function scanDecisions(file: string, onRecord: (raw: RawDecision) => void): Promise<DecisionsFile> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let header: string[] | undefined;
  let pending = '';
  let pendingQuotes = 0;
  let lineNumber = 0;
  let startLine = 0;
  for await (const text of lines) {
    lineNumber++;
    if (pending === '' && text.trim() === '') continue;
    if (pending === '') startLine = lineNumber;
    pending = pending === '' ? text : `${pending}\n${text}`;
    pendingQuotes += quoteCount(text);
    if (pendingQuotes % 2 === 1) continue;
    const record = pending.replace(/^\uFEFF/, '');
    [pending, pendingQuotes] = ['', 0];
    if (header !== undefined) {
      onRecord(rawDecision(record, file, startLine));
      continue;
    }
    header = csvCells(record, file, startLine);
    checkHeader(file, header);
  }
  if (pending !== '') throw new UserInputError({ file, line: startLine, message: 'malformed CSV: a quoted cell is not closed' });
  if (header === undefined) throw new UserInputError({ file, message: 'expected a header and decision rows, got an empty file' });
  return { file, header };
}

/** Parses a scanned record's cells (csv-parse) into a typed row. */
export function parseRawDecision(raw: RawDecision, source: DecisionsFile): DecisionRow {
  const cells = csvCells(raw.text, source.file, raw.line);
  const record: Record<string, string> = {};
  source.header.forEach((column, i) => {
    record[column] = cells[i] ?? '';
  });
  return parseDecisionRow({ record, file: source.file, line: raw.line }, metricGroupIndexes(source.header));
}
