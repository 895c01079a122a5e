// External metrics in a real browser, as admin on a desktop: a metric with
// a built-in metric's key is refused at its field; a new one is created,
// edited, gets a point typed in (first a date that does not exist,
// refused with the values kept), a CSV file uploaded, previewed and
// confirmed, and is deactivated; then an API key that may only read
// metrics, chosen by clicking its scopes, reads the list and may not write.
// Every form is submitted by clicking its button. Creates its own metric
// (unique key) and key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, browser, signIn, clickPost, unique, fieldError } from './lib.mjs';

test('admin: an external metric defined, fed by hand and by CSV', { timeout: 150000 }, async () => {
  const b = await browser(DESKTOP);
  const key = unique('bt_renewals_');
  try {
    const { page } = b;
    await signIn(page, 'admin');
    await page.goto(`${BASE}/admin/metrics`);

    const add = 'form[action="/admin/metrics"] button[type="submit"]';
    await page.fill('#key', 'time_to_dispatch');
    await page.fill('#name_zh', '会员续费');
    await page.fill('#name_en', 'Membership renewals');
    await page.selectOption('#unit', 'count');
    await page.selectOption('#agg', 'sum');
    await page.selectOption('#better', '1');
    await page.check('input[name="dim_channel"]');
    let r = await clickPost(page, add);
    assert.equal(r.status, 422);
    assert.equal(await fieldError(page, '#key'), '此键已被内置指标使用。');
    assert.equal(await page.inputValue('#name_zh'), '会员续费');
    assert.equal(await page.isChecked('input[name="dim_channel"]'), true);

    await page.fill('#key', key);
    r = await clickPost(page, add);
    assert.equal(r.status, 303);
    assert.match(page.url(), /\/admin\/metrics\/\d+\?saved=1/);
    const href = new URL(page.url()).pathname;

    // The definition, edited.
    await page.fill('#name_en', 'Membership renewals (edited)');
    r = await clickPost(page, `form[action="${href}"] button[type="submit"]`);
    assert.equal(r.status, 303);
    assert.equal(await page.inputValue('#name_en'), 'Membership renewals (edited)');

    // A point typed in: a date that does not exist first.
    const point = `form[action="${href}/points"] button[type="submit"]`;
    await page.fill('#at', '2026-11-31');
    await page.fill('#value', '12');
    await page.selectOption('#channel', 'phone');
    r = await clickPost(page, point);
    assert.equal(r.status, 422);
    assert.match(await fieldError(page, '#at'), /YYYY-MM-DD/);
    assert.equal(await page.inputValue('#value'), '12');
    assert.equal(await page.inputValue('#channel'), 'phone');
    await page.fill('#at', '2026-11-30');
    r = await clickPost(page, point);
    assert.equal(r.status, 303);
    const latest = page.locator('#points tbody tr');
    assert.equal(await latest.count(), 1);
    assert.match(await latest.first().textContent(), /2026-11-30[\s\S]*12[\s\S]*phone/);

    // A CSV file: previewed, nothing stored, then confirmed.
    await page.setInputFiles('#file', { name: 'renewals.csv', mimeType: 'text/csv',
      buffer: Buffer.from('at,value,channel\n2026-11-28,3,web\n2026-11-29,5,wechat\n') });
    r = await clickPost(page, `form[action="${href}/imports"] button[type="submit"]`);
    assert.equal(r.status, 303);
    assert.match(page.url(), /\/imports\/\d+$/);
    assert.equal(await page.textContent('#import-rows'), '2');
    assert.equal(await page.textContent('#import-errors'), '0');
    assert.equal(await page.locator('#preview-rows tbody tr').count(), 2);
    r = await clickPost(page, 'form[action$="/confirm"] button[type="submit"]');
    assert.equal(r.status, 303);
    assert.equal(await latest.count(), 3);
    assert.match(await page.textContent('.note.ok'), /2/);

    // Deactivated from the list.
    await page.goto(`${BASE}/admin/metrics`);
    const row = page.locator('tr', { hasText: key });
    assert.equal(await row.locator('.badge.ok').count(), 1, 'active');
    r = await clickPost(page, `tr:has-text("${key}") form[action$="/deactivate"] button[type="submit"]`);
    assert.equal(r.status, 303);
    assert.equal(await row.locator('.badge.ok').count(), 0, 'inactive');
    assert.equal(await row.locator('form[action$="/deactivate"]').count(), 0);

    // A key for a BI tool: read metrics only, chosen by clicking.
    await page.goto(`${BASE}/admin/api-keys`);
    await page.fill('#name', unique('BI 浏览器测试 '));
    await page.uncheck('input[name="scope_tickets"]');
    await page.check('input[name="scope_metrics_read"]');
    r = await clickPost(page, 'form[action="/admin/api-keys"] button[type="submit"]');
    assert.equal(r.status, 201);
    const apiKey = await page.inputValue('#new-key');
    const auth = { Authorization: `Bearer ${apiKey}` };
    let res = await page.request.get(`${BASE}/api/v1/metrics`, { headers: auth });
    assert.equal(res.status(), 200);
    assert.ok((await res.json()).metrics.some((m) => m.key === 'time_to_dispatch'));
    res = await page.request.post(`${BASE}/api/v1/metrics/${key}/points`,
      { headers: { ...auth, 'Content-Type': 'application/json' }, data: '[]' });
    assert.equal(res.status(), 403, 'a read-only key writes no points');
  } finally {
    await b.close();
  }
});
