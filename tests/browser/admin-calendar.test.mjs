// The business calendar in a real browser, as admin on a desktop: working
// hours (an end before the start is refused at its row; a change is saved),
// the time zone, and special days (add — the same day twice is refused —,
// delete). Every form is submitted by clicking its button.
//
// The calendar is shared by every test of the run: hours and time zone are
// read first and restored exactly (by the same forms) before the test ends,
// even when it fails; the special day is one in the 2090s that nothing else
// uses, and is deleted again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, browser, signIn, clickPost, fieldError } from './lib.mjs';

const HOURS = 'form[action="/admin/calendar/hours"] button[type="submit"]';
const TZ = 'form[action="/admin/calendar/timezone"] button[type="submit"]';

/** Every start_/end_/closed_ field of the hours form, by name. */
async function readHours(page) {
  return page.$$eval('form[action="/admin/calendar/hours"] input[name]:not([name="csrf"])', (ins) =>
    Object.fromEntries(ins.map((i) => [i.name, i.type === 'checkbox' ? i.checked : i.value])));
}

async function writeHours(page, hours) {
  for (const [name, v] of Object.entries(hours)) {
    const sel = `form[action="/admin/calendar/hours"] input[name="${name}"]`;
    if (typeof v === 'boolean') await page.setChecked(sel, v);
    else await page.fill(sel, v);
  }
}

test('admin: calendar hours, time zone, special days', { timeout: 150000 }, async (t) => {
  const b = await browser(DESKTOP);
  try {
    const { page } = b;
    await signIn(page, 'admin');
    await page.goto(`${BASE}/admin/calendar`);
    const hours = await readHours(page);
    const tz = await page.inputValue('#tz-zone');
    assert.equal(hours.end_6 !== undefined && hours.closed_0 !== undefined, true, 'a row per weekday');

    await t.test('hours: an end before the start is refused at its row; a change is saved', async () => {
      try {
        await page.fill('input[name="end_1"]', '07:00');
        let r = await clickPost(page, HOURS);
        assert.equal(r.status, 422);
        const row = page.locator('.adm-hours-row', { has: page.locator('input[name="end_1"]') });
        assert.equal(await row.locator('input[name="end_1"]').getAttribute('aria-invalid'), 'true');
        assert.match(await row.locator('.field-error').textContent(), /下班时间须晚于上班时间/);
        assert.equal(await page.inputValue('input[name="end_1"]'), '07:00', 'the value is kept');
        await page.goto(`${BASE}/admin/calendar`);
        assert.deepEqual(await readHours(page), hours, 'nothing changed');

        await page.fill('input[name="end_6"]', hours.end_6 === '17:00' ? '16:30' : '17:00');
        const changed = await page.inputValue('input[name="end_6"]');
        r = await clickPost(page, HOURS);
        assert.equal(r.status, 303);
        assert.match(await page.textContent('.note.ok'), /\S/);
        assert.equal(await page.inputValue('input[name="end_6"]'), changed);
      } finally {
        await page.goto(`${BASE}/admin/calendar`);
        await writeHours(page, hours);
        assert.equal((await clickPost(page, HOURS)).status, 303, 'the hours are restored');
        assert.deepEqual(await readHours(page), hours);
      }
    });

    await t.test('time zone: a change is saved (and restored)', async () => {
      try {
        const other = tz === 'Asia/Tokyo' ? 'Asia/Bangkok' : 'Asia/Tokyo';
        await page.selectOption('#tz-zone', other);   // picked from a list
        const r = await clickPost(page, TZ);
        assert.equal(r.status, 303);
        assert.equal(await page.inputValue('#tz-zone'), other);
      } finally {
        await page.goto(`${BASE}/admin/calendar`);
        await page.selectOption('#tz-zone', tz);
        assert.equal((await clickPost(page, TZ)).status, 303, 'the time zone is restored');
        assert.equal(await page.inputValue('#tz-zone'), tz);
      }
    });

    await t.test('special days: add; the same day twice is refused; delete', async () => {
      const year = 2090 + Math.floor(Math.random() * 9);
      const day = `${year}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-` +
        String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
      const add = 'form[action="/admin/calendar/days"] button[type="submit"]';
      const row = () => page.locator('#days tr', { has: page.locator(`time[datetime="${day}"]`) });
      await page.goto(`${BASE}/admin/calendar`);
      await page.fill('#day', day);
      await page.selectOption('#kind', 'holiday');
      await page.fill('#day-name', '浏览器测试假日');
      let r = await clickPost(page, add);
      assert.equal(r.status, 303);
      assert.equal(await row().count(), 1);
      assert.match(await row().textContent(), /浏览器测试假日/);

      await page.fill('#day', day);
      await page.selectOption('#kind', 'workday');
      await page.fill('#day-name', '重复');
      r = await clickPost(page, add);
      assert.equal(r.status, 422);
      assert.match(await fieldError(page, '#day'), /已经设置过/);
      assert.match(await row().textContent(), /浏览器测试假日/, 'the first entry is unchanged');

      r = await clickPost(page, `form[action="/admin/calendar/days/${day}/delete"] button[type="submit"]`);
      assert.equal(r.status, 303);
      assert.equal(await row().count(), 0);
    });
  } finally {
    await b.close();
  }
});
