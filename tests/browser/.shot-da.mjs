import { chromium } from 'playwright-core';
const [path, out, lang='zh-CN', w='1280', h='800', login='agent', scrolls='1'] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const mobile = +w < 500;
const page = await b.newPage({ viewport: { width: +w, height: +h }, locale: lang, isMobile: mobile, hasTouch: mobile,
  extraHTTPHeaders: { 'Accept-Language': lang } });
const BASE='http://127.0.0.1:18220';
await page.goto(`${BASE}/login`); await page.fill('#login', login); await page.fill('#password','demo1234');
await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type="submit"]')]);
await page.goto(BASE+path);
for (let i = 0; i < +scrolls; i++) {
  await page.evaluate((y) => window.scrollTo(0, y), i * (+h - 40));
  await page.screenshot({ path: `${out}-${i}.png` });
}
await b.close();
