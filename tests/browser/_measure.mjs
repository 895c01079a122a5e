import { chromium } from 'playwright-core';
const BASE = process.env.SL_TEST_URL;
const [login, path] = process.argv.slice(2);
const ctx = await chromium.launchPersistentContext('/tmp/fw/prof-' + Date.now(), { executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox'], viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
const page = ctx.pages()[0];
await page.goto(`${BASE}/login`);
await page.fill('#login', login); await page.fill('#password', 'demo1234');
await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type="submit"]')]);
console.log('landed', page.url());
await page.goto(BASE + path);
const r = await page.evaluate(() => [...document.querySelectorAll('section, .card, form button')].map(e => `${Math.round(e.getBoundingClientRect().top + scrollY)} ${e.tagName} ${e.className} ${e.id} ${(e.textContent||'').trim().slice(0,20).replace(/\s+/g,' ')}`));
console.log(r.join('\n'));
await ctx.close();
