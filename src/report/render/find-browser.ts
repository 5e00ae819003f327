/**
 * Finds the Chromium that renders the charts: PUPPETEER_EXECUTABLE_PATH when set, else Debian's
 * /usr/bin/chromium, else /usr/bin/chromium-browser. Nothing is downloaded (see .puppeteerrc.cjs).
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES: readonly string[] = Object.freeze(['/usr/bin/chromium', '/usr/bin/chromium-browser']);

/** How to get rendered charts, for the one-line notice when no browser is found. */
export const BROWSER_HINT = "install Debian's chromium: apt-get install chromium, or set PUPPETEER_EXECUTABLE_PATH";

export type BrowserLookup = { found: true; executablePath: string } | { found: false; reason: string };

/**
 * PUPPETEER_EXECUTABLE_PATH wins when set; a set path that does not exist is reported as such
 * (no silent fallback to another browser). `exists` is injectable for tests.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): BrowserLookup {
  const configured = env['PUPPETEER_EXECUTABLE_PATH'];
  if (configured !== undefined && configured !== '') {
    return exists(configured)
      ? { found: true, executablePath: configured }
      : { found: false, reason: `no Chromium at PUPPETEER_EXECUTABLE_PATH=${configured} (${BROWSER_HINT})` };
  }
  const path = CHROMIUM_CANDIDATES.find((p) => exists(p));
  return path !== undefined ? { found: true, executablePath: path } : { found: false, reason: `no Chromium found (${BROWSER_HINT})` };
}
