// Drill-down in a real browser: a supervisor clicks a tile's value on the
// dashboard and lands on the queue of exactly those tickets (a banner
// names the metric and period, its count is the rows listed), then clears
// the metric filter; the same in English; a viewer's tiles are no links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, browser, signIn } from './lib.mjs';

/** Click the value of tile key on /dash/ and check the queue it opens. */
async function drill(page, key, lang) {
  await page.goto(`${BASE}/dash/?period=30`);
  const link = page.locator(`#tile-${key} a.value-link`);
  assert.equal(await link.count(), 1, `tile ${key} links to its tickets`);
  await Promise.all([page.waitForURL(/\/desk\/\?metric=/), link.click()]);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('metric'), key);
  assert.match(url.searchParams.get('from'), /^\d{4}-\d{2}-\d{2}$/);
  const banner = await page.textContent('.q-drill');
  assert.match(banner, lang === 'en' ? /Tickets behind the metric/ : /工单来自指标/);
  const n = Number(await page.textContent('.q-drill-n'));
  const rows = await page.locator('.q-list tbody tr').count();
  if (n <= 50)
    assert.equal(rows, n, 'the page lists as many tickets as the banner counts');
  else
    assert.equal(rows, 50);
  return banner;
}

test('drill-down from the dashboard to the queue', { timeout: 120000 }, async (t) => {
  await t.test('a supervisor clicks a tile and clears the metric filter', async () => {
    const b = await browser(DESKTOP);
    try {
      const { page } = b;
      await signIn(page, 'supervisor');
      const banner = await drill(page, 'volume', 'zh-CN');
      assert.match(banner, /工单量/);
      await Promise.all([page.waitForURL((u) => u.pathname === '/desk/' && !u.search),
        page.click('.q-drill a:has-text("清除指标筛选")')]);
      assert.equal(await page.locator('.q-drill').count(), 0);
      await drill(page, 'backlog', 'zh-CN');
      // Narrowing by a category keeps the metric (once it dropped it)
      const category = await page.$eval('#f-category option:not([value=""])', (o) => o.value);
      await page.selectOption('#f-category', category);
      await Promise.all([page.waitForNavigation(), page.click('.q-filters button[type="submit"]')]);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('metric'), 'backlog');
      assert.equal(url.searchParams.get('category'), category);
      assert.equal(await page.locator('.q-drill').count(), 1, 'still the metric\'s tickets');
    } finally {
      await b.close();
    }
  });

  await t.test('in English', async () => {
    const b = await browser(DESKTOP, 'en');
    try {
      const { page } = b;
      await signIn(page, 'admin');
      const banner = await drill(page, 'backlog', 'en');
      assert.match(banner, /Backlog/);
    } finally {
      await b.close();
    }
  });

  await t.test('a viewer sees plain numbers', async () => {
    const b = await browser(DESKTOP);
    try {
      const { page } = b;
      await signIn(page, 'viewer');
      await page.goto(`${BASE}/dash/?period=30`);
      assert.equal(await page.locator('#tile-volume .value').count(), 1);
      assert.equal(await page.locator('a[href^="/desk/?metric="]').count(), 0);
    } finally {
      await b.close();
    }
  });
});
