/** Where the browser comes from: PUPPETEER_EXECUTABLE_PATH, then Debian's paths; never a download. */
import { describe, expect, it } from 'vitest';
import { BROWSER_HINT, findBrowser } from '../../../src/report/render/find-browser.js';

const has = (...paths: string[]) => (p: string) => paths.includes(p);

describe('findBrowser', () => {
  it('takes PUPPETEER_EXECUTABLE_PATH first', () => {
    expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/opt/chrome' }, has('/opt/chrome', '/usr/bin/chromium'))).toEqual({ found: true, executablePath: '/opt/chrome' });
  });

  it('reports a PUPPETEER_EXECUTABLE_PATH that does not exist instead of falling back', () => {
    expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/opt/none' }, has('/usr/bin/chromium'))).toEqual({ found: false, reason: `no Chromium at PUPPETEER_EXECUTABLE_PATH=/opt/none (${BROWSER_HINT})` });
  });

  it.each([
    [['/usr/bin/chromium', '/usr/bin/chromium-browser'], '/usr/bin/chromium'],
    [['/usr/bin/chromium-browser'], '/usr/bin/chromium-browser'],
  ])('uses Debian’s chromium: with %j present it takes %s', (present, expected) => {
    expect(findBrowser({}, has(...present))).toEqual({ found: true, executablePath: expected });
  });

  it('says how to get one when there is none', () => {
    expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: '' }, has())).toEqual({ found: false, reason: `no Chromium found (${BROWSER_HINT})` });
  });
});
