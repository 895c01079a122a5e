// The service desk's forms in a real browser, each submitted by clicking
// its button: an agent on a desktop (1280 px) takes a ticket by phone
// (POST /desk/new), answers the customer and writes an internal note
// (/reply), raises the priority (/priority), lets the system dispatch it
// (/dispatch) and hands it to a technician (/assign); the technician on a
// phone (390 px) records the arrival, uses a spare part from the ticket
// page, finishes the visit (/visit, /parts) and resolves it (/status).
//
// Everything it works on is its own (shared demo database, files run in
// parallel): the admin creates a technician for this run with a skill, the
// agent a spare part with stock; the tickets are new.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, DESKTOP, browser, signIn, submit, statusBadge, stamp, overflowsX } from './lib.mjs';

const CATEGORY = '电视';              // the category of this file's tickets
const LOCATION = '上海仓';            // a stock location of the migrations

/** The options of a select as [{ value, label }]. */
async function options(page, selector) {
  return page.$$eval(`${selector} option`, (os) => os.map((o) => ({ value: o.value, label: o.textContent.trim() })));
}

/** The part picker's options of the part whose SKU is sku (its optgroup). */
async function picks(page, sku) {
  return page.$$eval('#pt-pick optgroup', (gs, k) => {
    const g = gs.find((x) => x.label.includes(k));
    return g ? [...g.querySelectorAll('option')].map((o) => ({ value: o.value, label: o.textContent.trim() })) : [];
  }, sku);
}

async function selectByLabel(page, selector, label) {
  const o = (await options(page, selector)).find((x) => x.label.startsWith(label));
  assert.ok(o, `${selector} offers "${label}"`);
  await page.selectOption(selector, o.value);
  return o.value;
}

/** Timeline entries of the staff ticket page as [{ body, internal, kind }]. */
async function timeline(page) {
  return page.$$eval('.tk-events > li', (lis) => lis.map((li) => ({
    body: li.querySelector('.tk-ev-body')?.textContent.trim() || '',
    internal: li.classList.contains('is-internal'),
    kind: li.querySelector('.tk-ev-kind')?.textContent.trim() || '',
  })));
}

