/**
 * Puppeteer settings for scalesim (read by mermaid-cli's puppeteer and by the e2e test): never
 * download a browser at install time; use Debian's chromium, or PUPPETEER_EXECUTABLE_PATH.
 */
const { existsSync } = require('node:fs');

const candidates = [process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const executablePath = candidates.find((p) => p !== undefined && p !== '' && existsSync(p));

/** @type {import('puppeteer').Configuration} */
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  'chrome-headless-shell': { skipDownload: true },
  firefox: { skipDownload: true },
  ...(executablePath !== undefined ? { executablePath } : {}),
};
