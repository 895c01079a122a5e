// Administration of what tickets are sorted and timed by, in a real browser,
// as admin on a desktop: categories (create — first with a code that is
// taken —, edit), the SLA of that category (first with half a pair,
// refused), and keyword rules (create — first a blank phrase —, edit,
// deactivate). Every form is submitted by clicking its button. Creates its
// own category (inactive, last in sort order, so the public repair form
// and the demo categories other tests use are unchanged) and a rule whose
// phrase no customer writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, browser, signIn, clickPost, unique, fieldError } from './lib.mjs';

test('admin: categories, their SLA, keyword rules', { timeout: 150000 }, async (t) => {
  const b = await browser(DESKTOP);
  const code = unique('bt_');
  const name = unique('浏览器测试类别');
  const cat = {};
  try {
    const { page } = b;
    await signIn(page, 'admin');

    await t.test('categories: a taken code is refused at its field; create; edit', async () => {
      await page.goto(`${BASE}/admin/categories`);
      await page.fill('#code', 'ac');
      await page.fill('#name_zh', name);
      await page.fill('#name_en', 'Browser test category');
      await page.fill('#sort', '999000');
      await page.uncheck('input[name="active"]');
      let r = await clickPost(page, 'form[action="/admin/categories"] button[type="submit"]');
      assert.equal(r.status, 422);
      assert.equal(await fieldError(page, '#code'), '此代码已被其他类别使用。');
      assert.equal(await page.inputValue('#name_zh'), name);
      assert.equal(await page.isChecked('input[name="active"]'), false);

      await page.fill('#code', code);
      r = await clickPost(page, 'form[action="/admin/categories"] button[type="submit"]');
      assert.equal(r.status, 303);
      const row = page.locator('tr', { hasText: code });
      assert.match(await row.textContent(), new RegExp(name));
      assert.equal(await row.locator('.badge.ok').count(), 0, 'created inactive');
      const href = await row.locator('a[href^="/admin/categories/"]').getAttribute('href');
      cat.id = href.split('/').pop();

      await page.click(`a[href="${href}"]`);
      await page.waitForURL(`${BASE}${href}`);
      assert.equal(await page.inputValue('#code'), code);
      await page.fill('#name_en', 'Browser test category (edited)');
      r = await clickPost(page, `form[action="${href}"] button[type="submit"]`);
      assert.equal(r.status, 303);
      assert.match(await page.textContent(`tr:has(a[href="${href}"])`), /Browser test category \(edited\)/);
    });

    await t.test('SLA of the category: half a pair is refused; a full pair is saved', async () => {
      assert.ok(cat.id, 'the category was created');
      await page.goto(`${BASE}/admin/sla`);
      await Promise.all([page.waitForURL(`${BASE}/admin/sla/${cat.id}`), page.click(`a[href="/admin/sla/${cat.id}"]`)]);
      const form = `form[action="/admin/sla/${cat.id}"] button[type="submit"]`;
      await page.fill('#fr_urgent_m', '15');   // hours and minutes, as the grid shows
      let r = await clickPost(page, form);
      assert.equal(r.status, 422);
      assert.equal(await fieldError(page, '#res_urgent_h'), '请同时填写两项，或都留空。');
      assert.equal(await page.inputValue('#fr_urgent_m'), '15');

      await page.fill('#res_urgent_h', '4');
      r = await clickPost(page, form);
      assert.equal(r.status, 303);
      assert.equal(new URL(page.url()).pathname, '/admin/sla');
      const row = page.locator('tr', { has: page.locator(`a[href="/admin/sla/${cat.id}"]`) });
      assert.equal((await row.locator('.adm-own').first().textContent()).trim(), '15 分钟 / 4 小时');
    });

    await t.test('keyword rules: a blank phrase is refused; create; edit; deactivate', async () => {
      const phrase = unique('浏览器测试词');
      await page.goto(`${BASE}/admin/rules`);
      await page.fill('#phrase', '  ');
      await page.selectOption('#raise_priority', 'high');
      let r = await clickPost(page, 'form[action="/admin/rules"] button[type="submit"]');
      assert.equal(r.status, 422);
      assert.equal(await fieldError(page, '#phrase'), '必填项。');
      assert.equal(await page.inputValue('#raise_priority'), 'high');

      await page.fill('#phrase', phrase);
      r = await clickPost(page, 'form[action="/admin/rules"] button[type="submit"]');
      assert.equal(r.status, 303);
      let row = page.locator('tr', { hasText: phrase });
      assert.equal((await row.locator('.badge.pr-high').count()), 1);
      const href = await row.locator('a[href^="/admin/rules/"]').getAttribute('href');

      await Promise.all([page.waitForURL(`${BASE}${href}`), row.locator(`a[href="${href}"]`).click()]);
      assert.equal(await page.inputValue('#phrase'), phrase);
      await page.selectOption('#raise_priority', 'urgent');
      r = await clickPost(page, `form[action="${href}"] button[type="submit"]`);
      assert.equal(r.status, 303);
      row = page.locator('tr', { has: page.locator(`a[href="${href}"]`) });
      assert.equal(await row.locator('.badge.pr-urgent').count(), 1);
      assert.equal(await row.locator('.badge.ok').count(), 1, 'active');

      r = await clickPost(page, `form[action="${href}/deactivate"] button[type="submit"]`);
      assert.equal(r.status, 303);
      assert.equal(await row.locator('.badge.ok').count(), 0, 'no longer active');
      assert.equal(await page.locator(`form[action="${href}/deactivate"]`).count(), 0);
    });
  } finally {
    await b.close();
  }
});
