// The agent's desk at a laptop's 1280x800 in a real browser: the admin keeps
// a canned reply (/admin/canned, created and edited by clicking); the agent
// takes a ticket by phone with the customer's photo (/desk/new), finds the
// reply box on the first screen of the ticket page (without scrolling, even
// after a longer story), inserts the canned reply (by the script, and
// without JavaScript through /compose), inserts a knowledge article's text,
// sends a public reply with a photo, resolves and closes the ticket, and
// reopens it with a reason (refused without one: 422, nothing lost).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, browser, signIn, clickPost, statusBadge, stamp, photo } from './lib.mjs';

const LAPTOP = { viewport: { width: 1280, height: 800 } };

/** Where the reply box is on the screen, and how far the page is scrolled. */
async function replyBox(page) {
  return page.evaluate(() => {
    const r = document.getElementById('f-body').getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, scrollY: window.scrollY, inner: window.innerHeight };
  });
}

/** Timeline entries of the staff ticket page as [{ body, kind, photos }]. */
async function timeline(page) {
  return page.$$eval('.tk-events > li', (lis) => lis.map((li) => ({
    body: li.querySelector('.tk-ev-body')?.textContent.trim() || '',
    kind: li.querySelector('.tk-ev-kind')?.textContent.trim() || '',
    photos: li.querySelectorAll('.tk-ev-photo img').length,
  })));
}

