// Notifications in a real browser: the admin sets a channel (a bad URL is
// refused at its field), sends a test that fails with a clear reason (the
// receiver is unreachable), ticks a rule, resends a waiting message from
// the outbox; the customer stops messages from the tracking page. Every
// form is submitted by clicking its button. Leaves every channel off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, PHONE, browser, signIn, clickPost, fieldError, overflowsX } from './lib.mjs';

const SAVE = '#channel-form button[type="submit"]';
const RULES = '#ntf-rules-form button[type="submit"]';

async function setWebhook(page, enabled, url) {
  await page.goto(`${BASE}/admin/notify/channels/webhook`);
  await page.setChecked('input[name="enabled"]', enabled);
  await page.fill('#url', url);
  return clickPost(page, SAVE);
}

async function setRule(page, name, on) {
  await page.goto(`${BASE}/admin/notify`);
  await page.setChecked(`input[name="${name}"]`, on);
  return clickPost(page, RULES);
}

test('notifications: admin channels, rules, outbox; customer stops messages', { timeout: 180000 }, async () => {
  const admin = await browser(DESKTOP);
  const customer = await browser(PHONE);
  try {
    const { page } = admin;
    await signIn(page, 'admin');

    let r = await setWebhook(page, true, 'ftp://example.com/hook');
    assert.equal(r.status, 422);
    assert.match(await fieldError(page, '#url'), /http:\/\/ 或 https:\/\//);

    r = await setWebhook(page, true, 'http://127.0.0.1:9/hook');
    assert.equal(r.status, 303);
    assert.equal(await page.locator('.note.ok:not(#test-result)').count(), 1, 'saved');
    assert.equal(await page.inputValue('#url'), 'http://127.0.0.1:9/hook');

    r = await clickPost(page, '#test-form button[type="submit"]');
    assert.equal(r.status, 303);
    assert.match(await page.textContent('#test-result'), /测试失败.*无法连接接收方：/);

    r = await setRule(page, 'r_created_webhook', true);
    assert.equal(r.status, 303);
    assert.ok(await page.isChecked('input[name="r_created_webhook"]'));

    // a customer reports a fault: its webhook message waits in the outbox
    const c = customer.page;
    await c.goto(`${BASE}/repair`);
    await c.fill('#name', '通知测试客户');
    await c.fill('#phone', '13600136000');
    await c.fill('#address', '杭州市西湖区文三路 1 号');
    await c.selectOption('#category', await c.$eval('#category option:not([value=""])', (o) => o.value));
    await c.fill('#description', '洗衣机脱水时噪音很大，浏览器通知测试');
    await Promise.all([c.waitForURL(/\/track\/[a-z0-9]+$/), c.click('#repair-form button[type="submit"]')]);
    const number = (await c.textContent('strong.ticket-number')).trim();

    // The sender may hold the message ("sending": no resend button, and a
    // resend clicked as it claims it is refused with 409) while it tries the
    // unreachable receiver: reload as an admin would until it lets go.
    const resend = `#outbox tr:has-text("${number}") form[action$="/resend"] button`;
    r = null;
    for (let i = 0; i < 40; i++) {
      await page.goto(`${BASE}/admin/notify/outbox`);
      assert.equal(await page.locator('#outbox tr', { hasText: number }).count(), 1,
        'the message is in the outbox');
      if (await page.locator(resend).count() === 1 && (r = await clickPost(page, resend)).status !== 409)
        break;
      await page.waitForTimeout(250);
    }
    assert.equal(r?.status, 303, 'resent');
    assert.equal(await page.locator('.note.ok').count(), 1, 'queued again');

    // the customer stops messages for this ticket
    assert.equal(await c.locator('#notify-form').count(), 1);
    r = await clickPost(c, '#notify-form button[type="submit"]');
    assert.equal(r.status, 303);
    assert.match(await c.textContent('#notify'), /已停止通知/);
    assert.equal(await c.locator('#notify-form').count(), 0);
    assert.equal(await overflowsX(c), false, 'the tracking page fits the phone');

    // every channel off again for the other tests
    r = await setRule(page, 'r_created_webhook', false);
    assert.equal(r.status, 303);
    r = await setWebhook(page, false, '');
    assert.equal(r.status, 303);
  } finally {
    await admin.close();
    await customer.close();
  }
});

// A staff member subscribes to the OKR weekly report on their own account
// page (a checkbox in the account form, saved by clicking), and the admin
// finds the staff events in the rules grid. Leaves the subscription off.
test('notifications: the weekly report subscription on /account, staff events in the grid', { timeout: 90000 }, async () => {
  const staff = await browser(PHONE);
  const admin = await browser(DESKTOP, 'en');
  try {
    const { page } = staff;
    await signIn(page, 'supervisor');
    await page.goto(`${BASE}/account`);
    assert.equal(await page.isChecked('#notify_weekly'), false);
    assert.match(await page.textContent('label:has(#notify_weekly)'), /OKR 周报/);
    await page.setChecked('#notify_weekly', true);
    let r = await clickPost(page, 'form[action="/account"] button[type="submit"]');
    assert.equal(r.status, 303);
    assert.equal(new URL(page.url()).pathname, '/account');
    assert.equal(await page.isChecked('#notify_weekly'), true, 'the subscription is kept');
    assert.equal(await overflowsX(page), false, 'the account page fits the phone');
    await page.setChecked('#notify_weekly', false);
    r = await clickPost(page, 'form[action="/account"] button[type="submit"]');
    assert.equal(r.status, 303);
    assert.equal(await page.isChecked('#notify_weekly'), false, 'and can be stopped');

    const a = admin.page;
    await signIn(a, 'admin');
    await a.goto(`${BASE}/admin/notify`);
    for (const ev of ['complaint', 'reorder', 'kr_stale', 'weekly'])
      assert.equal(await a.locator(`input[name="r_${ev}_email"]`).count(), 1, `${ev} in the grid`);
    assert.match(await a.textContent('#ntf-rules-form'), /Reorder alert/);
  } finally {
    await staff.close();
    await admin.close();
  }
});
