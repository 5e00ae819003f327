/**
 * Starts headless Chromium through puppeteer (mermaid-cli's peer dependency) with the flags a root
 * user in a container needs and none of Chromium's background network traffic.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';

/** Flags of every headless Chromium we start (renderer and tests); the profile dir is added per launch. */
export const HEADLESS_CHROMIUM_ARGS: readonly string[] = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

export interface HeadlessBrowser {
  browser: Browser;
  /** Closes the browser and removes its temporary profile. */
  close(): Promise<void>;
}

/** Launches `executablePath` with a throw-away profile; fails after `timeoutMs`. */
export async function launchHeadless(executablePath: string, timeoutMs = 30_000): Promise<HeadlessBrowser> {
  const { default: puppeteer } = await import('puppeteer');
  const profile = mkdtempSync(join(tmpdir(), 'scalesim-chromium-'));
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      // Over a pipe Chromium exits with us, even when we are killed (SIGKILL leaves no orphan).
      pipe: true,
      args: [...HEADLESS_CHROMIUM_ARGS, `--user-data-dir=${profile}`],
      timeout: timeoutMs,
      protocolTimeout: 2 * timeoutMs,
    });
    return {
      browser,
      close: async () => {
        try {
          await browser.close();
        } finally {
          rmSync(profile, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
