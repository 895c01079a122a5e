// Auto-dispatch and the part picker in a real browser, each form submitted
// by clicking its button:
//  - the admin adds a technician of this run serving 上海浦东 with a skill
//    for 热水器 (1280 px);
//  - a supervisor adds a part of this run for 热水器 and 空调 (the part's
//    categories, /desk/parts/<id>/categories) with stock at 上海仓 only;
//  - a customer reports a fault at 上海市浦东新区世纪大道100号 on a phone;
//  - the agent auto-dispatches it: the run's technician wins by region and
//    the ticket shows why, with the other candidates (1280 px);
//  - the technician on a phone (390 px) finds the part first, at 上海仓
//    (nearby), 广州仓 shown "0 — 缺货" and not choosable, uses one and is
//    back at the ticket's parts card with a confirmation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, DESKTOP, browser, signIn, submit, clickPost, stamp, overflowsX, findTicketId } from './lib.mjs';

const CATEGORY = '热水器';
const ADDRESS = '上海市浦东新区世纪大道100号';

test('auto-dispatch explains itself; the technician picks a part nearby on a phone', { timeout: 180000 }, async (t) => {
  const mark = stamp();
  const techLogin = `bt-disp-${mark}`;
  const techName = `派工技师${mark}`;
  const techPassword = `pw-${mark}-Qa7`;
  const sku = `BT-WH-${mark}`.toUpperCase();
  const s = {};

  await t.test('setup: the admin adds a technician for 上海浦东 with a skill', async () => {
    const b = await browser(DESKTOP);
    try {
      const { page } = b;
      await signIn(page, 'admin');
      await page.goto(`${BASE}/admin/users`);
      await page.fill('#login', techLogin);
      await page.fill('#name', techName);
      await page.selectOption('#role', 'technician');
      await page.fill('#password', techPassword);
      await Promise.all([page.waitForURL(/\/admin\/users\/\d+\?created=1$/),
        page.click('form[action="/admin/users"] button[type="submit"]')]);
      await page.fill('#region', '上海浦东');
      await page.locator('label.adm-check', { hasText: CATEGORY }).locator('input[name="skill"]').check();
      await submit(page, 'form.adm-form:has(input[name="skill"]) button[type="submit"]');
      assert.equal(await page.inputValue('#region'), '上海浦东');
    } finally {
      await b.close();
    }
  });

  await t.test('a supervisor ties a new part to two categories and stocks 上海仓', async () => {
    const b = await browser(DESKTOP);
    try {
      const { page } = b;
      await signIn(page, 'supervisor');
      await page.goto(`${BASE}/desk/parts/new`);
      await page.fill('#sku', sku);
      await page.fill('#name_zh', `温控器 ${mark}`);
      await page.fill('#unit', '个');
      await page.fill('#unit_cost', '42.00');
      await page.fill('#reorder_level', '1');
      await page.fill('#reorder_qty', '5');
      await page.fill('#lead_time_days', '3');
      await Promise.all([page.waitForURL(/\/desk\/parts\/\d+$/), page.click('#part-submit')]);
      s.part = Number(new URL(page.url()).pathname.replace(/.*\//, ''));
      await page.locator('#cats-form label', { hasText: CATEGORY }).locator('input').check();
      await page.locator('#cats-form label', { hasText: '空调' }).locator('input').check();
      const r = await clickPost(page, '#cats-submit');
      assert.equal(r.status, 303);
      assert.equal(new URL(page.url()).hash, '#categories');
      assert.equal(await page.locator('#cats-saved').count(), 1, 'the save is confirmed');
      assert.match(await page.textContent('#cats-tied'), new RegExp(`${CATEGORY}.*空调|空调.*${CATEGORY}`));
      await page.selectOption('#st-action', 'receive');
      const loc = await page.$$eval('#st-location option', (os) => os.find((o) => o.textContent.includes('上海仓')).value);
      await page.selectOption('#st-location', loc);
      await page.fill('#st-qty', '4');
      await submit(page, '#stock-submit');
    } finally {
      await b.close();
    }
  });

  await t.test('a customer reports a fault in 浦东 on a phone', async () => {
    const b = await browser(PHONE);
    try {
      const { page } = b;
      await page.goto(`${BASE}/repair`);
      await page.fill('#name', '钱女士');
      await page.fill('#phone', '13812345678');
      await page.fill('#address', ADDRESS);
      await page.selectOption('#category', { label: CATEGORY });
      await page.fill('#description', `热水器不加热,显示 E4(${mark})`);
      await Promise.all([page.waitForURL(/\/track\//), page.click('#repair-form button[type="submit"]')]);
      s.number = (await page.textContent('main')).match(/R-\d{8}-\d{4,}/)[0];
    } finally {
      await b.close();
    }
  });

  await t.test('the agent auto-dispatches; the ticket says why (1280 px)', async () => {
    const b = await browser(DESKTOP);
    try {
      const { page } = b;
      await signIn(page, 'agent');
      s.id = await findTicketId(page, s.number);
      await page.goto(`${BASE}/desk/tickets/${s.id}`);
      const r = await clickPost(page, '#dispatch button[type="submit"]');
      assert.equal(r.status, 303);
      assert.equal((await page.textContent('#dw-winner')).trim(), techName);
      assert.match(await page.textContent('#dw-region'), /上海浦东（第 2 级）/);
      assert.match(await page.textContent('#dw-skill'), new RegExp(CATEGORY));
      assert.match(await page.textContent('#dw-load'), /\d+/);
      assert.ok(await page.locator('#dw-cands li.dw-cand, #dw-no-skill .dw-cand').count() >= 1,
        'the other candidates are listed');
      assert.match(await page.textContent('.tk-assignee'), new RegExp(techName));
      await page.reload();
      assert.equal((await page.textContent('#dw-winner')).trim(), techName, 'still there later');
      if (process.env.SL_SHOTS) await page.locator('#dispatch-why').screenshot({ path: `${process.env.SL_SHOTS}/dispatch-1280.png` });
    } finally {
      await b.close();
    }
  });

  await t.test('the technician uses the part from the nearby warehouse (390 px)', async () => {
    const b = await browser(PHONE);
    try {
      const { page } = b;
      await signIn(page, techLogin, techPassword);
      await page.goto(`${BASE}/desk/tickets/${s.id}`);
      assert.equal(await overflowsX(page), false, 'the ticket page fits 390 px');
      assert.equal(await page.getAttribute('#pt-qty', 'type'), 'number');
      assert.equal(await page.getAttribute('#pt-qty', 'inputmode'), 'numeric');
      const groups = await page.$$eval('#pt-pick optgroup', (gs) => gs.map((g) => ({
        label: g.label, fits: g.dataset.fits === '1',
        opts: [...g.querySelectorAll('option')].map((o) => ({ value: o.value, text: o.textContent.trim(), disabled: o.disabled })),
      })));
      const mine = groups.findIndex((g) => g.label.includes(sku));
      assert.ok(mine >= 0, 'the part is offered');
      assert.ok(groups[mine].fits, 'marked as a part of the ticket\'s category');
      const firstOther = groups.findIndex((g) => !g.fits);
      assert.ok(firstOther === -1 || mine < firstOther, 'the category\'s parts come first');
      const [near, far] = groups[mine].opts;
      assert.match(near.text, /^上海仓 · 库存 4 个 · 就近$/);
      assert.equal(near.disabled, false);
      assert.match(far.text, /^广州仓 · 0 — 缺货$/);
      assert.equal(far.disabled, true, 'no stock: not choosable');
      await page.selectOption('#pt-pick', near.value);
      await page.fill('#pt-qty', '1');
      const r = await clickPost(page, '#parts-submit');
      assert.equal(r.status, 303);
      const url = new URL(page.url());
      assert.equal(url.pathname, `/desk/tickets/${s.id}`);
      assert.equal(url.hash, '#parts');
      const done = await page.textContent('#parts-done');
      assert.ok(done.includes(sku) && done.includes('× 1 个(上海仓)'), `confirmed: ${done}`);
      assert.ok(await page.locator('#parts-done').isVisible());
      if (process.env.SL_SHOTS) await page.screenshot({ path: `${process.env.SL_SHOTS}/parts-390.png` });
    } finally {
      await b.close();
    }
  });
});
