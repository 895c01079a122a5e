// Customer-journey maps in a real browser (headless Chromium), by clicking
// only: a supervisor creates a map from the repair template, edits a cell,
// adds a pain point, edits stages, lanes, persona and metric targets, makes
// the golden journey, takes a snapshot and compares it with now; then
// duplicates, archives and restores a map from the list. Every POST route
// of the journey plugin is submitted here (tests/browser/coverage.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, PHONE, browser, signIn, submit } from './lib.mjs';

/** Open the <details> holding selector's form (no-JS editing) and return it. */
async function open(page, details) {
  const d = page.locator(details).first();
  await d.locator('summary').first().click();
  return d;
}

test('journey map: template → cell → pain point → golden → snapshot → compare', { timeout: 240000 }, async (t) => {
  const b = await browser(DESKTOP);
  const name = `浏览器旅程 ${Date.now()}`;
  let mapUrl;
  try {
    const { page } = b;
    await signIn(page, 'supervisor');

    await t.test('create from the repair template', async () => {
      await page.goto(`${BASE}/journeys/`);
      await page.selectOption('#new-template', 'repair');
      await page.fill('#new-name', name);
      await submit(page, '#new-submit');
      assert.match(page.url(), /\/journeys\/\d+$/);
      mapUrl = page.url();
      assert.equal((await page.textContent('.jr-title')).trim(), name);
      assert.equal(await page.locator('th.jr-stage').count(), 7);
      assert.equal(await page.locator('.jr-grid .jr-metric').count(), 10);
    });

    const stageIds = async () => page.$$eval('th.jr-stage', (ths) => ths.map((th) => th.id.slice(6)));
    const laneId = async (role) => (await page.getAttribute(`tr.jr-lane-${role}`, 'id')).slice(5);

    await t.test('edit a cell: add an item, then change it and move it', async () => {
      const [s1] = await stageIds();
      const lane = await laneId('actions');
      const cell = `#cell-${s1}-${lane}`;
      const add = await open(page, `${cell} details.jr-add`);
      await add.locator('textarea[name="body"]').fill('打电话给客服问进度');
      await submit(page, `${cell} .jr-add-item button[type="submit"]`);
      assert.match(await page.textContent(cell), /打电话给客服问进度/);
      const item = page.locator(`${cell} li.jr-item`).first();
      await item.locator('details.jr-edit summary').click();
      await item.locator('textarea[name="body"]').fill('在网页上反复刷新进度 <b>');
      await item.locator('select[name="evidence"]').selectOption('research');
      await item.locator('input[name="source"]').fill('2026-11 回访');
      await submit(page, `${cell} li.jr-item button[value="save"]`);
      assert.match(await page.textContent(cell), /在网页上反复刷新进度 <b>/);
      assert.equal(await page.locator(`${cell} .jr-ev.ev-research`).count(), 1);
      const moved = page.locator(`${cell} li.jr-item`).first();
      await moved.locator('details.jr-edit summary').click();
      await submit(page, `${cell} li.jr-item button[value="right"]`);
      assert.doesNotMatch(await page.textContent(cell), /反复刷新/);
    });

    await t.test('add a pain point with data evidence; it offers a key result', async () => {
      const s = await stageIds();
      const lane = await laneId('pain');
      const cell = `#cell-${s[3]}-${lane}`;
      const add = await open(page, `${cell} details.jr-add`);
      await add.locator('textarea[name="body"]').fill('派工等了一整天');
      await add.locator('select[name="evidence"]').selectOption('data');
      await add.locator('input[name="source"]').fill('time_to_dispatch');
      await submit(page, `${cell} .jr-add-item button[type="submit"]`);
      assert.match(await page.textContent(cell), /派工等了一整天/);
      const kr = await page.getAttribute(`${cell} a.jr-to-kr`, 'href');
      // its own metric, shorter is better, the journey's target, its words
      assert.match(kr, /^\/okr\/krs\/new\?journey=\d+&stage=\d+&title=[^&]+&metric=time_to_dispatch&kind=decrease_to&target=120$/);
      assert.equal(new URL(kr, BASE).searchParams.get('title'), '派工等了一整天');
    });

    await t.test('a refused item keeps what was typed (422)', async () => {
      const [s1] = await stageIds();
      const lane = await laneId('thoughts');
      const cell = `#cell-${s1}-${lane}`;
      const add = await open(page, `${cell} details.jr-add`);
      await add.locator('textarea[name="body"]').fill('没有来源的数据');
      await add.locator('select[name="evidence"]').selectOption('data');
      await submit(page, `${cell} .jr-add-item button[type="submit"]`);
      assert.equal(await page.inputValue('#fix-body'), '没有来源的数据');
      assert.equal(await page.locator('.field-error').count(), 1);
      await page.goto(mapUrl);
    });

    await t.test('stages, lanes, persona and metric targets by their forms', async () => {
      const [s1] = await stageIds();
      let d = await open(page, `#stage-${s1} details.jr-edit`);
      await d.locator('select[name="emotion"]').selectOption('-2');
      await submit(page, `#stage-${s1} button[value="save"]`);
      assert.match(await page.textContent(`#stage-${s1}`), /-2/);

      d = await open(page, '.jr-tools details.jr-add:has(#add-stage)');
      await page.fill('#as-name', '复购');
      await submit(page, '#add-stage button[type="submit"]');
      assert.equal(await page.locator('th.jr-stage').count(), 8);

      await open(page, '.jr-tools details.jr-add:has(#add-lane)');
      await page.fill('#al-name', '渠道伙伴');
      await submit(page, '#add-lane button[type="submit"]');
      const custom = page.locator('tr.jr-lane-custom');
      await custom.locator('details.jr-edit summary').first().click();
      await custom.locator('input[name="name"]').fill('渠道合作伙伴');
      await submit(page, 'tr.jr-lane-custom button[value="save"]');
      assert.match(await page.textContent('tr.jr-lane-custom th'), /渠道合作伙伴/);

      await open(page, '#persona details.jr-edit');
      await page.fill('#m-pname', '上班族李女士');
      await submit(page, '#meta-submit');
      assert.equal((await page.textContent('.jr-persona-name')).trim(), '上班族李女士');

      const first = (await stageIds())[0];
      await open(page, `#metrics-${first} details.jr-add`);
      await page.selectOption(`#am-${first}-key`, 'csat');
      await page.fill(`#am-${first}-t`, '4.5');
      await submit(page, `#metrics-${first} .jr-add-metric button[type="submit"]`);
      const card = page.locator(`#metrics-${first} .jr-metric[data-key="csat"]`);
      await card.locator('details.jr-edit summary').click();
      await card.locator('input[name="target"]').fill('4.8');
      await submit(page, `#metrics-${first} .jr-metric[data-key="csat"] button[value="save"]`);
      assert.match(await page.textContent(`#metrics-${first} .jr-metric[data-key="csat"] .jr-target`), /4\.80/);

      // Moving the new stage to the left puts it before the last one.
      const before = await stageIds();
      const last = before[before.length - 1];
      await open(page, `#stage-${last} details.jr-edit`);
      await submit(page, `#stage-${last} button[value="left"]`);
      const after = await stageIds();
      assert.equal(after[after.length - 2], last);
    });

    await t.test('design the golden journey; the current map shows both curves', async () => {
      await submit(page, '#make-golden');
      assert.match(page.url(), /\/journeys\/\d+$/);
      assert.notEqual(page.url(), mapUrl);
      assert.equal(await page.locator('.badge.jr-golden').count(), 1);
      await page.goto(mapUrl);
      assert.equal(await page.locator('#vs-golden').count(), 1);
      assert.equal(await page.locator('.jr-curve.golden').count(), 1);
    });

    await t.test('take a snapshot and compare it with now', async () => {
      await page.fill('#snap-label', '2026-Q4 基线');
      await submit(page, '#snapshot-submit');
      assert.match(page.url(), /\/snapshots\/\d+$/);
      assert.equal((await page.textContent('.jr-snap-label')).trim(), '2026-Q4 基线');
      assert.ok(await page.locator('tr.jr-cmp').count() >= 10);
      await page.goto(`${mapUrl}/history`);
      assert.ok(await page.locator('tr.jr-event').count() >= 10);
    });

    await t.test('duplicate, archive and restore from the list', async () => {
      await page.goto(`${BASE}/journeys/`);
      const row = page.locator('tr.jr-row', { hasText: name }).first();
      const id = await row.getAttribute('data-id');
      await submit(page, `tr.jr-row[data-id="${id}"] .jr-copy`);
      assert.match(await page.textContent('.jr-title'), /副本/);
      await page.goto(`${BASE}/journeys/`);
      await submit(page, `tr.jr-row[data-id="${id}"] .jr-archive`);
      assert.equal(await page.locator(`tr.jr-row[data-id="${id}"]`).count(), 1);
      await submit(page, `tr.jr-row[data-id="${id}"] .jr-restore`);
      assert.equal(await page.locator(`tr.jr-row[data-id="${id}"] .jr-archive`).count(), 1);
    });

    await t.test('a hidden lane is shown again', async () => {
      await page.goto(mapUrl);
      const custom = page.locator('tr.jr-lane-custom');
      await custom.locator('details.jr-edit summary').first().click();
      await submit(page, 'tr.jr-lane-custom button[value="hide"]');
      assert.equal(await page.locator('tr.jr-lane-custom').count(), 0);
      await submit(page, '.jr-show-lane button');
      assert.equal(await page.locator('tr.jr-lane-custom').count(), 1);
      const card = page.locator('.jr-grid .jr-metric[data-key="csat"]').first();
      await card.locator('details.jr-edit summary').click();
      await submit(page, '.jr-grid .jr-metric[data-key="csat"] button[value="delete"]');
      assert.equal(await page.locator('.jr-grid .jr-metric[data-key="csat"]').count(), 1);
    });
  } finally {
    await b.close();
  }
  // On a phone the same map reads stage by stage.
  const p = await browser(PHONE);
  try {
    await signIn(p.page, 'viewer');
    await p.page.goto(mapUrl);
    assert.equal(await p.page.locator('.jr-grid-wrap').isVisible(), false);
    assert.equal(await p.page.locator('.jr-pstage').first().isVisible(), true);
    const w = await p.page.locator('.jr-pstage').first().evaluate((e) => e.getBoundingClientRect().width);
    assert.ok(w > 300 && w <= 390, `one stage fills the screen (${w})`);
    await p.page.locator('.jr-pstage').first().locator('a.jr-next').click();
  } finally {
    await p.close();
  }
});
