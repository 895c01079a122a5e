// Administration of people in a real browser, as admin on a desktop: users
// (create — first with a login that is taken —, edit, reset the password,
// then sign in with it) and teams (create — first with a name that is
// taken —, edit). Every form is submitted by clicking its button. Creates
// its own viewer and team (unique names); the demo users are not touched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, browser, signIn, clickPost, unique, fieldError } from './lib.mjs';

test('admin: users and teams', { timeout: 150000 }, async (t) => {
  const b = await browser(DESKTOP);
  const login = unique('bt.');
  const team = unique('浏览器测试团队');
  try {
    const { page } = b;
    await signIn(page, 'admin');

    await t.test('teams: a taken name is refused at its field; create; edit', async () => {
      await page.goto(`${BASE}/admin/teams`);
      await page.fill('#name', '华东服务中心');
      await page.fill('#region', '上海');
      let r = await clickPost(page, 'form[action="/admin/teams"] button[type="submit"]');
      assert.equal(r.status, 422);
      assert.equal(await fieldError(page, '#name'), '已有同名团队。');
      assert.equal(await page.inputValue('#region'), '上海');

      await page.fill('#name', team);
      await page.fill('#region', '苏州');
      r = await clickPost(page, 'form[action="/admin/teams"] button[type="submit"]');
      assert.equal(r.status, 303);
      assert.match(await page.textContent('.note.ok'), /\S/);
      const row = page.locator('tr', { hasText: team });
      assert.match(await row.textContent(), /苏州/);

      await Promise.all([page.waitForURL(/\/admin\/teams\/\d+$/), row.locator('a[href^="/admin/teams/"]').click()]);
      const id = new URL(page.url()).pathname.split('/').pop();
      assert.equal(await page.inputValue('#name'), team);
      await page.fill('#region', '苏州、无锡');
      r = await clickPost(page, `form[action="/admin/teams/${id}"] button[type="submit"]`);
      assert.equal(r.status, 303);
      assert.match(await page.textContent('tr:has(a[href="/admin/teams/' + id + '"])'), /苏州、无锡/);
    });

    await t.test('users: a taken login is refused at its field; create; edit; reset the password', async () => {
      await page.goto(`${BASE}/admin/users`);
      await page.fill('#login', 'agent');
      await page.fill('#name', '浏览器测试只读');
      await page.selectOption('#role', 'viewer');
      await page.fill('#password', 'first-pass-123');
      let r = await clickPost(page, 'form[action="/admin/users"] button[type="submit"]');
      assert.equal(r.status, 422);
      assert.equal(await fieldError(page, '#login'), '此账号已被使用。');
      assert.equal(await page.inputValue('#name'), '浏览器测试只读');
      assert.equal(await page.inputValue('#role'), 'viewer');

      await page.fill('#login', login);
      await page.fill('#password', 'first-pass-123');
      r = await clickPost(page, 'form[action="/admin/users"] button[type="submit"]');
      assert.equal(r.status, 303);
      const m = /^\/admin\/users\/(\d+)$/.exec(new URL(page.url()).pathname);
      assert.ok(m, `the new user's page, got ${page.url()}`);
      const id = m[1];
      assert.equal((await page.textContent('h1 .code')).trim(), login);
      assert.match(await page.textContent('.note.ok'), /\S/);

      await page.fill('#name', '浏览器测试只读(改)');
      await page.selectOption('#team', { label: team });
      await page.fill('#region', '苏州');
      r = await clickPost(page, `form[action="/admin/users/${id}"] button[type="submit"]`);
      assert.equal(r.status, 303);
      assert.equal(await page.inputValue('#name'), '浏览器测试只读(改)');
      assert.equal(await page.inputValue('#region'), '苏州');
      assert.equal(await page.$eval('#team', (s) => s.selectedOptions[0].textContent), team);
      await page.goto(`${BASE}/admin/users`);
      const row = page.locator('tr', { has: page.locator(`a[href="/admin/users/${id}"]`) });
      assert.match(await row.textContent(), new RegExp(team));

      await page.goto(`${BASE}/admin/users/${id}`);
      await page.fill('#password-reset #password', 'second-pass-456');
      r = await clickPost(page, `form[action="/admin/users/${id}/password"] button[type="submit"]`);
      assert.equal(r.status, 303);
      assert.match(await page.textContent('#password-reset .note.ok'), /\S/);
    });

    await t.test('the new user signs in with the reset password', async () => {
      const u = await browser(DESKTOP);
      try {
        await signIn(u.page, login, 'second-pass-456');
        assert.ok(!new URL(u.page.url()).pathname.startsWith('/login'));
      } finally {
        await u.close();
      }
    });
  } finally {
    await b.close();
  }
});
