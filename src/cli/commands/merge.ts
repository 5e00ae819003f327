/**
 * `scalesim merge <part-dirs…> --out <dir> [--slo …]`: checks that the parts of a sharded sweep
 * belong together (one fingerprint, every shard once, none incomplete) and writes the files a
 * single-process sweep writes — sweep.csv, pareto.csv, sweep.json, best.json, report.md/html —
 * byte for byte.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { UserInputError } from '../../errors/user-input-error.js';
import { ResultsFolder } from '../../report/results-folder.js';
import { formatSweepResult } from '../../sweep/format-sweep.js';
import { mergeParts } from '../../sweep/merge-parts.js';
import { readShardPart } from '../../sweep/shard-part.js';
import { parseSlo, unjudgedClauses } from '../../sweep/slo.js';
import { outputsJson, writeSweepOutputs, writeSweepReport, writtenFiles } from '../../sweep/sweep-outputs.js';
import { DEFAULT_REPORT_FORMATS, resolveReportFormats } from '../../report/formats/registry.js';
import { withExitCodes } from '../handle-errors.js';
import { abortResultsOnStop } from '../stop-signals.js';
import { safeName } from './run.js';

interface MergeFlags {
  out?: string;
  slo?: string;
  report?: string | false;
  json?: boolean;
}

export function registerMergeCommand(program: Command): void {
  program
    .command('merge')
    .description('merge the parts of a sharded sweep (sweep --shards N) into sweep.csv, pareto.csv, sweep.json and best.json')
    .argument('<part-dirs...>', 'the --out folders of every shard')
    .option('--out <dir>', 'output folder (default: results/<scenario-name>-sweep)')
    .option('--slo <clauses>', 'find the cheapest setting meeting every clause, e.g. "p95<300ms,served>99.9%"')
    .option('--report <formats>', `report formats to write (${DEFAULT_REPORT_FORMATS.join(',')} by default)`)
    .option('--no-report', 'write no report.md / report.html')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ for i in 0 1; do scalesim sweep scenarios/nginx-hpa-cpu --grid hpa.targetCPU=30,50,70 --shards 2 --shard $i --out parts/nginx-$i; done
  $ scalesim merge parts/nginx-0 parts/nginx-1 --out results/nginx-sweep
  $ scalesim merge parts/nginx-* --out results/nginx-sweep --slo "p95<8ms,served>=99.9%" --no-report

The parts of a Job (sweep --shards N --emit-job) are on its results volume: copy them out first
(kubectl cp, as the README shows), then merge the copies.`,
    )
    .action((dirs: string[], flags: MergeFlags) =>
      withExitCodes(async () => {
        const slo = flags.slo !== undefined ? parseSlo(flags.slo) : undefined;
        const formats = flags.report === false ? [] : resolveReportFormats(flags.report ?? DEFAULT_REPORT_FORMATS.join(','));
        const parts = dirs.map((dir) => ({ dir, part: readShardPart(dir) }));
        const { identity, rows } = mergeParts(parts);
        const outDir = flags.out ?? join('results', `${safeName(identity.scenario)}-sweep`);
        refuseOutOverParts(outDir, dirs);
        const folder = new ResultsFolder(outDir);
        let outputs;
        let report;
        // Ctrl-C while the report renders: the half-written folder goes, with a message.
        const removeStopHandler = abortResultsOnStop(folder, { stop: () => {} });
        try {
          outputs = writeSweepOutputs(folder, identity, rows, slo);
          report = await writeSweepReport(folder, identity, outputs, formats);
          folder.commit();
        } catch (error) {
          folder.abort();
          throw error;
        } finally {
          removeStopHandler();
        }
        const target = resolve(outDir);
        for (const notice of report.notices) process.stderr.write(`${notice}\n`);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ scenario: identity.scenario, out: target, settings: identity.settings, parts: parts.length, ...outputsJson(outputs) }, null, 2)}\n`);
          return;
        }
        process.stdout.write(`merged ${parts.length} part${parts.length === 1 ? '' : 's'} of sweep ${identity.scenario}: ${identity.settings} settings\n`);
        process.stdout.write(`${formatSweepResult(identity.axes, outputs)}\n`);
        if (slo) for (const note of unjudgedClauses(slo, rows.map((r) => r.row))) process.stderr.write(`${note}\n`);
        process.stdout.write(`wrote ${writtenFiles(outputs, report)} under ${target}\n`);
      }, { json: flags.json }),
    );
}

/** A path with its existing part resolved through symbolic links (the rest as written). */
function realPath(path: string): string {
  const full = resolve(path);
  try {
    return realpathSync(full);
  } catch {
    const parent = dirname(full);
    return parent === full ? full : join(realPath(parent), basename(full));
  }
}

function within(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : `${outer}${sep}`);
}

/** --out replaces its folder whole: it must not be a part, hold one, or lie inside one. */
function refuseOutOverParts(outDir: string, dirs: readonly string[]): void {
  const out = realPath(outDir);
  for (const dir of dirs) {
    const part = realPath(dir);
    if (within(part, out) || within(out, part)) {
      throw new UserInputError({
        file: '(command line)',
        field: '--out',
        message: `${outDir} ${part === out ? 'is' : within(part, out) ? 'holds' : 'lies inside'} the part ${dir}: merging would replace the part it reads`,
        hint: 'write the merged sweep to a folder of its own, e.g. --out results/<name>-sweep',
      });
    }
  }
}
