// API keys in a real browser, as admin on a desktop: a blank name is
// refused at its field; a new key is shown once (the page answers 201, it
// cannot be a redirect: the key is not stored); revoking it marks it
// revoked. Every form is submitted by clicking its button. Creates and
// revokes its own key (unique name).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, browser, signIn, clickPost, unique, fieldError } from './lib.mjs';

test('admin: API keys created and revoked', { timeout: 120000 }, async () => {
  const b = await browser(DESKTOP);
  try {
    const { page } = b;
    const name = unique('浏览器测试密钥 ');
    const add = 'form[action="/admin/api-keys"] button[type="submit"]';
    await signIn(page, 'admin');
    await page.goto(`${BASE}/admin/api-keys`);

    await page.fill('#name', '   ');
    let r = await clickPost(page, add);
    assert.equal(r.status, 422);
    assert.equal(await fieldError(page, '#name'), '必填项。');
    assert.equal(await page.locator('.adm-newkey').count(), 0, 'no key made');

    await page.fill('#name', name);
    r = await clickPost(page, add);
    assert.equal(r.status, 201);
    assert.match(await page.textContent('.adm-newkey h2'), new RegExp(name));
    const key = await page.inputValue('#new-key');
    assert.match(key, /^sl_[0-9a-f]{64}$/);
    const row = page.locator('tr', { hasText: name });
    const shown = (await row.locator('code').textContent()).replace(/…$/, '');
    assert.ok(shown.length > 3 && key.startsWith(shown), `the list shows the key's prefix ${shown}`);
    assert.equal(await row.locator('.badge.ok').count(), 1, 'active');

    r = await clickPost(page, `tr:has-text("${name}") form[action$="/revoke"] button[type="submit"]`);
    assert.equal(r.status, 303);
    assert.equal(await page.locator('.adm-newkey').count(), 0, 'the key is shown only once');
    assert.equal(await row.locator('.badge.bad').count(), 1, 'revoked');
    assert.equal(await row.locator('form[action$="/revoke"]').count(), 0);
  } finally {
    await b.close();
  }
});
