// The golden journey in a real browser (headless Chromium, Debian's
// /usr/bin/chromium, driven by playwright-core), against $SL_TEST_URL:
//
//   a customer reports a fault on a phone → sees the ticket number on the
//   tracking page → an agent signs in on a desktop, finds the ticket, assigns
//   it to technician "tech" → the technician signs in on a phone, finds it
//   under "my work orders", records the arrival, resolves it → the customer's
//   tracking page says 已解决.
//
// Each role has its own browser with a fresh user-data-dir (no shared
// cookies). Run by tests/browser/run.sh (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, DESKTOP, browser, signIn, findTicketId, submit, statusBadge } from './lib.mjs';

const TECH_LABEL = '张师傅';          // demo technician "tech" (sl-cli demo)

test('golden journey: report → assign → visit → resolve → customer sees it', { timeout: 180000 }, async (t) => {
  const journey = {};

  await t.test('customer reports a fault on a phone and lands on the tracking page', async () => {
    const b = await browser(PHONE);
    try {
      const { page } = b;
      await page.goto(`${BASE}/repair`);
      await page.fill('#name', '浏览器测试客户');
      await page.fill('#phone', '13800138000');
      await page.fill('#address', '上海市徐汇区漕溪北路 1 号');
      const firstCategory = await page.$eval('#category option:not([value=""])', (o) => o.value);
      await page.selectOption('#category', firstCategory);
      await page.fill('#product', 'KFR-35GW');
      await page.fill('#description', `空调开机后不制冷,室外机不转(浏览器测试 ${Date.now()})`);
      await Promise.all([
        page.waitForURL(/\/track\/[a-z0-9]+$/),
        page.click('#repair-form button[type="submit"]'),
      ]);
      journey.track = page.url();
      journey.number = (await page.textContent('strong.ticket-number')).trim();
      assert.match(journey.number, /^R-\d{8}-\d{4,}$/);
    } finally {
      await b.close();
    }
  });

  await t.test('agent signs in on a desktop, finds the ticket and assigns it to tech', async () => {
    assert.ok(journey.number, 'the customer step gave a number');
    const b = await browser(DESKTOP);
    try {
      const { page } = b;
      await signIn(page, 'agent');
      journey.id = await findTicketId(page, journey.number);
      await page.goto(`${BASE}/desk/tickets/${journey.id}`);
      assert.equal((await page.textContent('.tk-num')).trim(), journey.number);
      assert.equal(await statusBadge(page), 'new');
      const tech = await page.$$eval('#f-assignee option', (os, label) =>
        (os.find((o) => o.textContent.startsWith(label)) || {}).value, TECH_LABEL);
      assert.ok(tech, 'technician tech is in the assignee list');
      await page.selectOption('#f-assignee', tech);
      await submit(page, '#assign-submit');
      assert.equal(await statusBadge(page), 'assigned');
      assert.match(await page.textContent('.tk-assignee'), new RegExp(TECH_LABEL));
    } finally {
      await b.close();
    }
  });

  await t.test('technician finds it under my work orders, arrives and resolves it', async () => {
    assert.ok(journey.id, 'the agent step found the ticket');
    const b = await browser(PHONE);
    try {
      const { page } = b;
      await signIn(page, 'tech');
      await page.goto(`${BASE}/desk/my`);
      const card = page.locator('.my-order', { hasText: journey.number });
      await card.waitFor();
      await Promise.all([
        page.waitForURL(`${BASE}/desk/tickets/${journey.id}`),
        card.locator('a.my-num').click(),
      ]);
      await submit(page, '#visit-arrive');
      assert.equal(await statusBadge(page), 'in_progress');
      await page.fill('#f-notes', '更换启动电容,试机制冷正常');
      await submit(page, '#visit-finish');
      await page.selectOption('#f-status', 'resolved');
      await page.fill('#f-note', '已修复');
      await submit(page, '#status-submit');
      assert.equal(await statusBadge(page), 'resolved');
      await page.goto(`${BASE}/desk/my`);
      // No longer an open job, but listed among the finished ones.
      assert.equal(await page.locator('.my-today .my-order, .my-upcoming .my-order', { hasText: journey.number }).count(), 0);
      assert.equal(await page.locator('.my-done .my-order', { hasText: journey.number }).count(), 1);
    } finally {
      await b.close();
    }
  });

  await t.test('the customer\'s tracking page shows 已解决', async () => {
    assert.ok(journey.track, 'the customer step gave a tracking URL');
    const b = await browser(PHONE);
    try {
      const { page } = b;
      await page.goto(journey.track);
      assert.equal((await page.textContent('strong.ticket-number')).trim(), journey.number);
      assert.match(await page.textContent('main'), /已解决/);
    } finally {
      await b.close();
    }
  });
});
