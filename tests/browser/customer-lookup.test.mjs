// A customer who lost the tracking link, on a phone (390 px, touch): the
// site's front door "/" is the repair form (not the staff sign-in), which
// links the look-up; the look-up by phone and ticket number (a miss first,
// then a hit, each sent by tapping the button) leads to the tracking page,
// whose progressive "copy the link" button copies the absolute link. Then
// an admin (1280 px) sets how the page names the technician (POST
// /admin/tracking), and the page shows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, DESKTOP, browser, signIn, clickPost, overflowsX } from './lib.mjs';

const PHONE_NO = '13900139000';

/** A new ticket from the repair form; returns { code, number }. */
async function reportFault(page) {
  await page.goto(`${BASE}/repair`);
  await page.fill('#name', '查询测试客户');
  await page.fill('#phone', PHONE_NO);
  const category = await page.$eval('#category option:not([value=""])', (o) => o.value);
  await page.selectOption('#category', category);
  await page.fill('#description', `洗衣机不脱水（浏览器查询测试 ${Date.now()}）`);
  await Promise.all([page.waitForURL(/\/track\/[a-z0-9]+$/), page.click('#repair-form button[type="submit"]')]);
  return { code: page.url().replace(/.*\/track\//, ''),
    number: (await page.textContent('strong.ticket-number')).trim() };
}

test('visitor on a phone: / → repair form → look-up by phone and number → copy the link',
  { timeout: 120000 }, async (t) => {
    const first = await browser(PHONE);
    let ticket;
    try {
      ticket = await reportFault(first.page);
    } finally {
      await first.close();
    }
    // another device, no cookie of the first: only the phone and the number
    const b = await browser(PHONE);
    try {
      const { page, ctx } = b;

      await t.test('"/" is the repair form, with a link to the look-up', async () => {
        await page.goto(`${BASE}/`);
        assert.equal(new URL(page.url()).pathname, '/repair');
        assert.equal(await page.locator('form[action="/login"]').count(), 0);
        await Promise.all([page.waitForURL(`${BASE}/track`), page.tap('#lookup-link')]);
        assert.equal(await overflowsX(page), false, 'the look-up fits the phone');
      });

      await t.test('a wrong number gets the one "not found" answer; the right one opens the ticket', async () => {
        await page.fill('#phone', '139 0013 9000');
        await page.fill('#number', 'R-20000101-0001');
        let r = await clickPost(page, '#lookup-form button[type="submit"]');
        assert.equal(r.status, 404);
        assert.match(await page.textContent('#not-found'), /没有找到/);
        assert.equal(await page.inputValue('#phone'), '139 0013 9000', 'the values are kept');

        await page.fill('#number', ticket.number.toLowerCase());
        r = await clickPost(page, '#lookup-form button[type="submit"]');
        assert.equal(r.status, 303);
        assert.equal(new URL(page.url()).pathname, `/track/${ticket.code}`);
        assert.equal((await page.textContent('strong.ticket-number')).trim(), ticket.number);
        assert.equal(await page.locator('dt', { hasText: '照片' }).count(), 0, 'no "0 photos" line');
      });

      await t.test('the link is absolute and the copy button copies it', async () => {
        const url = `${BASE}/track/${ticket.code}`;
        assert.equal((await page.textContent('#track-url')).trim(), url);
        const btn = page.locator('button.js-copy');
        assert.equal(await btn.isVisible(), true, 'shown by the script');
        await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
        await btn.tap();
        await page.waitForFunction(() => document.querySelector('.track-copy [role="status"]').textContent !== '');
        assert.equal((await page.textContent('.track-copy [role="status"]')).trim(), '已复制');
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
        // without the script the button stays hidden: it is hidden in the HTML
        const html = await (await page.request.get(url)).text();
        assert.match(html, /<button type="button" class="js-copy"[^>]* hidden>/);
        assert.equal(await overflowsX(page), false, 'the tracking page fits the phone');
      });
    } finally {
      await b.close();
    }
  });

test('admin sets how the tracking page names the technician', { timeout: 120000 }, async (t) => {
  const b = await browser(DESKTOP);
  try {
    const { page } = b;
    await signIn(page, 'admin');
    await page.goto(`${BASE}/admin/tracking`);
    const before = await page.$eval('input[name="staff_name"]:checked', (i) => i.value);
    try {
      await t.test('choosing "full name" is saved', async () => {
        await page.check('input[name="staff_name"][value="full"]');
        const r = await clickPost(page, '#tracking-form button[type="submit"]');
        assert.equal(r.status, 303);
        assert.match(await page.textContent('.note.ok'), /已保存/);
        assert.equal(await page.$eval('input[name="staff_name"]:checked', (i) => i.value), 'full');
      });
    } finally {
      await page.goto(`${BASE}/admin/tracking`);
      await page.check(`input[name="staff_name"][value="${before}"]`);
      assert.equal((await clickPost(page, '#tracking-form button[type="submit"]')).status, 303,
        'the setting is restored');
    }
  } finally {
    await b.close();
  }
});
