// Maintenance plans in a real browser, as a supervisor on a desktop: create
// a plan (first with a blank plan title, refused at its field), then edit
// it (first with a date out of range, refused, nothing changed) and pause
// it. Every form is submitted by clicking its button. The plan is due in
// the future and ends paused, so it never opens a ticket in the shared
// demo queue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, browser, signIn, clickPost, unique, fieldError } from './lib.mjs';

/** The date `days` from today, YYYY-MM-DD (UTC). */
const inDays = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

test('maintenance plans: create, refuse bad fields, edit and pause', { timeout: 120000 }, async () => {
  const b = await browser(DESKTOP);
  try {
    const { page } = b;
    const title = unique('浏览器测试保养 ');
    const customer = unique('计划客户');
    await signIn(page, 'supervisor');

    await page.goto(`${BASE}/desk/plans`);
    await Promise.all([page.waitForURL(`${BASE}/desk/plans/new`), page.click('a[href="/desk/plans/new"]')]);
    await page.fill('#customer_name', customer);
    await page.fill('#phone', '139 1234 5678');
    await page.fill('#address', '上海市浦东新区世纪大道 100 号');
    await page.selectOption('#category', { label: '热水器' });
    await page.fill('#product', 'JSQ25');
    await page.fill('#serial', 'SN-BT-001');
    await page.fill('#title', '   ');
    await page.fill('#interval_days', '90');
    await page.fill('#next_due', inDays(30));
    let r = await clickPost(page, 'form[action="/desk/plans/new"] button[type="submit"]');
    assert.equal(r.status, 422);
    assert.equal(await fieldError(page, '#title'), '必填项。');
    assert.equal(await page.inputValue('#customer_name'), customer, 'the other values are kept');
    assert.equal(await page.inputValue('#next_due'), inDays(30));

    await page.fill('#title', title);
    r = await clickPost(page, 'form[action="/desk/plans/new"] button[type="submit"]');
    assert.equal(r.status, 303);
    const m = /^\/desk\/plans\/(\d+)$/.exec(new URL(page.url()).pathname);
    assert.ok(m, `the new plan's page, got ${page.url()}`);
    const id = Number(m[1]);
    assert.match(await page.textContent('main h1'), new RegExp(title));
    assert.match(await page.textContent('.facts'), new RegExp(customer));
    assert.equal((await page.textContent('.plan-interval')).trim(), '90 天');
    assert.equal((await page.textContent('.plan-next-due')).trim(), inDays(30));
    await page.goto(`${BASE}/desk/plans`);
    assert.match(await page.textContent(`#plan-${id}`), new RegExp(title), 'listed among the active plans');
    await page.goto(`${BASE}/desk/plans/${id}`);

    // Edit with a year out of range: refused at the date, nothing changed.
    const edit = `form[action="/desk/plans/${id}/edit"] button[type="submit"]`;
    await page.fill('#interval_days', '180');
    await page.fill('#next_due', '2150-01-01');
    r = await clickPost(page, edit);
    assert.equal(r.status, 422);
    assert.match(await fieldError(page, '#next_due'), /2099-12-31/);
    assert.equal((await page.textContent('.plan-interval')).trim(), '90 天', 'nothing changed');

    await page.fill('#interval_days', '180');
    await page.fill('#next_due', inDays(60));
    await page.uncheck('#edit input[name="active"]');
    r = await clickPost(page, edit);
    assert.equal(r.status, 303);
    assert.equal(new URL(page.url()).pathname, `/desk/plans/${id}`);
    assert.equal((await page.textContent('.plan-interval')).trim(), '180 天');
    assert.equal((await page.textContent('.plan-next-due')).trim(), inDays(60));
    assert.equal(await page.locator('main h1 .badge').count(), 1, 'marked paused');
    assert.equal(await page.isChecked('#edit input[name="active"]'), false);
  } finally {
    await b.close();
  }
});
