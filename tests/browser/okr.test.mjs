// OKR boards in a real browser, as a supervisor on a desktop: create a
// cycle (first with its last day before its first, refused at the field),
// an objective, a key result bound to a metric and a manual one; check in
// (first with a value that is not a number, refused and kept), see the
// score move on the key result, the objective and the board; add an
// initiative; edit the objective; close the cycle, write the review and
// carry the objectives over into the next cycle. Every form is submitted
// by clicking its button. Then the board on a phone: nothing wider than
// the screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, PHONE, browser, signIn, clickPost, unique, fieldError, overflowsX }
  from './lib.mjs';

/** The date `days` from today, YYYY-MM-DD (China time). */
const inDays = (days) => new Date(Date.now() + 8 * 3600000 + days * 86400000).toISOString().slice(0, 10);

/** The id at the end of the page's path after prefix. */
function idIn(page, prefix) {
  const m = new RegExp(`^${prefix}(\\d+)$`).exec(new URL(page.url()).pathname);
  assert.ok(m, `expected ${prefix}<id>, got ${page.url()}`);
  return Number(m[1]);
}

/** Create a cycle through the cycles page; returns its id. */
async function newCycle(page, name, from, to, state) {
  await page.goto(`${BASE}/okr/cycles`);
  await page.fill('#name', name);
  await page.selectOption('#kind', 'quarter');
  await page.fill('#starts_on', from);
  await page.fill('#ends_on', to);
  await page.selectOption('#state', state);
  const r = await clickPost(page, 'form[action="/okr/cycles"] button[type="submit"]');
  assert.equal(r.status, 303);
  return Number(new URL(page.url()).searchParams.get('cycle'));
}

