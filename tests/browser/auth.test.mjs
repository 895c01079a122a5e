// Sign-in, account and sign-out forms in a real browser, submitted by
// clicking: POST /login (with ?next=), POST /account (language, then
// password), POST /logout (the header's button), and the old password
// refused afterwards. The account is one this run creates (the admin's
// user form), so no demo login of the shared database changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, PHONE, browser, signIn, submit, submitFor, stamp } from './lib.mjs';

async function saved(page) {
  return page.locator('.note.ok').textContent();
}

test('staff account: sign in, language, password, sign out', { timeout: 90000 }, async (t) => {
  const mark = stamp();
  const login = `bt-agent-${mark}`;
  const first = `pw-${mark}-Aa1`;
  const second = `pw2-${mark}-Bb2`;

  await t.test('setup: the admin creates an agent account', async () => {
    const b = await browser(DESKTOP);
    try {
      const { page } = b;
      await signIn(page, 'admin');
      await page.goto(`${BASE}/admin/users`);
      await page.fill('#login', login);
      await page.fill('#name', `浏览器客服${mark}`);
      await page.selectOption('#role', 'agent');
      await page.fill('#password', first);
      await Promise.all([page.waitForURL(/\/admin\/users\/\d+\?created=1$/),
        page.click('form[action="/admin/users"] button[type="submit"]')]);
    } finally {
      await b.close();
    }
  });

  const b = await browser(PHONE);
  const { page } = b;
  try {
    await t.test('a protected page sends to the sign-in form, which returns there (/login)', async () => {
      await page.goto(`${BASE}/account`);
      assert.equal(new URL(page.url()).pathname, '/login');
      await page.fill('#login', login);
      await page.fill('#password', first);
      await Promise.all([page.waitForURL(`${BASE}/account`),
        page.click('form[action="/login"] button[type="submit"]')]);
      assert.match(await page.textContent('h1'), /我的账户/);
      assert.match(await page.textContent('dl.facts'), new RegExp(login));
    });

    await t.test('the language setting switches the interface to English and back (/account)', async () => {
      await page.selectOption('#lang', 'en');
      await submit(page, 'form[action="/account"] button[type="submit"]');
      assert.equal(new URL(page.url()).pathname, '/account');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.match(await page.textContent('h1'), /My account/);
      assert.ok((await saved(page)).trim().length > 0, 'a saved note');
      await page.goto(`${BASE}/desk/`);
      assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the setting holds on other pages');
      await page.goto(`${BASE}/account`);
      await page.selectOption('#lang', '');
      await submit(page, 'form[action="/account"] button[type="submit"]');
      assert.match(await page.getAttribute('html', 'lang'), /^zh/, 'back to the browser\'s language');
      assert.equal(await page.$eval('#lang', (s) => s.value), '');
    });

    await t.test('a wrong current password changes nothing; the right one sets the new password', async () => {
      await page.fill('#current_password', `wrong-${mark}`);
      await page.fill('#new_password', second);
      const bad = await submitFor(page, 'form[action="/account"] button[type="submit"]');
      assert.equal(bad.status(), 422);
      assert.match(await page.textContent('main'), /当前密码不正确/);
      await page.fill('#current_password', first);
      await page.fill('#new_password', second);
      await submit(page, 'form[action="/account"] button[type="submit"]');
      assert.equal(new URL(page.url()).pathname, '/account');
      assert.ok((await saved(page)).trim().length > 0, 'a saved note');
    });

    await t.test('the header\'s sign-out button signs out (/logout)', async () => {
      await Promise.all([page.waitForURL(/\/login\?bye=1$/),
        page.click('header form[action="/logout"] button[type="submit"]')]);
      assert.match(await page.textContent('.note.ok'), /您已退出/);
      const r = await page.goto(`${BASE}/account`);
      assert.equal(new URL(page.url()).pathname, '/login', 'the session is gone');
      assert.ok(r.ok());
    });

    await t.test('the old password is refused, the new one signs in', async () => {
      await page.fill('#login', login);
      await page.fill('#password', first);
      const refused = await submitFor(page, 'form[action="/login"] button[type="submit"]');
      assert.equal(refused.status(), 422);
      assert.match(await page.textContent('.note.bad'), /账号或密码错误/);
      await signIn(page, login, second);
      await page.goto(`${BASE}/account`);
      assert.match(await page.textContent('dl.facts'), new RegExp(login));
    });
  } finally {
    await b.close();
  }
});
