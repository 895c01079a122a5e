// Screenshots of a page as a signed-in user, at a desktop (1280) and a
// phone (390) width, to look at with an image viewer. Not a test.
//
//   SL_TEST_URL=http://127.0.0.1:18480 node tests/browser/screenshot.mjs LOGIN PATH OUT [LANG]
//
// writes OUT-1280.png, OUT-390.png (full pages) and OUT-390-partN.png (the
// phone page cut into screen-sized parts). LOGIN "-" stays signed out;
// LANG is an Accept-Language (default zh-CN). Needs `npm ci` in tests/browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = (process.env.SL_TEST_URL || 'http://127.0.0.1:18080').replace(/\/$/, '');
const [login, path, out, lang = 'zh-CN'] = process.argv.slice(2);
if (!login || !path || !out) {
  console.error('usage: node screenshot.mjs LOGIN|- PATH OUT [LANG]');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'sl-shot-'));
const ctx = await chromium.launchPersistentContext(dir, {
  executablePath: process.env.SL_CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  locale: lang, extraHTTPHeaders: { 'Accept-Language': lang },
});
try {
  const page = ctx.pages()[0] || await ctx.newPage();
  if (login !== '-') {
    await page.goto(`${BASE}/login`);
    await page.fill('#login', login);
    await page.fill('#password', process.env.SL_PASSWORD || 'demo1234');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type="submit"]')]);
  }
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
    await page.goto(BASE + path);
    await page.screenshot({ path: `${out}-${width}.png`, fullPage: true });
    if (width > 500) continue;
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, i = 0; y < height && i < 8; y += 1400, i++)
      await page.screenshot({ path: `${out}-${width}-part${i}.png`, fullPage: true,
        clip: { x: 0, y, width, height: Math.min(1400, height - y) } });
  }
} finally {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
}
