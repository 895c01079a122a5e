// Maintenance plans in a real browser, as a supervisor on a desktop: create
// a plan (first with a blank plan title, refused at its field), then edit
// it (first with a date out of range, refused, nothing changed) and pause
// it. Every form is submitted by clicking its button. The plan is due in
// the future and ends paused, so it never opens a ticket in the shared
// demo queue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, PHONE, browser, signIn, clickPost, unique, fieldError, stamp } from './lib.mjs';

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
    await page.fill('#interval_n', '90');
    await page.selectOption('#interval_unit', 'day');
    await page.fill('#next_due', inDays(30));
    let r = await clickPost(page, '#plan-create');
    assert.equal(r.status, 422);
    assert.equal(await fieldError(page, '#title'), '必填项。');
    assert.equal(await page.inputValue('#customer_name'), customer, 'the other values are kept');
    assert.equal(await page.inputValue('#next_due'), inDays(30));

    await page.fill('#title', title);
    r = await clickPost(page, '#plan-create');
    assert.equal(r.status, 303);
    const m = /^\/desk\/plans\/(\d+)$/.exec(new URL(page.url()).pathname);
    assert.ok(m, `the new plan's page, got ${page.url()}`);
    const id = Number(m[1]);
    assert.match(await page.textContent('main h1'), new RegExp(title));
    assert.match(await page.textContent('.facts'), new RegExp(customer));
    assert.equal((await page.textContent('.plan-interval')).trim(), '每 90 天');
    assert.equal((await page.textContent('.plan-next-due')).trim(), inDays(30));
    await page.goto(`${BASE}/desk/plans`);
    assert.match(await page.textContent(`#plan-${id}`), new RegExp(title), 'listed among the active plans');
    await page.goto(`${BASE}/desk/plans/${id}`);

    // Edit with a year out of range: refused at the date, nothing changed.
    const edit = `form[action="/desk/plans/${id}/edit"] button[type="submit"]`;
    await page.fill('#interval_n', '6');
    await page.selectOption('#interval_unit', 'month');
    await page.fill('#next_due', '2150-01-01');
    r = await clickPost(page, edit);
    assert.equal(r.status, 422);
    assert.match(await fieldError(page, '#next_due'), /2099-12-31/);
    assert.equal((await page.textContent('.plan-interval')).trim(), '每 90 天', 'nothing changed');
    assert.equal(await page.inputValue('#interval_n'), '6', 'the refused values are kept');

    await page.fill('#interval_n', '6');
    await page.selectOption('#interval_unit', 'month');
    await page.fill('#next_due', inDays(60));
    await page.uncheck('#edit input[name="active"]');
    r = await clickPost(page, edit);
    assert.equal(r.status, 303);
    assert.equal(new URL(page.url()).pathname, `/desk/plans/${id}`);
    assert.equal((await page.textContent('.plan-interval')).trim(), '每 6 个月');
    assert.equal((await page.textContent('.plan-next-due')).trim(), inDays(60));
    assert.equal(await page.locator('main h1 .badge').count(), 1, 'marked paused');
    assert.equal(await page.isChecked('#edit input[name="active"]'), false);
  } finally {
    await b.close();
  }
});

test('a plan from the customer\'s earlier ticket, every 6 months, to a technician, opened now', { timeout: 150000 }, async () => {
  const mark = stamp();
  const phone = `1390${String(Date.now()).slice(-7)}`;
  const customer = `回访客户${mark}`;
  // The customer reported a fault before (the public form, on a phone).
  const c = await browser(PHONE);
  try {
    const { page } = c;
    await page.goto(`${BASE}/repair`);
    await page.fill('#name', customer);
    await page.fill('#phone', phone);
    await page.fill('#address', '广州市天河区体育西路 1 号');
    await page.selectOption('#category', { label: '空调' });
    await page.fill('#product', `KFR-35GW-${mark}`);
    await page.fill('#description', `空调不制冷(${mark})`);
    await Promise.all([page.waitForURL(/\/track\//), page.click('#repair-form button[type="submit"]')]);
  } finally {
    await c.close();
  }

  const b = await browser(DESKTOP);
  try {
    const { page } = b;
    await signIn(page, 'supervisor');
    await page.goto(`${BASE}/desk/`);
    await Promise.all([page.waitForURL(`${BASE}/desk/plans`), page.click('header a[href="/desk/plans"]')]);
    await Promise.all([page.waitForURL(`${BASE}/desk/plans/new`), page.click('a[href="/desk/plans/new"]')]);

    // Type the phone and leave the field: the look-up runs by itself (the
    // "查找" button, pressed by the page's script), the rest comes from the
    // earlier ticket.
    await page.fill('#phone', phone);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.press('#phone', 'Tab')]);
    assert.equal(await page.locator('#lookup-one, #lookup-found').count(), 1, 'the look-up found the ticket');
    assert.equal(await page.inputValue('#customer_name'), customer);
    assert.equal(await page.inputValue('#address'), '广州市天河区体育西路 1 号');
    assert.equal(await page.inputValue('#product'), `KFR-35GW-${mark}`);
    assert.equal(await page.$eval('#category', (s) => s.selectedOptions[0].textContent.trim()), '空调');
    if (process.env.SL_SHOTS) await page.screenshot({ path: `${process.env.SL_SHOTS}/plan-new-1280.png`, fullPage: true });

    await page.fill('#title', `空调半年保养 ${mark}`);
    await page.fill('#interval_n', '6');
    await page.selectOption('#interval_unit', 'month');
    await page.fill('#next_due', inDays(0));
    const tech = await page.$$eval('#assignee option', (os) => os.find((o) => o.textContent.startsWith('张师傅')).value);
    await page.selectOption('#assignee', tech);
    let r = await clickPost(page, '#plan-create');
    assert.equal(r.status, 303);
    const id = Number(new URL(page.url()).pathname.replace(/.*\//, ''));
    assert.equal((await page.textContent('.plan-interval')).trim(), '每 6 个月');
    assert.match(await page.textContent('.plan-default'), /张师傅/);

    // Due: open its ticket now; the confirmation names it; a second click opens none.
    r = await clickPost(page, '#plan-generate');
    assert.equal(r.status, 303);
    assert.equal(new URL(page.url()).pathname, `/desk/plans/${id}`);
    const number = (await page.textContent('#plan-generated a')).trim();
    assert.match(number, /^R-\d{8}-\d{4,}$/);
    assert.equal(await page.locator('#plan-generate').count(), 0, 'no longer due');
    assert.equal(await page.locator('.plan-run-list tbody tr').count(), 1);
    if (process.env.SL_SHOTS) await page.screenshot({ path: `${process.env.SL_SHOTS}/plan-page-1280.png`, fullPage: true });
    await Promise.all([page.waitForURL(/\/desk\/tickets\/\d+$/), page.click('#plan-generated a')]);
    assert.match(await page.textContent('.tk-assignee'), /张师傅/, 'the plan\'s technician has it');
  } finally {
    await b.close();
  }
});
