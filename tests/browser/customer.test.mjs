// The customer's side of the loop on a phone (390 px, touch), every form
// submitted by tapping its button in headless Chromium:
//
//   POST /repair with a photo → POST /track/<code>/reply with a photo →
//   (an agent resolves the ticket on a desktop) → POST /survey/<code>.
//
// These forms once answered 403 in every real browser (the tracking pages
// sent Referrer-Policy: no-referrer, so Chromium sent "Origin: null"); curl
// sends no Origin, so only a browser test shows it. The last test posts the
// reply form from pages of other origins and expects 403 with nothing changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { BASE, PHONE, DESKTOP, browser, signIn, findTicketId, submit, submitFor, statusBadge,
  photo, overflowsX, stamp } from './lib.mjs';

const CSRF_REFUSED = /表单已过期或来源不正确/;

/** Fill and send the repair form; returns { track, number, code }. */
async function reportFault(page, description, files = []) {
  await page.goto(`${BASE}/repair`);
  await page.fill('#name', '浏览器客户');
  await page.fill('#phone', '13900139000');
  await page.fill('#address', '广州市天河区体育西路 2 号');
  const category = await page.$eval('#category option:not([value=""])', (o) => o.value);
  await page.selectOption('#category', category);
  // a model number copied from a nameplate, long and without a break: it
  // once widened the tracking page beyond a phone's screen
  await page.fill('#product', 'BCD450WKPZME0A1B2C3D4E5F6G7H8J9K0LMNPQRST');
  await page.fill('#description', description);
  if (files.length > 0) await page.setInputFiles('#photo', files);
  await Promise.all([
    page.waitForURL(/\/track\/[a-z0-9]+$/),
    page.click('#repair-form button[type="submit"]'),
  ]);
  const track = page.url();
  return { track, code: track.replace(/.*\/track\//, ''),
    number: (await page.textContent('strong.ticket-number')).trim() };
}

/** The tracking page's history as [{ what, body, photos }]. */
async function history(page) {
  return page.$$eval('ol.timeline > li', (lis) => lis.map((li) => ({
    what: li.querySelector('.what')?.textContent.trim() || '',
    body: li.querySelector('.body')?.textContent.trim() || '',
    photos: li.querySelector('.hint')?.textContent.trim() || '',
  })));
}

/** The value shown next to a <dt> label of the tracking page's facts. */
async function fact(page, label) {
  return page.$$eval('dl.facts dt', (dts, l) => {
    const dt = dts.find((d) => d.textContent.trim() === l);
    return dt ? dt.nextElementSibling.textContent.trim() : null;
  }, label);
}

/** An agent moves the ticket through the status form, one status at a time. */
async function agentMoves(number, statuses) {
  const b = await browser(DESKTOP);
  try {
    const { page } = b;
    await signIn(page, 'agent');
    const id = await findTicketId(page, number);
    await page.goto(`${BASE}/desk/tickets/${id}`);
    for (const st of statuses) {
      await page.selectOption('#f-status', st);
      await page.fill('#f-note', `浏览器测试:${st}`);
      await submit(page, '#status-submit');
      assert.equal(await statusBadge(page), st);
    }
    return { id, page, close: b.close };
  } catch (e) {
    await b.close();
    throw e;
  }
}

test('customer on a phone: repair with a photo, reply with a photo, rate the service', { timeout: 120000 }, async (t) => {
  const b = await browser(PHONE);
  const { ctx, page } = b;
  const mark = stamp();
  let ticket;
  try {
    await t.test('the repair form with a photo lands on the tracking page', async () => {
      ticket = await reportFault(page, `冰箱不制冷,压缩机一直响(浏览器 ${mark})`,
        [await photo(ctx, 'jpeg', 'fridge.jpg')]);
      assert.match(ticket.number, /^R-\d{8}-\d{4,}$/);
      assert.match(await page.textContent('.note.ok'), /提交成功/);
      assert.equal(await fact(page, '照片'), '已附 1 张照片');
      assert.equal(await fact(page, '状态'), '已提交，等待受理');
      assert.equal(await overflowsX(page), false, 'the tracking page fits 390 px');
    });

    await t.test('the tracking page\'s reply form takes a message and a photo', async () => {
      assert.ok(ticket, 'the repair step made a ticket');
      await page.goto(ticket.track);
      const before = (await history(page)).length;
      await page.fill('#body', `铭牌照片在附件里(${mark})`);
      await page.setInputFiles('#reply-form #photo', [await photo(ctx, 'png', 'nameplate.png')]);
      const resp = await submitFor(page, '#reply-form button[type="submit"]');
      assert.equal(resp.status(), 200, 'the reply is accepted (303 to the tracking page)');
      assert.equal(new URL(page.url()).pathname, `/track/${ticket.code}`);
      const events = await history(page);
      assert.equal(events.length, before + 1);
      const mine = events.find((e) => e.body.includes(mark));
      assert.ok(mine, 'the reply is in the history');
      assert.equal(mine.what, '您补充了信息');
      assert.equal(mine.photos, '已附 1 张照片');
      assert.equal(await fact(page, '照片'), '已附 2 张照片');
    });

    await t.test('staff see the customer\'s reply and its photo; an agent resolves the ticket', async () => {
      const agent = await agentMoves(ticket.number, ['accepted', 'resolved']);
      try {
        const ev = agent.page.locator('.tk-ev', { hasText: mark }).filter({ has: agent.page.locator('.tk-ev-photo') });
        await ev.first().waitFor();
        const img = ev.first().locator('img');
        await img.scrollIntoViewIfNeeded();   // loading="lazy"
        const loaded = await img.evaluate((el) => (el.complete ? Promise.resolve() :
          new Promise((ok) => { el.onload = ok; el.onerror = ok; })).then(() => el.naturalWidth > 0));
        assert.ok(loaded, 'the reply\'s photo is served to staff as an image');
        assert.ok(await agent.page.locator('.tk-thumbs img').count() >= 1, 'the repair photo is on the ticket');
      } finally {
        await agent.close();
      }
    });

    await t.test('the customer rates the resolved ticket from the tracking page', async () => {
      await page.goto(ticket.track);
      assert.equal(await fact(page, '状态'), '已解决');
      await Promise.all([
        page.waitForURL(`${BASE}/survey/${ticket.code}`),
        page.click(`a.button[href="/survey/${ticket.code}"]`),
      ]);
      assert.equal(await overflowsX(page), false, 'the survey page fits 390 px');
      await page.click('label.survey-choice:has(input[value="4"])');
      await page.fill('#comment', `师傅很准时,但等了两天(${mark})`);
      const resp = await submitFor(page, '#survey-form button[type="submit"]');
      assert.equal(resp.status(), 200);
      assert.equal(new URL(page.url()).pathname, `/track/${ticket.code}`);
      assert.match(await page.textContent('#survey-done'), /感谢您的评价/);
      assert.equal((await page.textContent('#survey-done .rating')).trim(), '4 / 5');
      assert.equal(await page.locator(`a[href="/survey/${ticket.code}"]`).count(), 0,
        'no second invitation to rate');
      await page.goto(`${BASE}/survey/${ticket.code}`);
      assert.match(await page.textContent('#survey-done'), /已评价/);
      assert.equal(await page.locator('#survey-form').count(), 0, 'a rated ticket has no survey form');
    });
  } finally {
    await b.close();
  }
});

/** Whether the element's top is on the screen as the page stands. */
async function onScreen(page, selector) {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.top < window.innerHeight;
  });
}

