/**
 * What `--out` may name: a new path, an empty folder, or results scalesim wrote and nothing else (its
 * marker, or the files of results from before the marker); anything else is refused before a byte is written, and
 * nothing of the user's is removed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/errors/user-input-error.js';
import { outputFolderProblem, prepareOutputFolder, RESULTS_MARKER } from '../../src/report/output-folder.js';
import { ResultsFolder } from '../../src/report/results-folder.js';

const work = mkdtempSync(join(tmpdir(), 'scalesim-out-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The fields of a run's summary.json that mark it as scalesim's. */
const RUN_SUMMARY = '{"scenario":"s","seed":1,"durationSeconds":60,"workloads":[]}';

let n = 0;
/** A fresh folder under the work folder holding `files` (path → text). */
function folderWith(files: Record<string, string>): string {
  const dir = join(work, `case-${n++}`);
  mkdirSync(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function refusal(action: () => void): string {
  try {
    action();
  } catch (error) {
    if (isUserInputError(error)) return error.message;
    throw error;
  }
  throw new Error('not refused');
}

describe('outputFolderProblem', () => {
  it.each([
    ['a path that does not exist', null],
    ['an empty folder', {}],
    ['a folder scalesim marked', { [RESULTS_MARKER]: 'x', 'summary.json': RUN_SUMMARY, 'base/timeseries.csv': 'a\n' }],
    ['a marked folder with only the marker left', { [RESULTS_MARKER]: 'x' }],
    ["a run's results from before the marker", { 'summary.json': RUN_SUMMARY, 'decisions.csv': 'a\n', 'report.md': '#', 'report-nodes.mmd': 'x', 'report.html': '<p>' }],
    ["a comparison's, with a folder per variant", { 'comparison.json': '{"variants":[],"best":{}}', 'comparison.csv': 'a\n', 'base/summary.json': RUN_SUMMARY, 'base/timeseries.csv': 'a\n' }],
    ["a sweep's", { 'sweep.json': '{"scenario":"s","fingerprint":"f","grid":[],"rows":[]}', 'sweep.csv': 'a\n', 'pareto.csv': 'a\n', 'best.json': '{}' }],
    ["a shard's part", { 'sweep-part.json': '{"format":1,"identity":{},"shards":2,"shard":0,"rows":[]}' }],
  ])('may replace %s', (_name, files) => {
    const target = files === null ? join(work, `absent-${n++}`) : folderWith(files);
    expect(outputFolderProblem(target)).toBeUndefined();
  });

  it.each([
    ['a folder with a file scalesim does not write', { 'summary.json': RUN_SUMMARY, 'notes.txt': 'mine' }, 'holds notes.txt, which scalesim does not write'],
    ['a folder scalesim marked, into which the user saved a notebook', { [RESULTS_MARKER]: 'x', 'sweep.csv': 'a\n', 'analysis.ipynb': '{}' }, 'holds analysis.ipynb, which scalesim does not write'],
    ['a nested one', { 'summary.json': RUN_SUMMARY, 'src/main.ts': 'code' }, 'holds src/main.ts, which scalesim does not write'],
    ['csv and json files without any summary of scalesim', { 'data.csv': 'a\n', 'config.json': '{}' }, 'holds config.json, which scalesim does not write'],
    ["a summary.json that is not scalesim's", { 'summary.json': '{"title":"quarterly"}', 'timeseries.csv': 'a\n' }, "holds no results of scalesim's"],
    ['a summary.json that is no JSON', { 'summary.json': 'not json', 'cost.csv': 'a\n' }, "holds no results of scalesim's"],
    ["results from before the file list, into which the user saved notes", { 'summary.json': RUN_SUMMARY, 'timeseries.csv': 'a\n', 'notes.md': 'mine' }, 'holds notes.md, which scalesim does not write'],
    ['a bare marker beside a csv of the user\'s', { [RESULTS_MARKER]: 'x', 'sweep.csv': 'a\n', 'analysis/p99.csv': 'mine' }, 'holds analysis/p99.csv, which scalesim does not write'],
  ])('refuses %s', (_name, files, words) => {
    expect(outputFolderProblem(folderWith(files))).toContain(words);
  });

  it('refuses a file', () => {
    const file = join(folderWith({ 'f.txt': 'x' }), 'f.txt');
    expect(outputFolderProblem(file)).toContain('is a file; expected a folder');
  });
});

describe('prepareOutputFolder and ResultsFolder', () => {
  it('makes the missing parents, and a results folder carries the marker that lets the next run replace it', () => {
    const out = join(work, 'a', 'b', 'c', 'results');
    const first = new ResultsFolder(out);
    first.writeText('summary.json', '{"run":1}\n');
    expect(first.commit()).toEqual([join(out, 'summary.json')]);
    expect(existsSync(join(out, RESULTS_MARKER))).toBe(true);
    const second = new ResultsFolder(out);
    second.writeText('summary.json', '{"run":2}\n');
    second.commit();
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('{"run":2}\n');
    // A note saved into the results since is the user's: the folder is no longer replaced.
    writeFileSync(join(out, 'notes.txt'), 'added by hand');
    expect(refusal(() => new ResultsFolder(out))).toContain('holds notes.txt, which scalesim does not write');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('added by hand');
  });

  it('lists the files it wrote in the marker, so a file of the user\'s is refused whatever its kind', () => {
    const out = join(work, 'listed');
    const run = new ResultsFolder(out);
    run.writeText('summary.json', '{}\n');
    run.writeText('timeseries.csv', 'a\n', 'base');
    run.commit();
    expect(readFileSync(join(out, RESULTS_MARKER), 'utf8').split('\n').slice(-3)).toEqual(['base/timeseries.csv', 'summary.json', '']);
    expect(outputFolderProblem(out)).toBeUndefined();
    for (const [path, words] of [
      ['my-notes.md', 'holds my-notes.md, which scalesim does not write'],
      ['base/p99-by-day.csv', 'holds base/p99-by-day.csv, which scalesim does not write'],
      ['analysis/p99.csv', 'holds analysis/, which scalesim does not write'],
    ] as const) {
      mkdirSync(dirname(join(out, path)), { recursive: true });
      writeFileSync(join(out, path), 'mine');
      expect(refusal(() => new ResultsFolder(out)), path).toContain(words);
      expect(readFileSync(join(out, path), 'utf8')).toBe('mine');
      rmSync(join(out, path));
    }
    rmSync(join(out, 'analysis'), { recursive: true });
    // A file of the run's removed by hand leaves the folder replaceable.
    rmSync(join(out, 'summary.json'));
    expect(outputFolderProblem(out)).toBeUndefined();
  });

  it("refuses a folder of the user's before writing anything, and leaves it as it was", () => {
    const mine = folderWith({ 'sub/file.txt': 'precious' });
    const message = refusal(() => new ResultsFolder(mine));
    expect(message).toBe(
      `(command line): --out: ${mine} holds sub/file.txt, which scalesim does not write; a run replaces its output folder whole, so scalesim will not replace this one\n    hint: give --out a new folder, or remove this one yourself`,
    );
    expect(readFileSync(join(mine, 'sub', 'file.txt'), 'utf8')).toBe('precious');
    expect(existsSync(join(mine, '..', `.scalesim-tmp-${mine.split('/').pop()}-${process.pid}`))).toBe(false);
  });

  it('refuses an empty --out (an unset shell variable), which would mean the working folder', () => {
    expect(refusal(() => prepareOutputFolder(''))).toContain('--out: expected a folder path, got an empty one');
    expect(refusal(() => prepareOutputFolder('  '))).toContain('expected a folder path');
  });

  it('says which level of the path cannot be made', () => {
    const file = join(folderWith({ 'f.txt': 'x' }), 'f.txt');
    expect(refusal(() => prepareOutputFolder(join(file, 'results')))).toBe(`(command line): --out: cannot make the folder ${join(file, 'results')}: ${file} is a file, not a folder`);
  });

  it.runIf(process.platform === 'linux')('refuses a folder it cannot write in as bad input (exit 2), not a run failure', () => {
    // Nothing may be made under /proc, whoever runs the test (root included).
    expect(refusal(() => new ResultsFolder('/proc/scalesim-results'))).toBe(
      '(command line): --out: cannot write in /proc (ENOENT): expected a folder where the results can be written\n    hint: give --out a folder you can write to, e.g. --out results/my-run',
    );
  });

  it('follows a symbolic link to a folder above the output (as /tmp is on macOS)', () => {
    const real = folderWith({});
    const link = join(work, `link-${n++}`);
    symlinkSync(real, link, 'dir');
    prepareOutputFolder(join(link, 'sub', 'results'));
    expect(existsSync(join(real, 'sub'))).toBe(true);
  });

  it.runIf(existsSync('/proc/self'))('refuses a path under /proc at once (recursive mkdirSync never returns there)', () => {
    expect(refusal(() => prepareOutputFolder('/proc/scalesim-no-such/results'))).toBe(
      '(command line): --out: cannot make the folder /proc/scalesim-no-such/results: making /proc/scalesim-no-such failed (ENOENT); expected a path where folders can be made',
    );
  });
});
