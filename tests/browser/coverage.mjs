// The POST-route coverage gate of the browser suite: fails when a POST route
// of any plugin's route table was not submitted by a real browser.
//
//   node coverage.mjs ACCESS_LOG OFFSET [SRC_DIR]
//
// Routes: every { "POST", "/path/:", roles, flags, handler } entry of the
// route tables in SRC_DIR/*/*.c (default: the repository's cgi/). An entry
// whose flags contain ROUTE_NO_CSRF is a machine API authenticated by a key,
// not a form a user submits: it is listed as excluded, not counted. Any
// `{ "POST"` the parser cannot read is an error (exit 2), so a reformatted
// table cannot silently drop routes from the count.
//
// Requests: the JSON lines of nginx's access log (method, uri, status,
// agent) from byte OFFSET on (run.sh takes the log's size before the run),
// keeping only POSTs whose agent contains UA_MARK: what the suite's
// browsers sent, never an HTTP test's libcurl request. The uri's query is
// dropped; the path is matched to the route patterns as route.c does
// (':' = one non-empty segment, '*' = the non-empty rest); when two patterns
// match, the one with more literal characters wins (the tables put fixed
// paths before id patterns).
//
// The rule: a route is REACHED when at least one such POST to it was
// answered 2xx or 3xx — 303, the answer of a form that worked, or 201 for
// the one page that must show its result at once (a new API key). Any other
// answer does not count on its own: 403/404/405 mean the form could not be
// used, 5xx that it broke, and a 4xx validation answer (422, 400, 409...) only
// shows the form refused something, so a route seen only with 422s is still
// missing. In short, "a user could submit it and it worked".
//
// Prints each excluded route with its reason, each missing route with what
// was seen for it, and "coverage: N of M POST routes reached by the
// browser"; exit 0 when every counted route was reached, 1 when any is
// missing, 2 when it cannot measure (no log, no routes, unparsed entries).
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UA_MARK } from './lib.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');

function die(msg) {
  console.log(`coverage: ${msg}`);
  process.exit(2);
}

/** Every POST entry of the route tables under src: [{ pattern, flags, where }].
 * Throws on an entry it cannot read. */
export function postRoutes(src) {
  // method, pattern, roles, flags, handler[, session statement]
  const entry = /\{\s*"POST"\s*,\s*"([^"]+)"\s*,\s*([^,{}]+?)\s*,\s*([^,{}]+?)\s*,\s*([A-Za-z_]\w*)\s*(?:,\s*(?:NULL|&[A-Za-z_]\w*)\s*)?\}/g;
  const opening = /\{\s*"POST"/g;
  const routes = [];
  for (const plugin of readdirSync(src).sort()) {
    const dir = join(src, plugin);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.c')).sort()) {
      const file = join(dir, name);
      const text = readFileSync(file, 'utf8');
      const lineOf = (i) => text.slice(0, i).split('\n').length;
      const parsed = new Set();
      for (const m of text.matchAll(entry)) {
        parsed.add(m.index);
        routes.push({ pattern: m[1], flags: m[3], where: `${relative(ROOT, file)}:${lineOf(m.index)}` });
      }
      for (const m of text.matchAll(opening))
        if (!parsed.has(m.index))
          throw new Error(`unreadable route entry at ${relative(ROOT, file)}:${lineOf(m.index)}`);
    }
  }
  return routes;
}

/** A matcher for a route pattern, as route_match_one() in cgi/core/route.c. */
function matcher(pattern) {
  const re = pattern.split(/([:*])/).map((part) =>
    part === ':' ? '[^/]+' : part === '*' ? '.+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('');
  return new RegExp(`^${re}$`);
}

/** The POST lines of the log from offset on whose agent has UA_MARK. */
export function browserPosts(log, offset) {
  const fd = openSync(log, 'r');
  const size = fstatSync(fd).size;
  const start = Math.min(offset, size);
  const buf = Buffer.alloc(size - start);
  readSync(fd, buf, 0, buf.length, start);
  closeSync(fd);
  const posts = [];
  for (const line of buf.toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    let e;
    try { e = JSON.parse(line); } catch { continue; }   // nginx's own error lines are not JSON
    if (e.method === 'POST' && typeof e.agent === 'string' && e.agent.includes(UA_MARK))
      posts.push({ path: String(e.uri).replace(/[?#].*$/, ''), status: Number(e.status) });
  }
  return posts;
}

const success = (status) => status >= 200 && status < 400;
const excludedFlag = (r) => /\bROUTE_NO_CSRF\b/.test(r.flags);

/** Match posts to routes: { counted, excluded, missing, seen, unmatched };
 * seen maps a pattern to its Map of status -> count. */
export function reach(routes, posts) {
  const seen = new Map(routes.map((r) => [r.pattern, new Map()]));
  const matchers = routes.map((r) => ({ r, re: matcher(r.pattern), literal: r.pattern.replace(/[:*]/g, '').length }));
  const unmatched = new Map();
  for (const p of posts) {
    const hits = matchers.filter((m) => m.re.test(p.path)).sort((a, b) => b.literal - a.literal);
    if (hits.length === 0) {
      unmatched.set(p.path, (unmatched.get(p.path) || 0) + 1);
      continue;
    }
    const statuses = seen.get(hits[0].r.pattern);
    statuses.set(p.status, (statuses.get(p.status) || 0) + 1);
  }
  const counted = routes.filter((r) => !excludedFlag(r));
  return {
    counted, excluded: routes.filter(excludedFlag), seen, unmatched,
    missing: counted.filter((r) => ![...seen.get(r.pattern).keys()].some(success)),
  };
}

function main() {
  const [log, offsetArg, src = join(ROOT, 'cgi')] = process.argv.slice(2);
  if (!log || offsetArg === undefined || !/^\d+$/.test(offsetArg))
    die('usage: node coverage.mjs ACCESS_LOG OFFSET [SRC_DIR]');
  let routes;
  try { routes = postRoutes(src); } catch (e) { die(`cannot read the route tables in ${src}: ${e.message}`); }
  if (routes.length === 0) die(`no POST route found in ${src}`);
  let posts;
  try { posts = browserPosts(log, Number(offsetArg)); } catch (e) { die(`cannot read ${log}: ${e.message}`); }

  const { counted, excluded, missing, seen, unmatched } = reach(routes, posts);
  const describe = (statuses) => statuses.size === 0 ? 'never posted' :
    'only ' + [...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(', ');
  console.log(`coverage: ${posts.length} browser POSTs in the log since byte ${offsetArg}`);
  for (const r of excluded)
    console.log(`coverage: excluded ${r.pattern} (${r.where}): ROUTE_NO_CSRF, a machine API ` +
      'authenticated by an API key, not a form');
  for (const [path, n] of unmatched)
    console.log(`coverage: note: ${n} browser POST(s) to ${path} match no route`);
  for (const r of missing)
    console.log(`coverage: MISSING POST ${r.pattern} (${r.where}): ${describe(seen.get(r.pattern))}`);
  console.log(`coverage: ${counted.length - missing.length} of ${counted.length} POST routes reached by the browser`);
  process.exit(missing.length === 0 ? 0 : 1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