test('OKR: objective, metric and manual key results, check-in, score, close with a review',
  { timeout: 180000 }, async () => {
  const b = await browser(DESKTOP);
  try {
    const { page } = b;
    await signIn(page, 'supervisor');
    const name = unique('浏览器周期 ');

    // A cycle: refused with its last day first, then made.
    await page.goto(`${BASE}/okr/cycles`);
    await page.fill('#name', name);
    await page.fill('#starts_on', inDays(-30));
    await page.fill('#ends_on', inDays(-40));
    let r = await clickPost(page, 'form[action="/okr/cycles"] button[type="submit"]');
    assert.equal(r.status, 422);
    assert.match(await fieldError(page, '#ends_on'), /结束日期/);
    assert.equal(await page.inputValue('#name'), name, 'the name is kept');
    const cycle = await newCycle(page, name, inDays(-30), inDays(60), 'active');
    assert.match(await page.textContent('.okr-head h1'), new RegExp(name));

    // An objective from the board's button.
    const title = unique('提升服务时效 ');
    await Promise.all([page.waitForURL(/\/okr\/objectives\/new/),
      page.click(`a[href="/okr/objectives/new?cycle=${cycle}"]`)]);
    await page.fill('#title', title);
    await page.fill('#description', '浏览器测试的目标');
    await page.selectOption('#level', 'company');
    r = await clickPost(page, 'form[action="/okr/objectives"] button[type="submit"]');
    assert.equal(r.status, 303);
    const obj = idIn(page, '/okr/objectives/');
    assert.equal((await page.textContent('h1.obj-title')).trim(), title);

    // A key result bound to a metric: its value is computed, never typed.
    await Promise.all([page.waitForURL(/\/okr\/krs\/new/), page.click(`a[href="/okr/krs/new?objective=${obj}"]`)]);
    await page.fill('#title', '解决时效达标率保持 90%');
    await page.selectOption('#kind', 'stay_above');
    await page.fill('#start', '0');
    await page.fill('#target', '90');
    await page.fill('#unit', '%');
    await page.selectOption('#source', 'metric');
    await page.selectOption('#metric', 'sla_compliance');
    r = await clickPost(page, 'form[action="/okr/krs"] button[type="submit"]');
    assert.equal(r.status, 303);
    const metricKr = idIn(page, '/okr/krs/');
    assert.match(await page.textContent('.kr-metric'), /sla_compliance/);
    assert.equal(await page.locator('#value').count(), 0, 'no value field for a computed key result');
    await page.selectOption('#confidence', 'at_risk');
    await page.fill('#comment', '本周两单超时');
    r = await clickPost(page, `form[action="/okr/krs/${metricKr}/checkins"] button[type="submit"]`);
    assert.equal(r.status, 303);
    assert.match(await page.textContent('.checkin-list'), /本周两单超时/);

    // A manual key result.
    await page.goto(`${BASE}/okr/objectives/${obj}`);
    await Promise.all([page.waitForURL(/\/okr\/krs\/new/), page.click(`a[href="/okr/krs/new?objective=${obj}"]`)]);
    await page.fill('#title', '培训技师 10 人');
    await page.selectOption('#kind', 'increase_to');
    await page.fill('#start', '0');
    await page.fill('#target', '10');
    await page.selectOption('#source', 'manual');
    r = await clickPost(page, 'form[action="/okr/krs"] button[type="submit"]');
    assert.equal(r.status, 303);
    const manualKr = idIn(page, '/okr/krs/');
    assert.equal(await page.getAttribute('.okr-score .score', 'data-score'), '0.00');

    // Check in: a word is refused and kept, then 7 of 10 → 0.70, green.
    const checkin = `form[action="/okr/krs/${manualKr}/checkins"] button[type="submit"]`;
    await page.fill('#value', '七');
    await page.fill('#comment', '第二批已培训');
    r = await clickPost(page, checkin);
    assert.equal(r.status, 422);
    assert.equal(await fieldError(page, '#value'), '格式不正确。');
    assert.equal(await page.inputValue('#value'), '七');
    assert.equal(await page.inputValue('#comment'), '第二批已培训');
    await page.fill('#value', '7');
    r = await clickPost(page, checkin);
    assert.equal(r.status, 303);
    assert.equal(await page.getAttribute('.okr-score .score', 'data-score'), '0.70');
    assert.match(await page.getAttribute('.okr-score .score', 'class'), /band-green/);
    assert.equal((await page.textContent('.ci-value')).trim(), '7');
    assert.equal(await page.locator('svg.chart-svg polyline').count() >= 1, true, 'the history line');

    // Edit it: the target was too low; 7 of 14 → 0.50, the check-in kept.
    await Promise.all([page.waitForURL(/\/edit$/), page.click('#kr-edit')]);
    assert.equal(await page.inputValue('#target'), '10');
    await page.fill('#target', '14');
    r = await clickPost(page, `form[action="/okr/krs/${manualKr}/edit"] button[type="submit"]`);
    assert.equal(r.status, 303);
    assert.equal(new URL(page.url()).pathname, `/okr/krs/${manualKr}`);
    assert.equal(await page.getAttribute('.okr-score .score', 'data-score'), '0.50');
    assert.equal((await page.textContent('.ci-value')).trim(), '7');

    // An initiative under it.
    await page.click('details.init-form summary');
    await page.fill('#i-title', '每周四集中培训');
    await page.selectOption('#i-status', 'doing');
    await page.fill('#i-due', inDays(20));
    r = await clickPost(page, `form[action="/okr/krs/${manualKr}/initiatives"] button[type="submit"]`);
    assert.equal(r.status, 303);
    assert.match(await page.textContent('.initiative-list'), /每周四集中培训/);

    // The objective's score and the board.
    await page.goto(`${BASE}/okr/objectives/${obj}`);
    const objScore = await page.getAttribute('.okr-score .score', 'data-score');
    assert.match(objScore, /^[01]\.\d\d$/);
    await page.goto(`${BASE}/okr/?cycle=${cycle}`);
    assert.equal(await page.getAttribute(`#o${obj} .okr-obj-head .score`, 'data-score'), objScore);

    // Edit the objective: its status set by hand.
    await page.goto(`${BASE}/okr/objectives/${obj}`);
    await Promise.all([page.waitForURL(/\/edit$/), page.click(`a[href="/okr/objectives/${obj}/edit"]`)]);
    await page.selectOption('#status_set', 'at_risk');
    r = await clickPost(page, `form[action="/okr/objectives/${obj}/edit"] button[type="submit"]`);
    assert.equal(r.status, 303);
    assert.match(await page.textContent('.okr-score'), /有风险/);

    // Close the cycle: values and scores frozen, the review asked for.
    const next = await newCycle(page, unique('下个周期 '), inDays(61), inDays(150), 'planning');
    await page.goto(`${BASE}/okr/cycles`);
    r = await clickPost(page, `form[action="/okr/cycles/${cycle}/close"] button[type="submit"]`);
    assert.equal(r.status, 303);
    assert.match(await page.textContent('.okr-head'), /已关闭/);
    await page.goto(`${BASE}/okr/objectives/${obj}`);
    assert.match(await page.textContent('#review'), /还没有填写复盘/);
    await page.fill('#worked', '每周看板代替手工表格');
    await page.fill('#not_worked', '备件到货慢');
    await page.fill('#standard', '每周一更新关键结果');
    r = await clickPost(page, `form[action="/okr/objectives/${obj}/review"] button[type="submit"]`);
    assert.equal(r.status, 303);
    assert.match(await page.textContent('.review-text'), /每周一更新关键结果/);
    await page.goto(`${BASE}/okr/krs/${manualKr}`);
    assert.equal(await page.getAttribute('.okr-score .score', 'data-score'), '0.50', 'frozen');
    assert.equal(await page.locator(`form[action="/okr/krs/${manualKr}/checkins"]`).count(), 0);

    // Carry the objectives over into the next cycle.
    await page.goto(`${BASE}/okr/cycles`);
    await page.selectOption(`form[action="/okr/cycles/${next}/carry"] select[name="from"]`, String(cycle));
    r = await clickPost(page, `form[action="/okr/cycles/${next}/carry"] button[type="submit"]`);
    assert.equal(r.status, 303);
    assert.match(await page.textContent('.okr h3'), new RegExp(title));
  } finally {
    await b.close();
  }
});

test('OKR board on a phone: nothing wider than the screen', { timeout: 60000 }, async () => {
  const b = await browser(PHONE);
  try {
    const { page } = b;
    await signIn(page, 'supervisor');
    await page.goto(`${BASE}/okr/`);
    assert.equal(await overflowsX(page), false);
  } finally {
    await b.close();
  }
});
