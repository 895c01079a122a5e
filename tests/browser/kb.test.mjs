// The knowledge base in a real browser: a supervisor writes an article on
// a desktop (first with a blank title, refused at its field), edits it and
// votes it helpful; a technician votes on it from a phone. Every form is
// submitted by clicking its button. Creates its own article (unique title).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, PHONE, browser, signIn, clickPost, unique, fieldError } from './lib.mjs';

test('knowledge base: write, refuse a blank title, edit, vote', { timeout: 120000 }, async (t) => {
  const kb = { title: unique('浏览器测试文章 ') };

  await t.test('a blank title comes back at its field, the rest kept', async () => {
    const b = await browser(DESKTOP);
    try {
      const { page } = b;
      await signIn(page, 'supervisor');
      await page.goto(`${BASE}/desk/kb/new`);
      await page.fill('#title', '   ');
      await page.selectOption('#kind', 'sop');
      await page.fill('#tags', '浏览器, 测试');
      await page.fill('#body', '第一步:断电。\n第二步:检查电容。');
      const r = await clickPost(page, 'form[action="/desk/kb/new"] button[type="submit"]');
      assert.equal(r.status, 422);
      assert.equal(await fieldError(page, '#title'), '必填项。');
      assert.match(await page.textContent('[role="alert"]'), /\S/);
      assert.equal(await page.inputValue('#kind'), 'sop');
      assert.equal(await page.inputValue('#body'), '第一步:断电。\n第二步:检查电容。');

      await page.fill('#title', kb.title);
      await page.check('input[name="published"]');
      const ok = await clickPost(page, 'form[action="/desk/kb/new"] button[type="submit"]');
      assert.equal(ok.status, 303);
      const m = /\/desk\/kb\/(\d+)$/.exec(new URL(page.url()).pathname);
      assert.ok(m, `the new article's page, got ${page.url()}`);
      kb.id = Number(m[1]);
      assert.equal((await page.textContent('.kb-title span:last-child')).trim(), kb.title);
      assert.match(await page.textContent('.kb-body'), /检查电容/);
      assert.match(await page.textContent('.kb-tags'), /#浏览器/);
      assert.equal(await page.locator('.kb-title .badge.warn').count(), 0, 'published, not a draft');
    } finally {
      await b.close();
    }
  });

  await t.test('the supervisor edits it and votes it helpful', async () => {
    assert.ok(kb.id, 'the article was created');
    const b = await browser(DESKTOP);
    try {
      const { page } = b;
      await signIn(page, 'supervisor');
      await page.goto(`${BASE}/desk/kb/${kb.id}`);
      await Promise.all([page.waitForURL(`${BASE}/desk/kb/${kb.id}/edit`),
        page.click(`.kb-actions a[href="/desk/kb/${kb.id}/edit"]`)]);
      assert.equal(await page.inputValue('#title'), kb.title);
      // The stored body comes back with its line breaks (saving must not flatten it).
      assert.equal(await page.inputValue('#body'), '第一步:断电。\n第二步:检查电容。');
      kb.title += '(已修订)';
      await page.fill('#title', kb.title);
      await page.fill('#body', '第一步:断电。\n第二步:检查电容。\n第三步:更换后试机。');
      const r = await clickPost(page, `form[action="/desk/kb/${kb.id}/edit"] button[type="submit"]`);
      assert.equal(r.status, 303);
      assert.equal(new URL(page.url()).pathname, `/desk/kb/${kb.id}`);
      assert.equal((await page.textContent('.kb-title span:last-child')).trim(), kb.title);
      assert.match(await page.textContent('.kb-body'), /更换后试机/);

      const v = await clickPost(page, '.kb-vote-form button.kb-yes');
      assert.equal(v.status, 303);
      assert.equal(await page.getAttribute('.kb-vote-form button.kb-yes', 'aria-pressed'), 'true');
      assert.equal((await page.textContent('.kb-count[data-count="yes"]')).trim(), '1');
      assert.equal((await page.textContent('.kb-count[data-count="no"]')).trim(), '0');
    } finally {
      await b.close();
    }
  });

  await t.test('a technician votes it not helpful from a phone', async () => {
    assert.ok(kb.id, 'the article was created');
    const b = await browser(PHONE);
    try {
      const { page } = b;
      await signIn(page, 'tech');
      await page.goto(`${BASE}/desk/kb/${kb.id}`);
      assert.equal((await page.textContent('.kb-title span:last-child')).trim(), kb.title);
      const v = await clickPost(page, '.kb-vote-form button.kb-no');
      assert.equal(v.status, 303);
      assert.equal(await page.getAttribute('.kb-vote-form button.kb-no', 'aria-pressed'), 'true');
      assert.equal((await page.textContent('.kb-count[data-count="yes"]')).trim(), '1');
      assert.equal((await page.textContent('.kb-count[data-count="no"]')).trim(), '1');
    } finally {
      await b.close();
    }
  });
});
