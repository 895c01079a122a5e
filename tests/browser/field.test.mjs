// The technician's job on a phone (390 px, touch), every form submitted by
// clicking: an agent takes two tickets by phone and gives them to the
// technician; the technician signs in (lands on /desk/my), sets the visit
// window (/appointment: a refused window first), arrives (/visit), completes
// the first job with a photo and the customer's signature drawn on the
// canvas with the mouse and with touch (/complete); the print view fits one
// A4 page with its QR code and the signature; the second job is completed
// without a signature and the customer confirms it on the tracking page
// (/track/<code>/confirm). Screenshots go to $SL_SHOT_DIR when it is set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, DESKTOP, browser, signIn, submit, statusBadge, stamp, overflowsX, photo, fieldError } from './lib.mjs';

const SHOTS = process.env.SL_SHOT_DIR || '';
const TECH_NAME = '张师傅';

async function shot(page, name, opts = {}) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, ...opts });
}

/** Local (UTC+8) date of tomorrow as YYYY-MM-DD. */
function tomorrow() {
  return new Date(Date.now() + 8 * 3600e3 + 86400e3).toISOString().slice(0, 10);
}

/** The element's top within the viewport is on screen. */
async function onScreen(page, selector) {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });
}

/** The agent takes a ticket by phone and hands it to the technician. */
async function newJob(page, what) {
  await page.goto(`${BASE}/desk/new`);
  await page.selectOption('#channel', 'phone');
  await page.fill('#name', '上门客户');
  await page.fill('#phone', '13900139000');
  await page.fill('#address', '上海市浦东新区世纪大道 100 号 & 2 号楼#3');
  const cat = await page.$$eval('#category option', (os) => os.map((o) => o.value).find((v) => v));
  await page.selectOption('#category', cat);
  await page.fill('#product', 'KFR-35GW');
  await page.fill('#description', what);
  await Promise.all([page.waitForURL(/\/desk\/tickets\/\d+(\?done=created)?#assign$/),
    page.click('form[action="/desk/new"] button[type="submit"]')]);
  const id = Number(new URL(page.url()).pathname.replace(/.*\//, ''));
  const number = (await page.textContent('.tk-num')).trim();
  const track = await page.getAttribute('a[href^="/track/"]', 'href');
  const tech = await page.$$eval('#f-assignee option', (os, n) => os.find((o) => o.textContent.startsWith(n)).value, TECH_NAME);
  await page.selectOption('#f-assignee', tech);
  await submit(page, '#assign-submit');
  assert.equal(await statusBadge(page), 'assigned');
  assert.match(page.url(), /\/[^?]*#assign$/, 'back at the assignment card');
  assert.match(await page.textContent('#assign .flash'), /已分派/);
  return { id, number, track };
}

/** Draw a stroke on the signature pad: with the mouse, or with touch
 * events through the DevTools protocol (a finger on a phone). */
async function drawMouse(page) {
  const box = await page.locator('#sig-pad').boundingBox();
  await page.mouse.move(box.x + 20, box.y + box.height * 0.7);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(box.x + 20 + i * 12, box.y + box.height * (0.7 - 0.4 * Math.sin(i / 2)));
  await page.mouse.up();
}

async function drawTouch(page) {
  const box = await page.locator('#sig-pad').boundingBox();
  const cdp = await page.context().newCDPSession(page);
  const pt = (i) => ({ x: box.x + box.width * 0.55 + i * 8, y: box.y + box.height * 0.3 + i * 5 });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [pt(0)] });
  for (let i = 1; i <= 10; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [pt(i)] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('field work on a phone: window, arrival, completion with signature, print, confirmation', { timeout: 180000 }, async (t) => {
  const mark = stamp();
  const jobs = {};

  await t.test('setup: the agent gives two jobs to the technician', async () => {
    const b = await browser(DESKTOP);
    try {
      await signIn(b.page, 'agent');
      jobs.a = await newJob(b.page, `空调漏水,需要上门(签名 ${mark})`);
      jobs.b = await newJob(b.page, `热水器不出热水(确认 ${mark})`);
    } finally {
      await b.close();
    }
  });

  const tech = await browser(PHONE);
  const { page } = tech;
  try {
    await t.test('the technician signs in to my work orders and opens the job', async () => {
      await signIn(page, 'tech');
      assert.equal(new URL(page.url()).pathname, '/desk/my', 'a technician lands on /desk/my');
      assert.equal(await page.getAttribute('nav a[aria-current="page"]', 'href'), '/desk/my');
      const card = page.locator('.my-today .my-order', { hasText: jobs.a.number });
      assert.equal(await card.count(), 1, 'a job without a window is for today');
      await Promise.all([page.waitForURL(`${BASE}/desk/tickets/${jobs.a.id}`), card.locator('a.my-num').click()]);
      assert.equal(await overflowsX(page), false, 'the ticket page fits 390 px');
    });

    await t.test('the job comes first: customer, call, map, then the arrival button', async () => {
      const top = (sel) => page.$eval(sel, (el) => el.getBoundingClientRect().top + window.scrollY);
      const job = await top('#job');
      assert.ok(job < await top('.tk-desc'), 'the job card before the fault');
      assert.ok(await top('.tk-desc') < await top('#visit'), 'the fault before the visit');
      assert.ok(await top('#visit') < await top('#parts'), 'the visit before the parts form');
      const arrive = await top('#visit-arrive');
      assert.ok(arrive < 2 * 844, `"我已到达现场" within two screens (at ${Math.round(arrive)} px)`);
      assert.match(await page.getAttribute('#job a.tk-tel', 'href'), /^tel:(\+86)?13900139000$/);
      const geo = await page.getAttribute('#map-geo', 'href');
      assert.ok(geo.startsWith('geo:0,0?q='), geo);
      assert.equal(decodeURIComponent(geo.slice(10).replace(/\+/g, ' ')), '上海市浦东新区世纪大道 100 号 & 2 号楼#3',
        'the address survives the URL, "&" and "#" included');
      const amap = new URL(await page.getAttribute('#map-amap', 'href'));
      assert.equal(amap.origin, 'https://uri.amap.com');
      assert.equal(amap.searchParams.get('keyword'), '上海市浦东新区世纪大道 100 号 & 2 号楼#3');
      const baidu = new URL(await page.getAttribute('#map-baidu', 'href'));
      assert.equal(baidu.searchParams.get('address'), '上海市浦东新区世纪大道 100 号 & 2 号楼#3');
      await shot(page, 'tech-ticket-390-zh', { fullPage: false });
      await shot(page, 'tech-ticket-390-zh-full', { fullPage: true });
    });

    await t.test('a wrong visit window is refused at its fields, a right one is saved (/appointment)', async () => {
      await page.click('.tk-appt-form summary');
      await page.fill('#f-appt-date', tomorrow());
      await page.fill('#f-appt-from', '16:00');
      await page.fill('#f-appt-to', '15:00');
      await submit(page, '#appt-submit');
      assert.match(await fieldError(page, '#f-appt-to'), /结束时间须晚于开始时间/);
      assert.equal(await page.inputValue('#f-appt-from'), '16:00', 'the typed value is kept');
      await page.fill('#f-appt-from', '14:00');
      await page.fill('#f-appt-to', '16:00');
      await submit(page, '#appt-submit');
      assert.match(page.url(), /\/[^?]*#job$/);
      assert.match(await page.textContent('#job .flash'), /预约上门时间已保存/);
      assert.ok(await onScreen(page, '#job .flash'), 'the confirmation is on screen');
      assert.match(await page.textContent('#appt-window'), /14:00–16:00/);
      // The second job gets a window too (upcoming on /desk/my).
      await page.goto(`${BASE}/desk/tickets/${jobs.b.id}`);
      await page.click('.tk-appt-form summary');
      await page.fill('#f-appt-date', tomorrow());
      await page.fill('#f-appt-from', '09:00');
      await page.fill('#f-appt-to', '11:30');
      await submit(page, '#appt-submit');
      await page.goto(`${BASE}/desk/my`);
      const card = page.locator('.my-upcoming .my-order', { hasText: jobs.a.number });
      assert.match(await card.locator('.my-appt').textContent(), /14:00–16:00/);
      assert.equal(await overflowsX(page), false, '/desk/my fits 390 px');
      await shot(page, 'tech-my-390-zh', { fullPage: true });
      await page.goto(`${BASE}/desk/tickets/${jobs.a.id}`);
    });

    await t.test('arrival returns to the visit card with a confirmation (/visit)', async () => {
      await submit(page, '#visit-arrive');
      assert.match(page.url(), /\/[^?]*#visit$/);
      assert.equal(await statusBadge(page), 'in_progress');
      assert.match(await page.textContent('#visit .flash'), /已记录到达/);
      assert.ok(await onScreen(page, '#visit .flash'), 'the confirmation is on screen, not at the top');
      assert.equal(new URL(page.url()).search, '', 'the confirmation key left the address bar (shown once)');
    });

    await t.test('completion with a photo and the customer\'s signature (/complete)', async () => {
      assert.equal(await page.isVisible('#signature-box'), true, 'the script shows the signature pad');
      await page.fill('#f-done-note', `更换排水管,试机正常(${mark})`);
      await page.setInputFiles('#f-done-photo', await photo(tech.ctx, 'jpeg', '修好了.jpg'));
      await page.locator('#sig-pad').scrollIntoViewIfNeeded();
      await drawMouse(page);
      await drawTouch(page);
      const sig = await page.inputValue('#f-signature');
      assert.ok(sig.startsWith('data:image/png;base64,'), 'the drawing is in the hidden field as a PNG');
      await shot(page, 'tech-signature-390-zh', { fullPage: false });
      await submit(page, '#complete-submit');
      assert.match(page.url(), /\/[^?]*#complete$/);
      assert.equal(await statusBadge(page), 'resolved');
      assert.match(await page.textContent('#complete .flash'), /已记录完工/);
      assert.match(await page.textContent('.tk-done-note'), new RegExp(mark));
      const w = await page.$eval('#signature-img', (img) => img.complete ? img.naturalWidth : 0);
      assert.ok(w >= 300, `the signature is shown (${w} px wide)`);
      assert.match(await page.textContent('#confirmed'), /客户已签名确认/);
    });

    await t.test('the print view: one A4 page, QR code, signature, no form', async () => {
      await page.setViewportSize({ width: 1024, height: 1400 });
      await page.goto(`${BASE}/desk/tickets/${jobs.a.id}/print`);
      assert.equal(await page.locator('form').count(), 0, 'no form on the print view');
      assert.ok(await page.locator('svg.qr rect').count() > 50, 'the QR code is drawn');
      assert.match(await page.textContent('.wo-url'), new RegExp(`^${BASE}/track/[a-z2-7]{26}$`));
      const w = await page.$eval('#wo-signature', (img) => img.complete ? img.naturalWidth : 0);
      assert.ok(w > 0, 'the signature image loads');
      assert.match(await page.textContent('main, body'), new RegExp(mark));
      await shot(page, 'print-view', { fullPage: true });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert.equal(pages, 1, 'the work order prints on one A4 page');
      if (SHOTS) {
        const { writeFileSync } = await import('node:fs');
        writeFileSync(`${SHOTS}/print-view.pdf`, pdf);
      }
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize(PHONE.viewport);
    });

    await t.test('the second job is completed without a signature', async () => {
      await page.goto(`${BASE}/desk/tickets/${jobs.b.id}`);
      await submit(page, '#visit-arrive');
      await page.fill('#f-done-note', `更换温控器(${mark})`);
      await submit(page, '#complete-submit');
      assert.equal(await statusBadge(page), 'resolved');
      assert.match(await page.textContent('#confirm-pending'), /等待客户/);
      await page.goto(`${BASE}/desk/my`);
      assert.equal(await page.locator('.my-done .my-order', { hasText: jobs.b.number }).count(), 1,
        'a finished job stays on /desk/my');
    });
  } finally {
    await tech.close();
  }

  await t.test('the customer sees the completion and confirms it once (/track/<code>/confirm)', async () => {
    const b = await browser(PHONE);
    try {
      const { page: c } = b;
      await c.goto(BASE + jobs.b.track);
      assert.match(await c.textContent('main'), new RegExp(`更换温控器\\(${mark}\\)`));
      await submit(c, '#confirm-submit');
      assert.match(c.url(), /\/[^?]*#confirm$/);
      assert.match(await c.textContent('#confirm'), /感谢您的确认/);
      assert.match(await c.textContent('#confirmed'), /您已确认修好/);
      assert.equal(await c.locator('#confirm-submit').count(), 0, 'no second confirmation');
      assert.equal(await overflowsX(c), false, 'the tracking page fits 390 px');
    } finally {
      await b.close();
    }
  });

  await t.test('screenshots in English', async () => {
    if (!SHOTS) return;
    const b = await browser(PHONE, 'en');
    try {
      await signIn(b.page, 'tech');
      await b.page.goto(`${BASE}/desk/tickets/${jobs.a.id}`);
      await shot(b.page, 'tech-ticket-390-en', { fullPage: true });
      await b.page.goto(`${BASE}/desk/my`);
      await shot(b.page, 'tech-my-390-en', { fullPage: true });
    } finally {
      await b.close();
    }
  });
});
