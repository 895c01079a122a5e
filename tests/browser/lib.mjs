// What every browser test shares: a browser of its own per role (headless
// Chromium, Debian's /usr/bin/chromium, driven by playwright-core), signing
// in, finding a ticket, submitting a form by clicking.
//
// Every browser of the suite sends a User-Agent ending in UA_MARK, so the
// POST-route coverage gate (coverage.sh) counts from nginx's access log only
// what a real browser submitted, never an HTTP test's libcurl request.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE = (process.env.SL_TEST_URL || 'http://127.0.0.1:18080').replace(/\/$/, '');
export const CHROMIUM = process.env.SL_CHROMIUM || '/usr/bin/chromium';
export const PASSWORD = 'demo1234';
export const UA_MARK = 'ServiceLoopBrowserTest';
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
  deviceScaleFactor: 2 };
export const DESKTOP = { viewport: { width: 1280, height: 900 } };
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const UA_DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  `Chrome/120.0 Safari/537.36 ${UA_MARK}`;
const UA_PHONE = 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  `Chrome/120.0 Mobile Safari/537.36 ${UA_MARK}`;

/** A browser of its own for one role: returns { ctx, page, close }.
 * lang: 'zh-CN' (default) or 'en'. */
export async function browser(device, lang = 'zh-CN') {
  const dir = mkdtempSync(join(tmpdir(), 'sl-browser-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, args: ARGS, locale: lang,
    userAgent: device.isMobile ? UA_PHONE : UA_DESKTOP,
    extraHTTPHeaders: { 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN,zh;q=0.9' }, ...device,
  });
  ctx.setDefaultTimeout(20000);
  const page = ctx.pages()[0] || await ctx.newPage();
  return {
    ctx, page,
    close: async () => { await ctx.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

export async function signIn(page, login, password = PASSWORD) {
  await page.goto(`${BASE}/login`);
  await page.fill('#login', login);
  await page.fill('#password', password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/login')),
    page.click('form[action="/login"] button[type="submit"]'),
  ]);
}

/** The id of the ticket with this number: the queue's search when the
 * queue is there, else the ticket ids walked upwards (ids only grow). */
export async function findTicketId(page, number) {
  const q = await page.goto(`${BASE}/desk/?q=${encodeURIComponent(number)}`);
  if (q && q.status() === 200) {
    const hrefs = await page.$$eval('a[href^="/desk/tickets/"]', (as) => as.map((a) => a.getAttribute('href')));
    for (const href of hrefs) {
      const m = /^\/desk\/tickets\/(\d+)$/.exec(href);
      if (!m) continue;
      const r = await page.request.get(`${BASE}${href}`);
      if (r.ok() && (await r.text()).includes(number)) return Number(m[1]);
    }
  }
  for (let id = 1, misses = 0; misses < 300; id++) {
    const r = await page.request.get(`${BASE}/desk/tickets/${id}`, { maxRedirects: 0 });
    if (r.status() === 200 && (await r.text()).includes(number)) return id;
    misses = r.status() === 404 ? misses + 1 : 0;
  }
  throw new Error(`no ticket found with number ${number}`);
}

/** Click a submit button and wait for the page it leads to (a POST
 * answered 303 back to the same URL: waitForURL would not wait). */
export async function submit(page, selector) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
}

/** The status class of the ticket page's badge (new, assigned, ...). */
export async function statusBadge(page) {
  return (await page.getAttribute('.tk-head .badge.st', 'class')).replace(/.*\bst-(\S+).*/, '$1');
}

/** Click a form's submit button like a user and wait for the page shown
 * after. Returns { status, shown }: status is what the POST itself was
 * answered (303 when it worked and redirected, 422 when the form came back
 * with its errors), shown the response of the page now in the browser.
 * Throws when the click did not send a POST. */
export async function clickPost(page, selector) {
  const [shown] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  let req = shown.request();
  while (req.redirectedFrom()) req = req.redirectedFrom();
  if (req.method() !== 'POST') throw new Error(`${selector}: the click sent a ${req.method()}, not a POST`);
  return { status: (await req.response()).status(), shown };
}

/** A name no other run or test has used: prefix + time + random. */
export function unique(prefix) {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** The text of the error shown at a field (its .field-error, named by the
 * field's aria-describedby), after checking the field is marked invalid. */
export async function fieldError(page, fieldSelector) {
  const field = page.locator(fieldSelector);
  if (await field.getAttribute('aria-invalid') !== 'true')
    throw new Error(`${fieldSelector} is not marked aria-invalid`);
  const ids = ((await field.getAttribute('aria-describedby')) || '').split(/\s+/).filter(Boolean);
  for (const id of ids) {
    const el = page.locator(`#${id}.field-error`);
    if (await el.count() === 1) return (await el.textContent()).trim();
  }
  throw new Error(`${fieldSelector} names no .field-error in aria-describedby`);
}

/** A small real photo, encoded by Chromium itself (a drawn page taken as a
 * JPEG or PNG screenshot), for setInputFiles: { name, mimeType, buffer }. */
export async function photo(ctx, type = 'jpeg', name = `photo.${type === 'png' ? 'png' : 'jpg'}`) {
  const p = await ctx.newPage();
  try {
    await p.setViewportSize({ width: 96, height: 72 });
    await p.setContent('<body style="margin:0;background:linear-gradient(135deg,#2a6f97,#f4a259)">' +
      '<div style="font:bold 28px sans-serif;color:#fff;padding:18px">SL</div></body>');
    const buffer = await p.screenshot({ type, ...(type === 'jpeg' ? { quality: 80 } : {}) });
    return { name, mimeType: type === 'png' ? 'image/png' : 'image/jpeg', buffer };
  } finally {
    await p.close();
  }
}

/** Click a submit button and return the response of the page it leads to
 * (to check a status such as 403). */
export async function submitFor(page, selector) {
  const [resp] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  return resp;
}

/** Whether the page is wider than the device's viewport (something cut,
 * scrolling sideways, or a phone zooming the whole page out to fit it:
 * then window.innerWidth grows with the page, so compare with the device). */
export async function overflowsX(page) {
  const width = page.viewportSize().width;
  return page.evaluate((w) => document.documentElement.scrollWidth > w + 1, width);
}

/** A short mark unique to this run, for data a test creates itself. */
export function stamp() {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}
