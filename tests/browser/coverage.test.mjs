// The coverage gate's own rules, on a made-up route table and access log
// (no browser): what counts as reached, what is excluded, what is ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, appendFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postRoutes, browserPosts, reach } from './coverage.mjs';
import { UA_MARK } from './lib.mjs';

const TABLE = `static const struct route routes[] = {
	{ "GET",  "/shop/items",            ROLES_DESK, 0, items_get },
	{ "POST", "/shop/items",            ROLES_DESK, 0, items_post },
	{ "POST", "/shop/items/new",        ROLES_DESK, 0, item_new_post, NULL },
	{ "POST", "/shop/items/:",          ROLES_DESK, ROUTE_SESSION_ID, item_post, &item_session_q },
	{ "POST", "/shop/items/:/delete",   ROLES_DESK, 0, item_delete_post },
	{ "POST", "/api/v1/items",          ROLES_PUBLIC, ROUTE_NO_CSRF | ROUTE_NO_DB, api_post },
	{ "POST",
	  "/shop/multi/line",               ROLES_DESK, 0, multi_post },
};`;

const line = (method, uri, status, agent) => JSON.stringify({ method, uri, status, agent }) + '\n';
const UA = `Mozilla/5.0 Chrome/120.0 ${UA_MARK}`;

test('coverage gate rules', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sl-coverage-'));
  try {
    mkdirSync(join(dir, 'cgi', 'shop'), { recursive: true });
    writeFileSync(join(dir, 'cgi', 'shop', 'main.c'), TABLE);
    const log = join(dir, 'access.log');
    // Before the offset: would reach every route, must not count.
    writeFileSync(log, ['/shop/items', '/shop/items/new', '/shop/items/1', '/shop/items/1/delete',
      '/shop/multi/line'].map((u) => line('POST', u, 303, UA)).join(''));
    const offset = statSync(log).size;
    appendFileSync(log,
      line('POST', '/shop/items?x=1', 303, UA) +              // reached (query dropped)
      line('POST', '/shop/items/new', 422, UA) +              // only a validation answer
      line('POST', '/shop/items/7', 303, 'curl/8.5.0') +      // not a browser of the suite
      line('GET', '/shop/items/7', 200, UA) +                 // not a POST
      line('POST', '/shop/items/7', 403, UA) +                // refused: not reached
      line('POST', '/shop/items/7/delete', 502, UA) +         // broke: not reached
      line('POST', '/shop/multi/line', 201, UA) +             // a 201 page is a success
      'nginx: not json\n' +
      line('POST', '/nowhere', 303, UA));

    const routes = postRoutes(join(dir, 'cgi'));
    const posts = browserPosts(log, offset);
    const got = reach(routes, posts);

    await t.test('every POST entry is read, also over two lines', () => {
      assert.deepEqual(routes.map((r) => r.pattern), ['/shop/items', '/shop/items/new', '/shop/items/:',
        '/shop/items/:/delete', '/api/v1/items', '/shop/multi/line']);
    });
    await t.test('ROUTE_NO_CSRF routes are excluded, not counted', () => {
      assert.deepEqual(got.excluded.map((r) => r.pattern), ['/api/v1/items']);
      assert.equal(got.counted.length, 5);
    });
    await t.test('only marked POSTs after the offset are read', () => {
      assert.equal(posts.length, 6);
    });
    await t.test('reached needs a 2xx/3xx answer; 422, 403, 5xx alone are missing', () => {
      assert.deepEqual(got.missing.map((r) => r.pattern), ['/shop/items/new', '/shop/items/:',
        '/shop/items/:/delete']);
      assert.deepEqual([...got.seen.get('/shop/items/new')], [[422, 1]]);
    });
    await t.test('a fixed path wins over an id pattern', () => {
      assert.equal(got.seen.get('/shop/items/:').has(422), false);
    });
    await t.test('a POST matching no route is reported', () => {
      assert.deepEqual([...got.unmatched], [['/nowhere', 1]]);
    });
    await t.test('an entry it cannot read is an error, not a silent drop', () => {
      writeFileSync(join(dir, 'cgi', 'shop', 'extra.c'), '{ "POST", PATH_MACRO, ROLES_DESK, 0, h },');
      assert.throws(() => postRoutes(join(dir, 'cgi')), /unreadable route entry/);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
