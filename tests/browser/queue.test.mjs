// The queue's own forms in a real browser at 1280 px, each submitted by
// clicking: an agent takes three tickets at the counter (channel 到店,
// POST /desk/new), finds them in the queue, ticks two and accepts them
// (POST /desk/bulk, op=status), cancels the third, then ticks all three
// and accepts again: two are so already and the cancelled one is refused
// by the state machine, named in the confirmation; raises the priority of
// all three and hands them to a technician (op=priority, op=assign). Then
// saves the view (POST /desk/views), opens it from the list, and deletes
// it (POST /desk/views/<id>/delete).
//
// Everything it works on is its own: the tickets carry a mark of this run
// in their description and the queue is searched for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, browser, signIn, clickPost, stamp, overflowsX } from './lib.mjs';

/** The rows of the queue page: [{ id, number, status, priority, assignee }]. */
async function rows(page) {
  return page.$$eval('table.q-list tbody tr', (trs) => trs.map((tr) => ({
    id: tr.querySelector('input[name="id"]')?.value || '',
    number: tr.querySelector('.q-num a')?.textContent.trim() || '',
    status: (tr.querySelector('.q-st .badge')?.className || '').replace(/.*\bst-(\S+).*/, '$1'),
    priority: (tr.querySelector('.q-pr .badge')?.className || '').replace(/.*\bpr-(\S+).*/, '$1'),
    assignee: tr.children[7]?.textContent.trim() || '',
  })));
}

async function tick(page, ids) {
  for (const id of ids) await page.check(`input[name="id"][value="${id}"]`);
}

test('queue: bulk status, priority and assignment; saved views', { timeout: 150000 }, async (t) => {
  const mark = `bq${stamp()}`;
  const b = await browser(DESKTOP);
  const { page } = b;
  const view = `到店待办${mark.slice(-4)}`;
  try {
    await signIn(page, 'agent');

    await t.test('three walk-in tickets entered at the counter', async () => {
      for (let i = 0; i < 3; i++) {
        await page.goto(`${BASE}/desk/new`);
        await page.selectOption('#channel', 'walkin');
        await page.fill('#name', `到店客户${i}`);
        await page.fill('#phone', '13800138000');
        await page.selectOption('#category', { index: 1 });
        await page.fill('#description', `冰箱不制冷，客户到店 ${mark}`);
        const { status } = await clickPost(page, 'form[action="/desk/new"] button[type="submit"]');
        assert.equal(status, 303);
        assert.match(new URL(page.url()).pathname, /^\/desk\/tickets\/\d+$/);
      }
    });

    const search = `${BASE}/desk/?q=${mark}&status=all&channel=walkin`;
    let ids = [];
    await t.test('the queue lists them, with check boxes and the bulk form', async () => {
      await page.goto(search);
      const r = await rows(page);
      assert.equal(r.length, 3);
      ids = r.map((x) => x.id);
      assert.ok(ids.every((x) => /^\d+$/.test(x)), 'each row has a check box');
      assert.equal(await page.locator('form#bulk').count(), 1);
      assert.equal(await overflowsX(page), false, 'no sideways scrolling at 1280 px');
    });

    await t.test('bulk status: two accepted', async () => {
      await tick(page, ids.slice(0, 2));
      await page.selectOption('#b-status', 'accepted');
      const { status } = await clickPost(page, 'form#bulk button[value="status"]');
      assert.equal(status, 303);
      assert.match(await page.textContent('.q-bulk-done'), /已更新\s*2\s*张工单/);
      const u = new URL(page.url());
      assert.equal(u.searchParams.get('q'), mark, 'back on the same view');
      const r = await rows(page);
      assert.deepEqual(r.filter((x) => ids.slice(0, 2).includes(x.id)).map((x) => x.status),
        ['accepted', 'accepted']);
    });

    let refusedNumber = '';
    await t.test('bulk status: the third cancelled, then refused with the others', async () => {
      await page.goto(search);
      await tick(page, [ids[2]]);
      await page.selectOption('#b-status', 'cancelled');
      assert.equal((await clickPost(page, 'form#bulk button[value="status"]')).status, 303);
      refusedNumber = (await rows(page)).find((x) => x.id === ids[2]).number;
      await tick(page, ids);
      await page.selectOption('#b-status', 'accepted');
      assert.equal((await clickPost(page, 'form#bulk button[value="status"]')).status, 303);
      const done = await page.textContent('.q-bulk-done');
      assert.match(done, /已更新\s*0\s*张工单/);
      assert.match(done, /2\s*张工单本来就是这样/);
      assert.match(await page.textContent('.q-bulk-refused'), new RegExp(`已受理[\\s\\S]*${refusedNumber}`));
      assert.equal((await rows(page)).find((x) => x.id === ids[2]).status, 'cancelled');
    });

    await t.test('bulk priority and assignment', async () => {
      await page.goto(search);
      await tick(page, ids.slice(0, 2));
      await page.selectOption('#b-priority', 'urgent');
      assert.equal((await clickPost(page, 'form#bulk button[value="priority"]')).status, 303);
      assert.match(await page.textContent('.q-bulk-done'), /已更新\s*2\s*张工单/);
      let r = await rows(page);
      assert.deepEqual(r.filter((x) => ids.slice(0, 2).includes(x.id)).map((x) => x.priority),
        ['urgent', 'urgent']);
      await tick(page, ids.slice(0, 2));
      const tech = await page.$eval('#b-assignee option:nth-child(2)', (o) => ({ value: o.value, label: o.textContent.trim() }));
      await page.selectOption('#b-assignee', tech.value);
      assert.equal((await clickPost(page, 'form#bulk button[value="assign"]')).status, 303);
      r = await rows(page);
      for (const x of r.filter((y) => ids.slice(0, 2).includes(y.id))) {
        assert.equal(x.assignee, tech.label);
        assert.equal(x.status, 'assigned');
      }
    });

    await t.test('save the view, open it from the list, delete it', async () => {
      await page.goto(search);
      await page.fill('#v-name', view);
      assert.equal((await clickPost(page, 'form.q-view-save button[type="submit"]')).status, 303);
      assert.match(await page.textContent('.flash'), /视图已保存/);
      const link = page.locator('.q-view a', { hasText: view });
      assert.equal(await link.count(), 1);
      await page.goto(`${BASE}/desk/`);
      await Promise.all([page.waitForNavigation(), page.locator('.q-view a', { hasText: view }).click()]);
      const u = new URL(page.url());
      assert.equal(u.searchParams.get('q'), mark);
      assert.equal(u.searchParams.get('channel'), 'walkin');
      assert.equal((await rows(page)).length, 3);
      assert.equal(await page.getAttribute(`.q-view a:has-text("${view}")`, 'aria-current'), 'true');
      const del = page.locator('.q-view', { hasText: view }).locator('form.q-view-del button');
      const [shown] = await Promise.all([page.waitForNavigation(), del.click()]);
      let req = shown.request();
      while (req.redirectedFrom()) req = req.redirectedFrom();
      assert.equal(req.method(), 'POST');
      assert.equal((await req.response()).status(), 303);
      assert.match(await page.textContent('.flash'), /视图已删除/);
      assert.equal(await page.locator('.q-view a', { hasText: view }).count(), 0);
    });
  } finally {
    await b.close();
  }
});
