/**
 * `scalesim conformance <vectors.json> [--json]`: runs the fidelity test vectors (docs/fidelity-spec.md §8)
 * through the registered adapters and prints one line per vector plus totals.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatValue } from '../../conformance/compare-expected.js';
import { countResults, runVectors } from '../../conformance/run-vectors.js';
import type { VectorResult } from '../../conformance/vector-types.js';

export interface ConformanceIo {
  out(text: string): void;
  err(text: string): void;
}

const PROCESS_IO: ConformanceIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

const EXPECTED_FORMAT = 'expected a JSON array of test vectors (docs/fidelity-spec.md §8)';

/** Reads the vector file; returns the array or a one-line error naming the file. */
export function loadVectorFile(file: string): unknown[] | string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code ?? String(error);
    return `cannot read ${file}: ${why}; ${EXPECTED_FORMAT}`;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}); ${EXPECTED_FORMAT}`;
  }
  if (!Array.isArray(data)) return `${file} holds ${data === null ? 'null' : `a JSON ${typeof data}`}; ${EXPECTED_FORMAT}`;
  if (data.length === 0) return `${file} holds no vectors (an empty array): nothing would be checked; ${EXPECTED_FORMAT}`;
  const bad = data.map((v, i) => [i, vectorShapeProblem(v)] as const).find(([, why]) => why !== undefined);
  if (bad !== undefined) return `${file}: vector [${bad[0]}] ${bad[1]}; ${EXPECTED_FORMAT}`;
  return data;
}

/** What is wrong with one vector's shape (spec §8: a string id and kind, objects input and expected), or undefined. */
function vectorShapeProblem(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return `is ${v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`}, expected an object`;
  const o = v as Record<string, unknown>;
  for (const key of ['id', 'kind'] as const) if (typeof o[key] !== 'string' || o[key] === '') return `${typeof o.id === 'string' ? `(${o.id}) ` : ''}has no ${key} (expected a non-empty string)`;
  for (const key of ['input', 'expected'] as const) {
    if (o[key] === null || typeof o[key] !== 'object' || Array.isArray(o[key])) return `(${String(o.id)}) has no ${key} object`;
  }
  return undefined;
}

function compactOutputs(actual: unknown): string {
  if (typeof actual !== 'object' || actual === null) return '';
  return Object.entries(actual)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : formatValue(v)}`)
    .join(' ');
}

/** The human-readable report: one line per vector, mismatch lines under a FAIL, then the totals. */
export function formatReport(results: readonly VectorResult[]): string {
  const idWidth = Math.max(0, ...results.map((r) => r.id.length));
  const kindWidth = Math.max(0, ...results.map((r) => r.kind.length));
  const lines: string[] = [];
  for (const r of results) {
    const status = r.pass === null ? 'SKIP' : r.pass ? 'PASS' : 'FAIL';
    lines.push(`${r.id.padEnd(idWidth)}  ${r.kind.padEnd(kindWidth)}  ${status}  ${compactOutputs(r.actual)}`.trimEnd());
    if (r.error !== undefined) lines.push(`    error: ${r.error}`);
    for (const m of r.mismatches ?? []) lines.push(`    mismatch ${m}`);
  }
  const t = countResults(results);
  lines.push(`conformance: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  return `${lines.join('\n')}\n`;
}

/** The `--json` report: only `[{id, kind, pass, actual, skipped?, error?}]`. */
export function formatJsonReport(results: readonly VectorResult[]): string {
  const rows = results.map((r) => {
    const row: Record<string, unknown> = { id: r.id, kind: r.kind, pass: r.pass, actual: r.actual ?? null };
    if (r.skipped) row.skipped = true;
    if (r.error !== undefined) row.error = r.error;
    return row;
  });
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/**
 * Runs the command; returns the exit code: 0 when nothing that ran failed, 1 when a vector failed,
 * 2 when the file is missing, unreadable or not a JSON array (one line on stderr, no stack trace;
 * with --json also `{"ok": false, "exitCode": 2, "problems": […]}` on standard output, as every
 * command given --json prints its failure).
 */
export function runConformanceCli(file: string, flags: { json?: boolean }, io: ConformanceIo = PROCESS_IO): number {
  const vectors = loadVectorFile(file);
  if (typeof vectors === 'string') {
    io.err(`scalesim conformance: ${vectors}\n`);
    if (flags.json) io.out(`${JSON.stringify({ ok: false, exitCode: 2, problems: [{ file, message: vectors }], warnings: [] }, null, 2)}\n`);
    return 2;
  }
  const results = runVectors(vectors);
  io.out(flags.json ? formatJsonReport(results) : formatReport(results));
  return countResults(results).failed > 0 ? 1 : 0;
}

export function registerConformanceCommand(program: Command): void {
  program
    .command('conformance')
    .description('check the HPA, KEDA and cluster-autoscaler models against fidelity test vectors (kinds without an adapter are skipped)')
    .argument('<vectors.json>', 'JSON array of test vectors, format in docs/fidelity-spec.md §8')
    .option('--json', 'print only a JSON array of {id, kind, pass, actual}')
    .addHelpText(
      'after',
      `
Exit code: 0 when every vector that ran passed, 1 when one failed, 2 when the file cannot be read.

Examples:
  $ scalesim conformance test/fixtures/fidelity-vectors.json
  $ scalesim conformance test/fixtures/fidelity-vectors.json --json > conformance.json`,
    )
    .action((file: string, flags: { json?: boolean }) => {
      process.exitCode = runConformanceCli(file, flags);
    });
}
