/** Temp results folders for explain tests: each test file removes its own with `afterAll(removeFixtures)`. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every results folder of this test file lives here; remove it with `afterAll(removeFixtures)`. */
const FIXTURE_ROOT = mkdtempSync(join(tmpdir(), 'scalesim-explain-'));

export function removeFixtures(): void {
  rmSync(FIXTURE_ROOT, { recursive: true, force: true });
}

/** A fresh results folder holding decisions.csv (and summary.json when `durationSeconds` is given, with `decisions` when given). */
export function resultsFolder(csv: string | undefined, durationSeconds?: number, decisions?: 'all' | 'changes'): string {
  const dir = mkdtempSync(join(FIXTURE_ROOT, 'results-'));
  if (csv !== undefined) writeFileSync(join(dir, 'decisions.csv'), csv);
  if (durationSeconds !== undefined) writeFileSync(join(dir, 'summary.json'), JSON.stringify({ scenario: 'fixture', durationSeconds, decisions }));
  return dir;
}