test('agent desk: canned replies, knowledge, photos, close and reopen at 1280x800', { timeout: 150000 }, async (t) => {
  const mark = stamp();
  const title = `浏览器快捷回复${mark}`;
  const customer = `桌面客户${mark}`;
  const s = {};

  await t.test('the admin adds a canned reply with placeholders and edits it', async () => {
    const b = await browser(LAPTOP);
    try {
      const { page } = b;
      await signIn(page, 'admin');
      await page.goto(`${BASE}/admin/canned`);
      await page.fill('#title', title);
      await page.fill('#body', '草稿');
      let r = await clickPost(page, '#canned-create');
      assert.equal(r.status, 303);
      const edit = page.locator('tr', { hasText: title }).locator('a[href^="/admin/canned/"]');
      await Promise.all([page.waitForURL(/\/admin\/canned\/\d+$/), edit.click()]);
      await page.fill('#body', '{客户}您好：工单 {工单号} 已收到，谢谢。');
      r = await clickPost(page, '#canned-save');
      assert.equal(r.status, 303);
      assert.match(page.url(), /\/admin\/canned\?saved=1$/);
      assert.ok((await page.textContent('.adm-canned')).includes('{客户}您好：工单 {工单号} 已收到'));
    } finally {
      await b.close();
    }
  });

  const agent = await browser(LAPTOP);
  const { page, ctx } = agent;
  try {
    await signIn(page, 'agent');

    await t.test('the agent takes a ticket by phone with the customer\'s photo', async () => {
      await page.goto(`${BASE}/desk/new`);
      await page.selectOption('#channel', 'wechat');
      await page.fill('#name', customer);
      await page.fill('#phone', '13700137001');
      await page.fill('#address', '上海市浦东新区世纪大道 100 号');
      await page.selectOption('#category', { index: 1 });
      await page.fill('#product', 'KFR-35GW');
      await page.fill('#description', `空调不制冷，外机不转，遥控器正常（微信登记 ${mark}）`);
      await page.setInputFiles('#photo', await photo(ctx, 'jpeg', '外机.jpg'));
      const r = await clickPost(page, 'form[action="/desk/new"] button[type="submit"]');
      assert.equal(r.status, 303);
      // the confirmation's script drops ?done= from the address once shown
      assert.match(page.url(), /\/desk\/tickets\/\d+(\?done=created)?#assign$/);
      s.url = page.url().replace(/[?#].*$/, '');
      s.number = (await page.textContent('.tk-num')).trim();
      assert.equal(await page.locator('.tk-desc .tk-thumbs img').count(), 1, 'the photo is on the ticket');
    });

    await t.test('the reply box is on the first screen, also after a longer story', async () => {
      for (let i = 0; i < 6; i++) {
        await page.fill('#f-body', `内部跟进第 ${i + 1} 次：已电话联系客户，约定明天上午上门检查外机。`);
        const r = await clickPost(page, '#reply-submit');
        assert.equal(r.status, 303);
        assert.match(page.url(), /done=note#reply$|#reply$/);
      }
      assert.ok((await page.textContent('#reply .flash')).includes('内部备注已添加'), 'the note is confirmed at the reply card');
      await page.goto(s.url);
      const box = await replyBox(page);
      assert.equal(box.scrollY, 0);
      assert.ok(box.top >= 0 && box.bottom <= box.inner, `reply box at ${box.top}-${box.bottom} of ${box.inner}`);
      // two columns: the reply box in the main column, the facts beside it
      const main = await page.$eval('.tk-main', (el) => el.getBoundingClientRect().right);
      const side = await page.$eval('.tk-side', (el) => el.getBoundingClientRect().left);
      assert.ok(side >= main, 'the side column is beside the main one');
      assert.equal((await timeline(page)).length, 7);
    });

    await t.test('a canned reply is inserted with the customer and the number filled in', async () => {
      await page.fill('#f-body', '');
      const id = await page.$eval('#f-canned', (sel, tt) => [...sel.options].find((o) => o.text === tt)?.value, title);
      assert.ok(id, 'the reply box lists the canned reply');
      await page.selectOption('#f-canned', id);
      await page.click('#canned-insert');       // the script inserts it in place
      assert.equal(page.url(), s.url, 'no round trip with the script');
      assert.equal(await page.inputValue('#f-body'), `${customer}您好：工单 ${s.number} 已收到，谢谢。`);
    });

    await t.test('without JavaScript the insert button composes on the server', async () => {
      const nojs = await browser({ ...LAPTOP, javaScriptEnabled: false });
      try {
        await signIn(nojs.page, 'agent');
        await nojs.page.goto(s.url);
        await nojs.page.fill('#f-body', '先写的一句。');
        const id = await nojs.page.$eval('#f-canned', (sel, tt) => [...sel.options].find((o) => o.text === tt)?.value, title);
        await nojs.page.selectOption('#f-canned', id);
        const r = await clickPost(nojs.page, '#canned-insert');
        assert.equal(r.status, 200);
        assert.equal(await nojs.page.inputValue('#f-body'),
          `先写的一句。\n\n${customer}您好：工单 ${s.number} 已收到，谢谢。`);
        assert.ok(await nojs.page.isVisible('#composed'));
        const box = await replyBox(nojs.page);
        assert.ok(box.top >= 0 && box.bottom <= box.inner, `the composed box is in view: ${JSON.stringify(box)}`);
      } finally {
        await nojs.close();
      }
    });

    await t.test('a knowledge article\'s text goes into the reply box', async () => {
      // the seeded article on air conditioners that do not cool matches this fault
      assert.ok(await page.locator('.kb-match button[name="kb_text"]').count() > 0, 'an article matches');
      const articleTitle = (await page.locator('.kb-match a').first().textContent()).trim();
      await page.fill('#f-body', '您好，');
      const r = await clickPost(page, '.kb-match button[name="kb_text"]');
      assert.equal(r.status, 200);
      const v = await page.inputValue('#f-body');
      assert.ok(v.startsWith(`您好，\n\n${articleTitle}\n`), v);
      // the seeded SOP is internal material: inserted with "public" chosen,
      // the box turns internal and says why
      const sop = page.locator('.kb-match', { has: page.locator('.kb-kind-sop') }).first();
      assert.equal(await sop.count(), 1, 'the seeded SOP matches');
      await page.check('input[name="visibility"][value="public"]');
      const r2 = await clickPost(page, `.kb-match:has(.kb-kind-sop) button[name="kb_text"]`);
      assert.equal(r2.status, 200);
      assert.ok(await page.isChecked('input[name="visibility"][value="internal"]'));
      assert.match(await page.textContent('#composed'), /内部备注/);
    });

    await t.test('a public reply with a photo reaches the customer\'s timeline', async () => {
      await page.goto(s.url);
      await page.fill('#f-body', `${customer}您好，师傅明天上午到，这是外机的位置图。`);
      await page.check('input[name="visibility"][value="public"]');
      await page.setInputFiles('#f-photo', await photo(ctx, 'png', '位置.png'));
      const r = await clickPost(page, '#reply-submit');
      assert.equal(r.status, 303);
      assert.ok((await page.textContent('#reply .flash')).includes('回复已发送给客户'));
      const last = (await timeline(page)).at(-1);
      assert.ok(last.body.includes('这是外机的位置图'));
      assert.equal(last.photos, 1, 'the photo is with the reply');
    });

    await t.test('resolved, closed, then reopened with a reason (none: refused)', async () => {
      for (const st of ['accepted', 'resolved']) {
        await page.selectOption('#f-status', st);
        const r = await clickPost(page, '#status-submit');
        assert.equal(r.status, 303);
      }
      assert.equal(await statusBadge(page), 'resolved');
      assert.equal(await page.locator('#f-status option[value="closed"]').count(), 0,
        'closing has its own button');
      let r = await clickPost(page, '#close-submit');
      assert.equal(r.status, 303);
      assert.match(page.url(), /#status$/);
      assert.equal(await statusBadge(page), 'closed');
      assert.ok((await page.textContent('#status .flash')).includes('工单已关闭'));
      assert.equal(await page.locator('#close-submit').count(), 0, 'a closed ticket is not closed again');
      // no reason: the browser asks for one; without that check the server refuses it
      await page.$eval('#f-reason', (el) => el.removeAttribute('required'));
      r = await clickPost(page, '#reopen-submit');
      assert.equal(r.status, 422);
      assert.equal(await statusBadge(page), 'closed');
      assert.equal(await page.getAttribute('#f-reason', 'aria-invalid'), 'true');
      assert.ok((await page.textContent('#e-reason')).includes('请填写重新打开的原因'));
      await page.fill('#f-reason', `客户反馈外机又不转了（${mark}）`);
      r = await clickPost(page, '#reopen-submit');
      assert.equal(r.status, 303);
      assert.equal(await statusBadge(page), 'reopened');
      assert.ok((await page.textContent('#status .flash')).includes('工单已重新打开'));
      const last = (await timeline(page)).at(-1);
      assert.ok(last.body.includes(`客户反馈外机又不转了（${mark}）`), 'the reason is on the timeline');
    });
  } finally {
    await agent.close();
  }
});
