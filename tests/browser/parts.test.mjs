// Spare parts in a real browser, as a supervisor on a desktop: create a part
// (first with a SKU that has a space, refused at its field), receive
// stock, try to take more than there is (refused, nothing changes), edit
// the part. Every form is submitted by clicking its button. Creates its own
// part (unique SKU).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, browser, signIn, clickPost, unique, fieldError } from './lib.mjs';

const stockTotal = async (page) => Number((await page.textContent('#stock-total')).trim());

test('spare parts: create, receive stock, refuse a shortfall, edit', { timeout: 120000 }, async () => {
  const b = await browser(DESKTOP);
  try {
    const { page } = b;
    const sku = unique('BT-').toUpperCase();
    await signIn(page, 'supervisor');

    await page.goto(`${BASE}/desk/parts/new`);
    await page.fill('#sku', `${sku} X`);
    await page.fill('#name_zh', '浏览器测试电容');
    await page.fill('#name_en', 'Browser test capacitor');
    await page.selectOption('#category', { label: '空调' });
    await page.fill('#unit', '个');
    await page.fill('#unit_cost', '12.50');
    await page.fill('#reorder_level', '2');
    await page.fill('#reorder_qty', '10');
    await page.fill('#lead_time_days', '3');
    let r = await clickPost(page, '#part-submit');
    assert.equal(r.status, 422);
    assert.match(await fieldError(page, '#sku'), /字母、数字/);
    assert.equal(await page.inputValue('#sku'), `${sku} X`, 'the refused value is kept');
    assert.equal(await page.inputValue('#reorder_qty'), '10', 'the other values are kept');
    assert.equal(await page.getAttribute('#unit_cost', 'type'), 'number', 'amounts are number inputs');

    await page.fill('#sku', sku);
    r = await clickPost(page, '#part-submit');
    assert.equal(r.status, 303);
    const m = /^\/desk\/parts\/(\d+)$/.exec(new URL(page.url()).pathname);
    assert.ok(m, `the new part's page, got ${page.url()}`);
    const id = Number(m[1]);
    assert.equal((await page.textContent('.pt-sku')).trim(), sku);
    assert.match(await page.textContent('.pt-facts'), /¥12\.50/);
    assert.equal(await stockTotal(page), 0);
    assert.equal(await page.locator('#part-alert').count(), 1, 'no stock: below the reorder level');

    // Receive 5 at the first location.
    await page.selectOption('#st-action', 'receive');
    const loc = await page.$eval('#st-location option', (o) => o.value);
    await page.selectOption('#st-location', loc);
    await page.fill('#st-qty', '5');
    await page.fill('#st-note', '浏览器测试入库');
    r = await clickPost(page, '#stock-submit');
    assert.equal(r.status, 303);
    assert.equal(new URL(page.url()).pathname, `/desk/parts/${id}`);
    assert.equal(await stockTotal(page), 5);
    assert.equal(await page.locator('#part-alert').count(), 0, 'above the reorder level now');
    assert.match(await page.textContent('#moves'), /浏览器测试入库/);

    // A stock-take that would go below zero: refused at the quantity.
    await page.selectOption('#st-action', 'adjust');
    await page.selectOption('#st-location', loc);
    await page.fill('#st-qty', '-9');
    await page.fill('#st-note', '盘点');
    r = await clickPost(page, '#stock-submit');
    assert.equal(r.status, 422);
    assert.equal(await fieldError(page, '#st-qty'), '库存不足');
    assert.equal(await page.inputValue('#st-qty'), '-9');
    assert.equal(await stockTotal(page), 5, 'nothing changed');

    // Edit: a new name and reorder level.
    await Promise.all([page.waitForURL(`${BASE}/desk/parts/${id}/edit`), page.click('#part-edit')]);
    assert.equal(await page.inputValue('#sku'), sku);
    await page.fill('#name_zh', '浏览器测试电容(改)');
    await page.fill('#reorder_level', '8');
    r = await clickPost(page, '#part-submit');
    assert.equal(r.status, 303);
    assert.equal(new URL(page.url()).pathname, `/desk/parts/${id}`);
    assert.match(await page.textContent('.pt-head h1'), /浏览器测试电容\(改\)/);
    assert.equal((await page.textContent('#reorder-level')).trim(), '8');
    assert.equal(await page.locator('#part-alert').count(), 1, '5 in stock is at or below 8');
  } finally {
    await b.close();
  }
});