test('service desk: phone ticket, replies, priority, dispatch, assignment, visit, parts, resolve', { timeout: 150000 }, async (t) => {
  const mark = stamp();
  const techLogin = `bt-tech-${mark}`;
  const techName = `浏览器技师${mark}`;
  const techPassword = `pw-${mark}-Zx9`;
  const sku = `BT-${mark}`.toUpperCase();
  const s = {};

  await t.test('setup: the admin adds a technician with a skill for the category', async () => {
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
      await page.locator('label.adm-check', { hasText: CATEGORY }).locator('input[name="skill"]').check();
      await submit(page, 'form.adm-form:has(input[name="skill"]) button[type="submit"]');
      assert.ok(await page.locator('label.adm-check', { hasText: CATEGORY })
        .locator('input[name="skill"]').isChecked(), 'the skill is saved');
    } finally {
      await b.close();
    }
  });

  const agent = await browser(DESKTOP);
  const { page } = agent;
  try {
    await t.test('setup: the agent adds a spare part with 5 units in stock', async () => {
      await signIn(page, 'agent');
      await page.goto(`${BASE}/desk/parts/new`);
      await page.fill('#sku', sku);
      await page.fill('#name_zh', `遥控器 ${mark}`);
      await page.fill('#unit', '个');
      await page.fill('#unit_cost', '35.00');
      await page.fill('#reorder_level', '1');
      await page.fill('#reorder_qty', '5');
      await page.fill('#lead_time_days', '3');
      await Promise.all([page.waitForURL(/\/desk\/parts\/\d+$/), page.click('#part-submit')]);
      s.partUrl = page.url();
      await page.selectOption('#st-action', 'receive');
      await selectByLabel(page, '#st-location', LOCATION);
      await page.fill('#st-qty', '5');
      await submit(page, '#stock-submit');
      const qty = await page.locator('tr.pt-loc', { hasText: LOCATION }).locator('.pt-loc-qty').textContent();
      assert.equal(qty.trim(), '5');
    });

    await t.test('the agent takes a ticket by phone (/desk/new)', async () => {
      await page.goto(`${BASE}/desk/new`);
      await page.selectOption('#channel', 'phone');
      await page.selectOption('#priority', 'normal');
      await page.fill('#name', '电话客户');
      await page.fill('#phone', '13700137000');
      await page.fill('#address', '北京市海淀区中关村大街 3 号');
      await selectByLabel(page, '#category', CATEGORY);
      await page.fill('#product', 'TV-55');
      await page.fill('#description', `电视有声音没图像(电话登记 ${mark})`);
      assert.equal(await page.isChecked('input[name="auto_dispatch"]'), false);
      await Promise.all([page.waitForURL(/\/desk\/tickets\/\d+(\?done=created)?#assign$/),
        page.click('form[action="/desk/new"] button[type="submit"]')]);
      assert.match(await page.textContent('#assign .flash'), /工单已创建/, 'the new ticket is confirmed');
      s.id = Number(new URL(page.url()).pathname.replace(/.*\//, ''));
      s.number = (await page.textContent('.tk-num')).trim();
      assert.match(s.number, /^R-\d{8}-\d{4,}$/);
      assert.equal(await statusBadge(page), 'new');
      assert.match(await page.textContent('.tk-meta'), /来源：电话/);
      assert.match(await page.textContent('.tk-description'), new RegExp(mark));
      s.track = await page.getAttribute('a[href^="/track/"]', 'href');
    });

    await t.test('a public reply and an internal note (/reply)', async () => {
      await page.fill('#f-body', `您好,师傅明天上午上门(公开 ${mark})`);
      await page.check('input[name="visibility"][value="public"]');
      await submit(page, '#reply-submit');
      await page.fill('#f-body', `客户说周末不在家(内部 ${mark})`);
      await page.check('input[name="visibility"][value="internal"]');
      await submit(page, '#reply-submit');
      const ev = await timeline(page);
      const pub = ev.find((e) => e.body.includes(`公开 ${mark}`));
      const note = ev.find((e) => e.body.includes(`内部 ${mark}`));
      assert.ok(pub && !pub.internal, 'the public reply is on the timeline, not internal');
      assert.ok(note && note.internal, 'the internal note is on the timeline, marked internal');
      // the customer's tracking page shows the reply, never the note
      await page.goto(BASE + s.track);
      const main = await page.textContent('main');
      assert.match(main, new RegExp(`公开 ${mark}`));
      assert.doesNotMatch(main, new RegExp(`内部 ${mark}`));
      await page.goto(`${BASE}/desk/tickets/${s.id}`);
    });

    await t.test('the agent raises the priority (/priority)', async () => {
      await page.selectOption('#f-priority', 'urgent');
      await submit(page, 'form[action$="/priority"] button[type="submit"]');
      assert.match(await page.getAttribute('.tk-head .badge.pr', 'class'), /\bpr-urgent\b/);
      assert.equal(await page.$eval('#f-priority', (sel) => sel.value), 'urgent');
    });

    await t.test('auto-dispatch gives it to a technician with the skill (/dispatch)', async () => {
      await submit(page, '#dispatch button[type="submit"]');
      assert.equal(await page.locator('#dispatch .field-error').count(), 0, 'dispatch found somebody');
      assert.equal(await statusBadge(page), 'assigned');
      const who = (await page.textContent('.tk-assignee')).trim();
      const techs = (await options(page, '#f-assignee')).map((o) => o.label);
      assert.ok(techs.some((l) => l.startsWith(who)), `the assignee "${who}" is a listed technician`);
    });

    await t.test('the agent hands it to this run\'s technician (/assign)', async () => {
      await selectByLabel(page, '#f-assignee', techName);
      await submit(page, '#assign-submit');
      assert.equal(await statusBadge(page), 'assigned');
      assert.match(await page.textContent('.tk-assignee'), new RegExp(techName));
    });
  } finally {
    await agent.close();
  }

  await t.test('the technician on a phone: arrive, use a part, finish, resolve', async () => {
    assert.ok(s.id, 'the agent steps made a ticket');
    const b = await browser(PHONE);
    try {
      const { page: p } = b;
      await signIn(p, techLogin, techPassword);
      await p.goto(`${BASE}/desk/my`);
      const card = p.locator('.my-order', { hasText: s.number });
      assert.equal(await overflowsX(p), false, 'my work orders fit 390 px');
      await Promise.all([p.waitForURL(`${BASE}/desk/tickets/${s.id}`), card.locator('a.my-num').click()]);

      assert.equal(await overflowsX(p), false, 'the ticket page fits 390 px');
      await submit(p, '#visit-arrive');
      assert.equal(await statusBadge(p), 'in_progress');
      assert.equal(await p.locator('.tk-visits li', { hasText: techName }).locator('.badge.warn').count(), 1,
        'the visit shows as on site');

      const part = (await picks(p, sku)).find((o) => o.label.startsWith(LOCATION));
      assert.ok(part, 'the new part is offered at its location');
      assert.match(part.label, /5 个$/);
      await p.selectOption('#pt-pick', part.value);
      await p.fill('#pt-qty', '2');
      await submit(p, '#parts-submit');
      assert.equal(new URL(p.url()).pathname, `/desk/tickets/${s.id}`, 'back on the ticket page');
      const row = p.locator('tr.pt-used-row', { hasText: sku });
      assert.match(await row.textContent(), /2 个/);
      const after = (await picks(p, sku)).find((o) => o.value === part.value);
      assert.match(after.label, /3 个$/, 'two units left the stock');

      await p.fill('#f-notes', `更换主板排线(${mark})`);
      await submit(p, '#visit-finish');
      const visit = p.locator('.tk-visits li', { hasText: techName });
      assert.ok((await visit.textContent()).includes(`更换主板排线(${mark})`), 'the visit keeps its notes');
      assert.equal(await visit.locator('.badge.warn').count(), 0, 'no longer on site');
      assert.equal(await p.locator('#visit-arrive').count(), 1, 'a new visit may start');

      await p.selectOption('#f-status', 'resolved');
      await p.fill('#f-note', '已修复,试机正常');
      await submit(p, '#status-submit');
      assert.equal(await statusBadge(p), 'resolved');
      await p.goto(`${BASE}/desk/my`);
      // No longer an open job, but listed among the finished ones.
      assert.equal(await p.locator('.my-today .my-order, .my-upcoming .my-order', { hasText: s.number }).count(), 0);
      assert.equal(await p.locator('.my-done .my-order', { hasText: s.number }).count(), 1);
    } finally {
      await b.close();
    }
  });
});