test('customer on a phone: "not fixed" reopens a resolved repair, each answer shown at the form', { timeout: 120000 }, async (t) => {
  const b = await browser(PHONE);
  const { page } = b;
  const mark = stamp();
  let ticket;
  try {
    ticket = await reportFault(page, `洗碗机不排水(没修好测试 ${mark})`);
    const agent = await agentMoves(ticket.number, ['accepted', 'resolved']);
    await agent.close();

    await t.test('an empty reply is refused, and the error is on the screen', async () => {
      await page.goto(ticket.track);
      await page.click('#confirm a[href="#reply"]');
      const resp = await submitFor(page, '#reply-form button[type="submit"]');
      assert.equal(resp.status(), 422);
      assert.ok(await onScreen(page, '#errors'), 'the error is in view, not a screen below');
      assert.equal(await fact(page, '状态'), '已解决', 'nothing changed');
    });

    await t.test('the language link of that page shows the tracking page, not an error', async () => {
      await Promise.all([page.waitForNavigation(), page.click('a.lang')]);
      assert.equal(new URL(page.url()).pathname, `/track/${ticket.code}`);
      assert.match(await page.textContent('h1'), /\S/);
      assert.equal(await fact(page, 'Status'), 'Resolved');
      await Promise.all([page.waitForNavigation(), page.click('a.lang')]);   // back to Chinese
    });

    await t.test('"not fixed" with the customer\'s words reopens it; the answer is at the form', async () => {
      await page.goto(ticket.track);
      assert.match(await page.textContent('#confirm'), /没修好？请在下方告诉我们，工单会重新打开。/);
      await page.click('#confirm a[href="#reply"]');
      await page.fill('#body', `还是不排水,水槽里有积水(${mark})`);
      const resp = await submitFor(page, '#reply-form button[type="submit"]');
      assert.equal(resp.status(), 200);
      assert.equal(new URL(page.url()).pathname, `/track/${ticket.code}`);
      await page.waitForFunction(() => !location.search.includes('done='));   // flash.js
      assert.match(await page.textContent('#reply-done'), /工单已重新打开/);
      assert.ok(await onScreen(page, '#reply-done'), 'the confirmation is in view');
      assert.equal(await fact(page, '状态'), '重新处理中');
      assert.equal(await page.locator('#confirm-submit').count(), 0, 'no "fixed" button any more');
      assert.ok((await history(page)).some((e) => e.body.includes(mark)), 'the words are in the history');
      await page.reload();
      assert.equal(await page.locator('#reply-done').count(), 0, 'a reload does not confirm again');
    });
  } finally {
    await b.close();
  }
});

