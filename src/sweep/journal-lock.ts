/**
 * The lock beside a sweep's resume journal (journal.ts): a file holding the pid of the sweep that
 * writes the journal, made with exclusive create, so that a second sweep into the same --out is
 * refused while the first runs instead of both running every setting or one truncating the other's
 * journal. A lock whose process is gone (a killed sweep) is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserInputError } from '../errors/user-input-error.js';
import { processAlive } from '../report/results-folder.js';

/** The lock beside a journal: the pid of the sweep writing it, so that a second sweep into the same --out waits its turn. */
export function lockPath(journal: string): string {
  return `${journal}.lock`;
}

/** Takes the journal's lock, or refuses (exit 2) while another live process holds it; a dead holder's lock is taken over. */
export function takeJournalLock(journal: string): void {
  const path = lockPath(journal);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw journalUnwritable(journal, code ?? String(error));
    }
    const holder = Number.parseInt(readIfThere(path) ?? '', 10);
    if (Number.isInteger(holder) && holder !== process.pid && processAlive(holder)) {
      throw new UserInputError({
        file: '(command line)',
        field: '--out',
        message: `another sweep (process ${holder}) is writing to this --out: its journal ${journal} is locked`,
        hint: `wait for it to finish or give this sweep another --out; if no sweep is running (the process id was reused), remove ${path}`,
      });
    }
    rmSync(path, { force: true }); // left by a sweep that was killed
  }
  throw new UserInputError({ file: '(command line)', field: '--out', message: `cannot take the lock ${path} of the sweep's journal` });
}

/** The folder above --out exists (prepareOutputFolder made it) but takes no files: not ours to fix. */
export function journalUnwritable(journal: string, code: string): UserInputError {
  return new UserInputError({
    file: '(command line)',
    field: '--out',
    message: `cannot write the sweep's resume journal ${journal} (${code}); expected a folder above --out where files can be written`,
    hint: 'choose an --out in a folder you can write to',
  });
}

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