/** A page of another origin that posts the tracking page's reply form
 * (with the visitor's real CSRF token: only the Origin check stands). */
function attackPage(action, csrf, body) {
  return '<!doctype html><meta charset="utf-8"><title>other site</title>' +
    `<form method="post" action="${action}" enctype="multipart/form-data">` +
    `<input type="hidden" name="csrf" value="${csrf}">` +
    `<input type="hidden" name="body" value="${body}">` +
    '<button type="submit" id="go">领取优惠券</button></form>';
}

test('a reply form posted from another origin is refused with 403 and changes nothing', { timeout: 60000 }, async (t) => {
  const b = await browser(PHONE);
  const { page } = b;
  const pages = new Map();
  const server = createServer((req, res) => {
    const html = pages.get(req.url);
    res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html || 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  try {
    const mark = stamp();
    const ticket = await reportFault(page, `洗衣机漏水(跨站测试 ${mark})`);
    const csrf = await page.getAttribute('#reply-form input[name="csrf"]', 'value');
    const before = await history(page);
    const action = `${BASE}/track/${ticket.code}/reply`;
    const origins = [
      // same site (same host, another port): the SameSite=Lax cookie goes along
      ['another port of the same host', `http://127.0.0.1:${port}`],
      // another site: localhost is not 127.0.0.1 to a browser
      ['another host name', `http://localhost:${port}`],
    ];
    for (const [what, origin] of origins) {
      await t.test(`from ${what} (${origin})`, async () => {
        const path = `/${what.replace(/\W+/g, '-')}.html`;
        pages.set(path, attackPage(action, csrf, `跨站留言 ${what} ${mark}`));
        await page.goto(origin + path);
        const resp = await submitFor(page, '#go');
        assert.equal(resp.status(), 403);
        assert.match(await page.textContent('body'), CSRF_REFUSED);
      });
    }
    await t.test('from a data: URL (Origin: null)', async () => {
      await page.goto(`data:text/html;charset=utf-8,${encodeURIComponent(attackPage(action, csrf, `null ${mark}`))}`);
      const resp = await submitFor(page, '#go');
      assert.equal(resp.status(), 403);
    });
    await t.test('the ticket is unchanged, and its own page still takes the reply', async () => {
      await page.goto(ticket.track);
      assert.deepEqual(await history(page), before, 'no refused post reached the history');
      await page.fill('#body', `本站留言 ${mark}`);
      const resp = await submitFor(page, '#reply-form button[type="submit"]');
      assert.equal(resp.status(), 200);
      assert.equal((await history(page)).length, before.length + 1);
    });
  } finally {
    server.close();
    await b.close();
  }
});
